import type { RuleDocs } from "../../engine/rules/types";

export interface RuleInfo {
  readonly title: string;
  readonly docs: RuleDocs;
}

/**
 * A rule's title and documentation, looked up by its contract id; undefined for an id no rule has. The rule
 * registry is loaded on demand: it is large, and the first screen does not need it.
 */
export async function loadRuleInfo(id: string): Promise<RuleInfo | undefined> {
  const { rules } = await import("../../engine/rules");
  const rule = rules.find((r) => r.id === id);
  return rule === undefined ? undefined : { title: rule.title, docs: rule.docs };
}

/**
 * The rule docs' sources that may become links: absolute https URLs without credentials, normalised. The docs are
 * written in the code, never from a paste; this keeps a slip in them from becoming a javascript: or http link.
 */
export function documentationLinks(sources: readonly string[]): string[] {
  return sources.flatMap((source) => {
    if (!URL.canParse(source)) return [];
    const url = new URL(source);
    return url.protocol === "https:" && url.username === "" && url.password === "" ? [url.href] : [];
  });
}
