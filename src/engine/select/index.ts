export { selectAll } from "./all";
export { type Candidate, candidateKey, contextFor, type SelectAllOptions, type SelectionContext } from "./context";
export { selectForReceiveConnector } from "./receive";
export { selectForSendConnector } from "./send";
export { STEP, type StepId } from "./step-ids";
export type { DroppedCandidate, Selection, SelectionStep, SelectionVia, StepOutcome } from "./types";
