/** Fixed, so nothing pasted ever names a file. */
export const SHARE_FILE_NAME = "certflow-share.certflow";

// Long enough for the browser to have taken the file over from the object URL.
const REVOKE_AFTER_MS = 10_000;

/** Saves text as a file through a temporary object URL and link; nothing leaves the browser. */
export function saveShareFile(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = SHARE_FILE_NAME;
  link.rel = "noopener";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
