import { clearShareFragment, readShareFragment } from "../share/hash";
import { localToday } from "./input";
import { browserStorage, connectDraft, readDraft } from "./persist";
import type { CertflowStore } from "./store";

export const REDACTED_NOTE =
  "This shared paste was redacted by the sender: domain and server names, thumbprints and addresses are placeholders (example1.test, SERVER1 …).";

/** Loads the share link in the address, if there is one; a broken one leaves the input alone and says why. */
async function openLinkInAddress(store: CertflowStore): Promise<boolean> {
  const fragment = readShareFragment();
  if (fragment === undefined) return false;
  // Most visits carry no link: the decoder loads only for those that do.
  const { openShareFragment } = await import("../share/restore");
  const restored = await openShareFragment(fragment);
  const state = store.getState();
  if (!restored.ok) {
    state.setShareNotice({ tone: "error", message: restored.message });
    return true;
  }
  state.loadInput(restored.input, { redactIsOption: false });
  state.setShareNotice(restored.input.redact === true ? { tone: "info", message: REDACTED_NOTE } : null);
  return true;
}

/**
 * On load a share link in the address wins over the draft (the draft stays saved until the input is edited);
 * after that the draft follows the input, and the address drops a link that no longer shows what is in the box.
 */
export async function startPersistence(store: CertflowStore, today: string = localToday()): Promise<void> {
  const storage = browserStorage();
  if (!(await openLinkInAddress(store))) {
    const draft = readDraft(storage);
    if (draft !== undefined) store.getState().loadInput(draft, { redactIsOption: true });
  }
  // A link pasted into the address bar of an open certflow tab changes only the fragment, which loads no page;
  // reloading opens it the way a new tab would.
  window.addEventListener("hashchange", () => {
    if (readShareFragment() !== undefined) location.reload();
  });

  const draft = connectDraft(store, storage, today);
  window.addEventListener("pagehide", () => draft.flush());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") draft.flush();
  });
  store.subscribe((now, before) => {
    const changed =
      now.text !== before.text ||
      now.asOf !== before.asOf ||
      now.server !== before.server ||
      now.whatIfEdits !== before.whatIfEdits ||
      now.renewal !== before.renewal;
    if (changed) clearShareFragment();
  });
}
