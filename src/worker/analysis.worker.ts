import { planRenewalFor } from "../renew";
import { whatIf } from "../what-if";
import { type AnalysisResponse, isAnalysisRequest, respond } from "./protocol";
import { isRenewalPlanRequest, type RenewalResponse, respondRenewal } from "./renewal-protocol";
import { analyzeForPage } from "./result";
import { joinTextParts } from "./text-parts";
import { isWhatIfRequest, respondWhatIf, type WhatIfResponse } from "./whatif-protocol";

// The DOM lib types `self` as a Window; this is the part of the dedicated worker scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: AnalysisResponse | WhatIfResponse | RenewalResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

// One script for all three: the page runs analyses, what-ifs and renewals each in an instance of its own, each
// cancelled alone. The kinds with a flag are told apart first: an analysis request is what every request holds.
const receive = joinTextParts((request) => {
  if (isRenewalPlanRequest(request)) {
    void respondRenewal(request, planRenewalFor).then((response) => scope.postMessage(response));
  } else if (isWhatIfRequest(request)) {
    void respondWhatIf(request, whatIf).then((response) => scope.postMessage(response));
  } else if (isAnalysisRequest(request)) {
    void respond(request, analyzeForPage, (response) => scope.postMessage(response));
  }
});

scope.onmessage = (event) => receive(event.data);
