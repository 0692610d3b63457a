import { STEP, type StepId } from "../engine/select/step-ids";

/**
 * The fixed decision graph of Exchange's certificate choice, as data. Node ids
 * are the selection step ids, so a trace lights a path through it. Grid: col 0
 * is the TlsCertificateName path, col 2 the Fqdn path, col 1 the shared spine,
 * col 3 the "no certificate" outcome.
 */
export interface FlowNode {
  readonly id: StepId;
  readonly kind: "question" | "outcome";
  readonly label: string;
  readonly col: number;
  readonly row: number;
}

/** `label` is the answer of `from` that leads here; "" when every answer does. */
export interface FlowEdge {
  readonly from: StepId;
  readonly to: StepId;
  readonly label: "yes" | "no" | "";
}

export interface FlowGraph {
  readonly nodes: readonly FlowNode[];
  readonly edges: readonly FlowEdge[];
}

function q(id: StepId, label: string, col: number, row: number): FlowNode {
  return { id, kind: "question", label, col, row };
}

function edge(from: StepId, to: StepId, label: FlowEdge["label"]): FlowEdge {
  return { from, to, label };
}

/** Everything after the gate, shared by both directions; `top` is the row of "TlsCertificateName set?". */
function lookup(top: number, noneLabel: string, starttlsLabel: string): FlowGraph {
  return {
    nodes: [
      q(STEP.tlsnameSet, "TlsCertificateName set?", 1, top),
      q(STEP.tlsnameSyntax, "Well-formed <I>issuer<S>subject?", 0, top + 1),
      q(STEP.tlsnameCut, "Only cut by the console?", 1, top + 2),
      q(STEP.tlsnameMatch, "A certificate with this issuer and subject?", 0, top + 3),
      q(STEP.tlsnameStatus, "Status Valid?", 0, top + 4),
      q(STEP.tlsnameTiebreak, "Several match? Newest NotBefore", 0, top + 5),
      q(STEP.chosenKey, "Has a private key?", 0, top + 6),
      q(STEP.fqdnName, "Connector Fqdn set? (else server FQDN)", 2, top + 1),
      q(STEP.fqdnMatch, "Subject or CertificateDomains cover the name?", 2, top + 2),
      q(STEP.eligible, "Eligible? (private key, v3, key size; SMTP on 2010)", 2, top + 3),
      q(STEP.preferCa, "A valid CA-issued candidate?", 2, top + 4),
      q(STEP.newest, "Several left? Newest NotBefore", 2, top + 5),
      q(STEP.chosenSmtp, "Chosen certificate enabled for SMTP?", 1, top + 7),
      q(STEP.chosenExpiry, "Chosen certificate in date?", 1, top + 8),
      { id: STEP.resultStarttls, kind: "outcome", label: starttlsLabel, col: 1, row: top + 9 },
      { id: STEP.resultNone, kind: "outcome", label: noneLabel, col: 3, row: top + 4 },
    ],
    edges: [
      edge(STEP.tlsnameSet, STEP.tlsnameSyntax, "yes"),
      edge(STEP.tlsnameSet, STEP.fqdnName, "no"),
      edge(STEP.tlsnameSyntax, STEP.tlsnameMatch, "yes"),
      edge(STEP.tlsnameSyntax, STEP.tlsnameCut, "no"),
      edge(STEP.tlsnameCut, STEP.tlsnameMatch, "yes"),
      edge(STEP.tlsnameCut, STEP.resultNone, "no"),
      edge(STEP.tlsnameMatch, STEP.tlsnameStatus, "yes"),
      edge(STEP.tlsnameMatch, STEP.resultNone, "no"),
      edge(STEP.tlsnameStatus, STEP.tlsnameTiebreak, "yes"),
      edge(STEP.tlsnameStatus, STEP.resultNone, "no"),
      edge(STEP.tlsnameTiebreak, STEP.chosenKey, ""),
      edge(STEP.chosenKey, STEP.chosenSmtp, ""),
      edge(STEP.fqdnName, STEP.fqdnMatch, ""),
      edge(STEP.fqdnMatch, STEP.eligible, "yes"),
      edge(STEP.fqdnMatch, STEP.resultNone, "no"),
      edge(STEP.eligible, STEP.preferCa, "yes"),
      edge(STEP.eligible, STEP.resultNone, "no"),
      edge(STEP.preferCa, STEP.newest, ""),
      edge(STEP.newest, STEP.chosenSmtp, ""),
      edge(STEP.chosenSmtp, STEP.chosenExpiry, ""),
      edge(STEP.chosenExpiry, STEP.resultStarttls, ""),
    ],
  };
}

const receiveLookup = lookup(2, "No STARTTLS", "STARTTLS with the chosen certificate");

/**
 * Receive connectors: X-ANONYMOUSTLS (informational), the AuthMechanism gate,
 * then the lookup. "auth-tls → fqdn-name" is the Exchange 2007/2010 path,
 * where "TlsCertificateName set?" is skipped.
 */
export const receiveGraph: FlowGraph = {
  nodes: [
    q(STEP.anonymousTls, "X-ANONYMOUSTLS with the internal transport certificate?", 1, 0),
    q(STEP.authTls, "AuthMechanism includes Tls?", 1, 1),
    ...receiveLookup.nodes,
  ],
  edges: [
    edge(STEP.anonymousTls, STEP.authTls, ""),
    edge(STEP.authTls, STEP.tlsnameSet, "yes"),
    edge(STEP.authTls, STEP.fqdnName, "yes"),
    edge(STEP.authTls, STEP.resultNone, "no"),
    ...receiveLookup.edges,
  ],
};

const sendLookup = lookup(1, "No certificate", "TLS with the chosen certificate");

/** Send connectors: the IgnoreSTARTTLS gate, then the same lookup. */
export const sendGraph: FlowGraph = {
  nodes: [q(STEP.sendStarttls, "Uses STARTTLS (IgnoreSTARTTLS not set)?", 1, 0), ...sendLookup.nodes],
  edges: [
    edge(STEP.sendStarttls, STEP.tlsnameSet, "yes"),
    edge(STEP.sendStarttls, STEP.fqdnName, "yes"),
    edge(STEP.sendStarttls, STEP.resultNone, "no"),
    ...sendLookup.edges,
  ],
};
