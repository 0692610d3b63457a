// Tokens and base styles first, so component styles build on them.
import "../ui/tokens.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { startPersistence } from "../state/persist-start";
import { connectAnalysis } from "../state/run-analysis";
import { createCertflowStore } from "../state/store";
import { spawnAnalysisBridge } from "../worker/spawn";
import { App } from "./App";
import { registerServiceWorker } from "./sw-register";
import { installTrustedTypesPolicy } from "./trusted-types";

installTrustedTypesPolicy();

const store = createCertflowStore();
const bridge = spawnAnalysisBridge();
connectAnalysis(store, (text, options) => bridge.analyze(text, options));

const root = document.getElementById("root");
if (root === null) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
void startPersistence(store);
registerServiceWorker();
