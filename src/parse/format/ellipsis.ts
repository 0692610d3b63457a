/**
 * Get-ExchangeCertificate's Services flags (`IP.WS..`, `.......`, `IP....`) end in dots
 * without having been cut.
 */
const SERVICES_FLAGS = /^[I.][P.][U.][W.][S.][F.]\S?$/i;

/**
 * Length of the truncation mark PowerShell leaves at the end of a cut value:
 * `...` (Windows PowerShell) or `…` (PowerShell 7). 0 when the text is not marked.
 */
export function ellipsisLength(text: string): number {
  // Asked of every value read: most end in neither mark, which their last character tells.
  const last = text.charCodeAt(text.length - 1);
  if (last === 46 && text.endsWith("...")) return SERVICES_FLAGS.test(text) ? 0 : 3;
  if (last === 0x2026) return SERVICES_FLAGS.test(text) ? 0 : 1;
  return 0;
}
