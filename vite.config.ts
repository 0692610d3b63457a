import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { META_CSP, SECURITY_HEADERS } from "./scripts/security-policy.mjs";

const CHARSET = '<meta charset="utf-8" />';

/** Puts the CSP and the referrer policy right after the charset, before any script or style they govern. */
function securityMeta(): Plugin {
  return {
    name: "certflow-security-meta",
    apply: "build",
    transformIndexHtml: {
      order: "pre",
      handler(html) {
        if (!html.includes(CHARSET)) throw new Error(`index.html must start its <head> with ${CHARSET}`);
        const tags = [
          `<meta http-equiv="Content-Security-Policy" content="${META_CSP}" />`,
          '<meta name="referrer" content="no-referrer" />',
        ];
        return html.replace(CHARSET, [CHARSET, ...tags].join("\n    "));
      },
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [react(), securityMeta()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The polyfill would fetch() chunks, and connect-src is 'none'; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
  },
  worker: { format: "es" },
  preview: {
    host: "127.0.0.1",
    port: 4173,
    strictPort: true,
    // A page that reads nothing from other origins has no reason to let other origins read it.
    cors: false,
    headers: SECURITY_HEADERS,
  },
});
