// Long enough for the browser to have taken the file over from the object URL.
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves a file through a temporary object URL and link; nothing leaves the browser. Callers pass fixed file
 * names: nothing pasted ever names a file.
 */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
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
