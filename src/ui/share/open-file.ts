import { MAX_SHARE_BYTES } from "../../share/envelope";
import { fromUtf8 } from "../../share/natives";
import { REDACTED_NOTE } from "../../state/persist-start";
import type { CertflowStore } from "../../state/store";

const SHARE_ENVELOPE_START = /^\uFEFF?\s*\{"v":/;

/**
 * Opens a file chosen or dropped onto the paste box: a .certflow file restores the shared input, any other text
 * file becomes the paste. Nothing is uploaded; the file is read in this tab.
 */
export async function openFile(file: File, store: CertflowStore): Promise<void> {
  const state = store.getState();
  if (file.size > MAX_SHARE_BYTES) {
    state.setShareNotice({
      tone: "error",
      message: `This file is larger than ${MAX_SHARE_BYTES / 1024 / 1024} MB, which certflow does not open. Nothing was loaded.`,
    });
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    state.setShareNotice({ tone: "error", message: "This file could not be read. Nothing was loaded." });
    return;
  }
  // By name, or by content for a .certflow file that was renamed on its way.
  if (/\.certflow$/i.test(file.name) || SHARE_ENVELOPE_START.test(fromUtf8(bytes.subarray(0, 16)) ?? "")) {
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
  const text = fromUtf8(bytes);
  if (text === undefined) {
    state.setShareNotice({
      tone: "error",
      message: "This file is not text (UTF-8), so it cannot be read as a paste. Nothing was loaded.",
    });
    return;
  }
  state.setText(text);
  state.setShareNotice(null);
}
