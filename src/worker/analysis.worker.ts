import { whatIf } from "../what-if";
import { type AnalysisResponse, isAnalysisRequest, respond } from "./protocol";
import { analyzeForPage } from "./result";
import { joinTextParts } from "./text-parts";
import { isWhatIfRequest, respondWhatIf, type WhatIfResponse } from "./whatif-protocol";

// The DOM lib types `self` as a Window; this is the part of the dedicated worker scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: AnalysisResponse | WhatIfResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

// One script for both: the page runs analyses in one instance and what-ifs in another, each cancelled alone.
const receive = joinTextParts((request) => {
  if (isWhatIfRequest(request)) {
    void respondWhatIf(request, whatIf).then((response) => scope.postMessage(response));
  } else if (isAnalysisRequest(request)) {
    void respond(request, analyzeForPage, (response) => scope.postMessage(response));
  }
});

scope.onmessage = (event) => receive(event.data);
