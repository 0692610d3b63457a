import { describe, expect, it } from "vitest";
import { rules } from "../../engine/rules";
import { documentationLinks, loadRuleInfo } from "./rule-docs";

describe("loadRuleInfo", () => {
  it("finds every registered rule's title and docs by id", async () => {
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) expect(await loadRuleInfo(rule.id)).toEqual({ title: rule.title, docs: rule.docs });
  });

  it("knows no rule that is not registered", async () => {
    expect(await loadRuleInfo("NOT_A_RULE")).toBeUndefined();
  });
});

describe("documentationLinks", () => {
  it.each([
    {
      sources: ["https://learn.microsoft.com/en-us/exchange/a", "https://techcommunity.microsoft.com/b?x=1#c"],
      links: ["https://learn.microsoft.com/en-us/exchange/a", "https://techcommunity.microsoft.com/b?x=1#c"],
    },
    {
      sources: ["javascript:alert(1)", "http://example.com/", "data:text/html,x", "/relative", "not a url"],
      links: [],
    },
    { sources: ["https://user:pw@learn.microsoft.com/"], links: [] },
    { sources: ["HTTPS://Learn.Microsoft.com/x"], links: ["https://learn.microsoft.com/x"] },
  ])("$sources", ({ sources, links }) => {
    expect(documentationLinks(sources)).toEqual(links);
  });

  it("links every source the registered rules cite", () => {
    for (const rule of rules) expect(documentationLinks(rule.docs.sources)).toHaveLength(rule.docs.sources.length);
  });
});
