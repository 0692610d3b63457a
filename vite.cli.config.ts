import { defineConfig } from "vite";

// The CLI is the same pure analysis as the app, bundled for Node. Dependencies stay external: `npm ci` installs them.
export default defineConfig({
  publicDir: false,
  build: {
    ssr: "src/cli/node-entry.ts",
    outDir: "dist-cli",
    emptyOutDir: true,
    target: "node20",
    minify: false,
    sourcemap: false,
    copyPublicDir: false,
    rolldownOptions: {
      output: {
        format: "es",
        entryFileNames: "certflow.mjs",
        chunkFileNames: "chunks/[name]-[hash].mjs",
      },
    },
  },
});
