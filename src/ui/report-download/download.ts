/** File names are fixed: nothing pasted ever names a file. */
export const MARKDOWN_FILE = "certflow-report.md";
export const JSON_FILE = "certflow-report.json";

// Long enough for the browser to have taken the file over from the object URL.
const REVOKE_AFTER_MS = 10_000;

/** Saves text as a file through a temporary object URL and link; the URL is revoked once the download has started. */
export function downloadText(fileName: typeof MARKDOWN_FILE | typeof JSON_FILE, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
