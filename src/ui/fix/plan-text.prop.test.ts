import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ReportFixStep } from "../../report/types";
import { planText } from "./plan-text";

const LINE_BREAKS = ["\n", "\r", "\r\n", "\v", "\f", "\u0085", "\u2028", "\u2029"];
const isBreak = (c: string) => LINE_BREAKS.includes(c);

// Free text the way a why or warning might hold it: line breaks, subexpressions, backticks, quotes, '#'.
const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom(...LINE_BREAKS, "$(", ")", "`", "'", '"', "#", ";", "|", "&", " ", "Remove-Item C:\\ -Recurse"),
      fc.string({ unit: "grapheme", maxLength: 6 }),
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

// Commands come from the report's one renderer, which never emits a line break; the plan only has to keep them whole.
const command = fc.string({ maxLength: 40 }).filter((c) => c !== "" && ![...c].some(isBreak) && !c.startsWith("#"));

const step = fc.record({
  why: prose,
  commands: fc.array(command, { maxLength: 3 }),
  warning: fc.option(prose, { nil: undefined }),
});

describe("planText", () => {
  it("puts every line of every why and warning in a # comment, and each command on a line of its own", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 5 }), (steps) => {
        const plan: ReportFixStep[] = steps.map((s, i) => ({
          step: i + 1,
          why: s.why,
          commands: s.commands,
          ...(s.warning === undefined ? {} : { warning: s.warning }),
        }));
        const text = planText(plan);
        const lines = text.split(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/);
        const notComments = lines.filter((l) => l !== "" && !l.startsWith("#"));
        expect(notComments).toEqual(plan.flatMap((s) => s.commands));
        if (plan.length === 0) return;
        const firstLines = text
          .replace(/\n$/, "")
          .split("\n\n")
          .map((block) => block.split("\n")[0]);
        expect(firstLines.map((l) => /^# step (\d+): /.exec(l ?? "")?.[1])).toEqual(plan.map((s) => String(s.step)));
      }),
      { numRuns: 10_000 },
    );
  });
});
