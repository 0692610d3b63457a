import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { VitePWA } from "vite-plugin-pwa";
import { headersFor, META_CSP } from "./scripts/security-policy.mjs";
import {
  buildSingleFileAfter,
  inlineAnalysisWorker,
  inlineIntoPage,
  SINGLE_FILE_MODE,
  SINGLE_FILE_NAME,
} from "./scripts/single-file.mjs";

const CHARSET = '<meta charset="utf-8" />';
const ROOT = fileURLToPath(new URL(".", import.meta.url));
const CONFIG_FILE = fileURLToPath(import.meta.url);

/**
 * Puts the referrer policy, and the CSP when it is known before bundling, right after the charset, before any
 * script or style they govern. The single-file build adds its hash-based CSP once its inline blocks exist.
 */
function securityMeta(csp: string | undefined): Plugin {
  return {
    name: "certflow-security-meta",
    apply: "build",
    transformIndexHtml: {
      order: "pre",
      handler(html) {
        if (!html.includes(CHARSET)) throw new Error(`index.html must start its <head> with ${CHARSET}`);
        const tags = [
          ...(csp === undefined ? [] : [`<meta http-equiv="Content-Security-Policy" content="${csp}" />`]),
          '<meta name="referrer" content="no-referrer" />',
        ];
        return html.replace(CHARSET, [CHARSET, ...tags].join("\n    "));
      },
    },
  };
}

/** `npm start` sends the production headers, with the service worker's own CSP for sw.js. */
function securityHeaders(): Plugin {
  return {
    name: "certflow-security-headers",
    configurePreviewServer(server) {
      server.middlewares.use((request, response, next) => {
        for (const [name, value] of Object.entries(headersFor(request.url ?? "/"))) response.setHeader(name, value);
        next();
      });
    },
  };
}

/**
 * Offline after one visit: Workbox precaches every file of the build (the lazy certificate chunk and the worker
 * included) and serves the page from the cache. Nothing from another origin is cached or fetched. The service
 * worker is registered by src/app/sw-register.ts, never by an inline script, and waits for the user to reload
 * before a new version takes over.
 */
function offline(): Plugin[] {
  return VitePWA({
    strategies: "generateSW",
    registerType: "prompt",
    injectRegister: false,
    manifestFilename: "manifest.webmanifest",
    manifest: {
      name: "certflow — Exchange SMTP certificate checker",
      short_name: "certflow",
      description:
        "Paste Exchange PowerShell output and see which TLS certificate each SMTP connector presents. Nothing leaves your browser.",
      start_url: "./",
      scope: "./",
      display: "standalone",
      background_color: "#ffffff",
      theme_color: "#1f5fae",
      icons: [
        { src: "icons/icon-192.png", sizes: "192x192", type: "image/png" },
        { src: "icons/icon-512.png", sizes: "512x512", type: "image/png" },
        { src: "icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        { src: "favicon.svg", sizes: "any", type: "image/svg+xml" },
      ],
    },
    // The glob below already lists the icons; listing them twice would precache them twice.
    includeManifestIcons: false,
    workbox: {
      globPatterns: ["**/*.{js,css,html,svg,png,ps1}"],
      // The single-file download is for taking away, not for running here offline.
      globIgnores: [SINGLE_FILE_NAME],
      navigateFallback: "index.html",
      navigateFallbackDenylist: [/certflow\.html$/],
      cleanupOutdatedCaches: true,
      // No importScripts in the service worker: it loads no script but itself.
      inlineWorkboxRuntime: true,
      sourcemap: false,
    },
  });
}

export default defineConfig(({ mode }) => {
  const singleFile = mode === SINGLE_FILE_MODE;
  return {
    base: "./",
    plugins: singleFile
      ? [react(), securityMeta(undefined), inlineAnalysisWorker(ROOT), inlineIntoPage(ROOT)]
      : [react(), securityMeta(META_CSP), securityHeaders(), offline(), buildSingleFileAfter(CONFIG_FILE)],
    // The hosted build has already copied public/ into dist/; the single file needs none of it.
    publicDir: singleFile ? false : "public",
    build: {
      outDir: "dist",
      emptyOutDir: !singleFile,
      target: "es2022",
      // The polyfill would fetch() chunks, and connect-src is 'none'; every supported browser has modulepreload.
      modulePreload: { polyfill: false },
      ...(singleFile
        ? {
            cssCodeSplit: false,
            assetsInlineLimit: Number.MAX_SAFE_INTEGER,
            rolldownOptions: { output: { codeSplitting: false } },
          }
        : {}),
    },
    // Chromium will not start a module worker from a blob: URL on a page opened from disk, but will a classic one.
    worker: singleFile
      ? { format: "iife" as const, rolldownOptions: { output: { codeSplitting: false } } }
      : { format: "es" as const },
    preview: {
      host: "127.0.0.1",
      port: 4173,
      strictPort: true,
      // A page that reads nothing from other origins has no reason to let other origins read it.
      cors: false,
    },
  };
});
