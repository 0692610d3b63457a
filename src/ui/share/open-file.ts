import { MAX_PASTE_CHARS, pasteTooLargeMessage } from "../../limits";
import { MAX_SHARE_BYTES } from "../../share/envelope";
import { fromUtf8 } from "../../share/natives";
import { REDACTED_NOTE } from "../../state/persist-start";
import type { CertflowStore } from "../../state/store";
import { decodeTextFile } from "../../text-file";

const SHARE_ENVELOPE_START = /^\uFEFF?\s*\{"v":/;

/**
 * Opens a file chosen or dropped onto the paste box: a .certflow file restores the shared input, any other text
 * file (UTF-8, UTF-16 or ANSI, as PowerShell saves them) becomes the paste, up to the paste limit. Nothing is
 * uploaded; the file is read in this tab.
 */
export async function openFile(file: File, store: CertflowStore): Promise<void> {
  const state = store.getState();
  const head = await readBytes(file.slice(0, 16));
  if (head === undefined) return cannotRead(store);
  // By name, or by content for a .certflow file that was renamed on its way.
  const shared = /\.certflow$/i.test(file.name) || SHARE_ENVELOPE_START.test(fromUtf8(head) ?? "");
  const limit = shared ? MAX_SHARE_BYTES : MAX_PASTE_CHARS;
  if (file.size > limit) {
    state.setShareNotice({
      tone: "error",
      message: shared
        ? `This file is larger than ${MAX_SHARE_BYTES / 1024 / 1024} MB, which certflow does not open. Nothing was loaded.`
        : `${pasteTooLargeMessage(file.size).replace("This paste is", "This file is").replace(" so it was not analysed", " so it was not opened")}`,
    });
    return;
  }
  const bytes = await readBytes(file);
  if (bytes === undefined) return cannotRead(store);
  if (shared) {
    const { openShareFile } = await import("../../share/restore");
    const restored = openShareFile(bytes);
    if (!restored.ok) {
      state.setShareNotice({ tone: "error", message: restored.message });
      return;
    }
    state.loadInput(restored.input, { redactIsOption: false });
    state.setShareNotice(restored.input.redact === true ? { tone: "info", message: REDACTED_NOTE } : null);
    return;
  }
  const decoded = decodeTextFile(bytes);
  if (!decoded.ok) {
    state.setShareNotice({
      tone: "error",
      message: "This file is not text (it holds NUL bytes), so it cannot be read as a paste. Nothing was loaded.",
    });
    return;
  }
  state.setText(decoded.text);
  state.setShareNotice(null);
}

async function readBytes(blob: Blob): Promise<Uint8Array | undefined> {
  try {
    return new Uint8Array(await blob.arrayBuffer());
  } catch {
    return undefined;
  }
}

function cannotRead(store: CertflowStore): void {
  store.getState().setShareNotice({ tone: "error", message: "This file could not be read. Nothing was loaded." });
}
