// One source for the page's security policy: the build injects the meta CSP, `vite preview` (npm start) sends the
// headers, the single-file build gets its own hash-based policy, and the README documents the same header set for
// hosts that can send headers.

const directives = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'none'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types default",
];

/** The CSP a `<meta>` can carry (browsers ignore frame-ancestors there, and warn about it). */
export const META_CSP = directives.join("; ");

/** The CSP for hosts that send headers: the meta policy plus what only a header can say. */
export const HEADER_CSP = [...directives, "frame-ancestors 'none'"].join("; ");

export const SECURITY_HEADERS = Object.freeze({
  "Content-Security-Policy": HEADER_CSP,
  "Referrer-Policy": "no-referrer",
  "X-Content-Type-Options": "nosniff",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()",
});

/**
 * The service worker (sw.js) is governed by the policy sent with its own script, not the page's. It fetches the
 * app's own files to keep them for offline use, so it needs `connect-src 'self'`; it never runs code from a string
 * or loads another script (the Workbox runtime is inlined into it).
 */
export const SERVICE_WORKER_CSP = "default-src 'none'; connect-src 'self'";

/** The headers for one served path: the page's set, with the service worker's own CSP for sw.js. */
export function headersFor(path) {
  const file = path.split("?")[0] ?? "";
  return file.endsWith("/sw.js")
    ? { ...SECURITY_HEADERS, "Content-Security-Policy": SERVICE_WORKER_CSP }
    : SECURITY_HEADERS;
}

/**
 * certflow.html opened from disk: its origin is opaque and everything is inline, so scripts and styles are allowed
 * by the hash of each inlined block, images only as data: URIs, and the analysis worker from the blob: URL the page
 * makes of its inlined code.
 */
export function singleFileCsp({ scripts, styles }) {
  const hashes = (list) => list.map((hash) => `'${hash}'`).join(" ");
  return [
    "default-src 'none'",
    `script-src ${hashes(scripts)}`,
    `style-src ${hashes(styles)}`,
    "img-src data:",
    "connect-src 'none'",
    "worker-src blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types default",
  ].join("; ");
}
