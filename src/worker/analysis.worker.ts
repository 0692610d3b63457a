import { type AnalysisResponse, isAnalysisRequest, respond } from "./protocol";
import { analyzeForPage } from "./result";

// The DOM lib types `self` as a Window; this is the part of the dedicated worker scope used here.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: AnalysisResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  if (!isAnalysisRequest(event.data)) return;
  void respond(event.data, analyzeForPage, (response) => scope.postMessage(response));
};
