/** Step ids of the selection trace; they are also the node ids of the flowchart (`flow/graph.ts`). */
export const STEP = {
  anonymousTls: "anonymous-tls",
  authTls: "auth-tls",
  sendStarttls: "send-starttls",
  tlsnameSet: "tlsname-set",
  tlsnameSyntax: "tlsname-syntax",
  tlsnameCut: "tlsname-cut",
  tlsnameMatch: "tlsname-match",
  tlsnameStatus: "tlsname-status",
  tlsnameTiebreak: "tlsname-tiebreak",
  fqdnName: "fqdn-name",
  fqdnMatch: "fqdn-match",
  eligible: "eligible",
  preferCa: "prefer-ca",
  newest: "newest",
  chosenKey: "chosen-key",
  chosenSmtp: "chosen-smtp",
  chosenExpiry: "chosen-expiry",
  resultStarttls: "result-starttls",
  resultNone: "result-none",
} as const;

export type StepId = (typeof STEP)[keyof typeof STEP];
