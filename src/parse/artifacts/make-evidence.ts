import type { Evidence, EvidenceFacts, EvidenceKind } from "../../model/evidence";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type FactsDraft = Mutable<EvidenceFacts>;

/** Drops undefined facts and empty lists so evidence compares and serialises cleanly. */
function compactFacts(facts: FactsDraft): EvidenceFacts {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(facts)) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out as EvidenceFacts;
}

export interface EvidenceDraft {
  readonly type: EvidenceKind;
  readonly code: string | undefined;
  readonly text: string;
  readonly facts: FactsDraft;
  readonly startLine: number;
  readonly endLine: number;
}

/** Builds an Evidence whose block is assigned later by the segmenter. */
export function makeEvidence(draft: EvidenceDraft): Evidence {
  return {
    kind: "evidence",
    type: draft.type,
    code: draft.code,
    text: draft.text,
    facts: compactFacts(draft.facts),
    source: { block: -1, startLine: draft.startLine, endLine: draft.endLine },
  };
}

/** Adds a note to `facts.missing` without duplicates. */
export function addMissing(facts: FactsDraft, note: string): void {
  const list = facts.missing ? [...facts.missing] : [];
  if (!list.includes(note)) list.push(note);
  facts.missing = list;
}
