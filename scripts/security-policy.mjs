// One source for the page's security policy: the build injects the meta CSP, `vite preview` (npm start) sends the
// headers, and the README documents the same header set for hosts that can send headers.

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
