import type { RenewalRequest } from "../engine/renewal/request";
import type { WhatIfEdit } from "../engine/whatif/edits";
import { crc32Hex } from "./crc32";
import { utf8 } from "./natives";

/**
 * What a share link or a .certflow file carries: the input and the options, never a verdict — the recipient's
 * certflow analyses the input again. `redact` tells the recipient the names are placeholders.
 */
export interface ShareInput {
  readonly text: string;
  /** The date expiry was judged against, YYYY-MM-DD, so the recipient sees the same expiry verdicts. */
  readonly asOf?: string;
  readonly server?: string;
  readonly redact?: boolean;
  /** What-if edits on top of the paste; absent when there are none, so older links read the same. */
  readonly edits?: readonly WhatIfEdit[];
  /** The renewal being planned; absent when none, so older links read the same. */
  readonly renewal?: RenewalRequest;
}

export interface ShareEnvelope {
  readonly v: 1;
  readonly input: ShareInput;
  /** CRC-32 of the input (see `inputChecksum`): damage that still inflates to valid JSON is caught by it. */
  readonly sum: string;
}

export const SHARE_VERSION = 1;

/** The most a link or file may unpack to; beyond it a decoder stops reading (a zip-bomb guard). */
export const MAX_SHARE_BYTES = 8 * 1024 * 1024;

/** Independent of JSON key order, so any writer of the same input gets the same sum. */
export function inputChecksum(input: ShareInput): string {
  const fields: unknown[] = [input.text, input.asOf ?? null, input.server ?? null, input.redact === true];
  // Only links with edits or a renewal sum them: a link made before either keeps its sum.
  const edits = input.edits !== undefined && input.edits.length > 0 ? input.edits : undefined;
  if (edits !== undefined || input.renewal !== undefined) fields.push(edits ?? []);
  if (input.renewal !== undefined) fields.push(input.renewal);
  return crc32Hex(utf8(JSON.stringify(fields, sortedKeys)));
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function makeEnvelope(input: ShareInput): ShareEnvelope {
  const clean: ShareInput = {
    text: input.text,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    ...(input.server === undefined || input.server === "" ? {} : { server: input.server }),
    ...(input.redact === true ? { redact: true } : {}),
    ...(input.edits === undefined || input.edits.length === 0 ? {} : { edits: input.edits }),
    ...(input.renewal === undefined ? {} : { renewal: input.renewal }),
  };
  return { v: SHARE_VERSION, input: clean, sum: inputChecksum(clean) };
}
