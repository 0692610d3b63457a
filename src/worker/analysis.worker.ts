import { planRenewalFor } from "../renew";
import type { Redaction, RedactionInput } from "../share/redact";
import { whatIf } from "../what-if";
import { type AnalysisResponse, isAnalysisRequest, respond } from "./protocol";
import { isRedactRequest, type RedactResponse, respondRedact } from "./redact-protocol";
import { isRenewalPlanRequest, type RenewalResponse, respondRenewal } from "./renewal-protocol";
import { analyzeForPage } from "./result";
import { joinTextParts } from "./text-parts";
import { isWhatIfRequest, respondWhatIf, type WhatIfResponse } from "./whatif-protocol";

// The DOM lib types `self` as a Window; this is the part of the dedicated worker scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: AnalysisResponse | WhatIfResponse | RenewalResponse | RedactResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

async function redact(input: RedactionInput): Promise<Redaction> {
  const { redactInput } = await import("../share/redact");
  return redactInput(input);
}

// One script for all: the page runs analyses, what-ifs, renewals and redactions each in an instance of its own, each
// cancelled alone. The kinds with a flag are told apart first: an analysis request is what every request holds.
// The redactor is loaded only by the instance that redacts.
const receive = joinTextParts((request) => {
  if (isRedactRequest(request)) {
    void respondRedact(request, redact).then((response) => scope.postMessage(response));
  } else if (isRenewalPlanRequest(request)) {
    void respondRenewal(request, planRenewalFor).then((response) => scope.postMessage(response));
  } else if (isWhatIfRequest(request)) {
    void respondWhatIf(request, whatIf).then((response) => scope.postMessage(response));
  } else if (isAnalysisRequest(request)) {
    void respond(request, analyzeForPage, (response) => scope.postMessage(response));
  }
});

scope.onmessage = (event) => receive(event.data);
