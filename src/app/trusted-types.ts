// Trusted Types are enforced by the CSP (`require-trusted-types-for 'script'; trusted-types default`). This
// `default` policy is the only one: it turns no string into HTML or script, so any innerHTML-style sink fails
// loudly, and it lets through only script URLs of this page's own origin (the analysis worker and its chunks, the
// service worker).

interface TrustedTypesFactory {
  createPolicy(name: string, rules: { createScriptURL(input: string): string }): unknown;
}

export function sameOriginScriptUrl(input: string, base: string, origin: string): string {
  const url = new URL(input, base);
  // A page opened from disk has an opaque origin (Chromium names it "file://", others "null"), and every data: URL
  // is opaque too; there the page's own scripts are the blob: URLs it made (the single-file build's worker).
  const opaque = origin === "null" || origin.startsWith("file:");
  const own = opaque ? url.href.startsWith("blob:null/") : url.origin === origin;
  if (!own) throw new TypeError(`Blocked a script from another origin: ${url.origin}`);
  return url.href;
}

export function installTrustedTypesPolicy(): void {
  const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
  if (factory === undefined) return;
  factory.createPolicy("default", {
    createScriptURL: (input) => sameOriginScriptUrl(input, document.baseURI, location.origin),
  });
}
