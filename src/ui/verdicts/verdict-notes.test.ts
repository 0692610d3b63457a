import { describe, expect, it } from "vitest";
import type { ReportSelection } from "../../report/types";
import { verdictNotes } from "./verdict-notes";

type Step = ReportSelection["steps"][number];
const step = (id: string, outcome: Step["outcome"], detail: string): Step => ({
  id,
  question: `${id}?`,
  outcome,
  detail,
  kept: [],
  dropped: [],
});

describe("verdictNotes", () => {
  it.each([
    {
      name: "repeats an expired chosen certificate",
      steps: [step("chosen-smtp", "yes", "enabled"), step("chosen-expiry", "no", "expired on 2026-12-31")],
      notes: ["expired on 2026-12-31"],
    },
    {
      name: "keeps the trace order of several checks",
      steps: [
        step("chosen-key", "no", "no key"),
        step("chosen-smtp", "no", "no SMTP"),
        step("chosen-expiry", "yes", ""),
      ],
      notes: ["no key", "no SMTP"],
    },
    {
      name: "ignores a no that is part of the choice itself",
      steps: [step("tlsname-match", "no", "no match"), step("result-none", "no", "No STARTTLS")],
      notes: [],
    },
    { name: "says nothing for a skipped check", steps: [step("chosen-expiry", "skipped", "not checked")], notes: [] },
  ])("$name", ({ steps, notes }) => {
    expect(verdictNotes({ steps })).toEqual(notes);
  });
});
