import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { joinTextParts, postTextInParts } from "./text-parts";

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

function recorder() {
  const sent: unknown[] = [];
  return { sent, target: { postMessage: (message: unknown) => void sent.push(message) } };
}

describe("sending a text in parts", () => {
  it("sends a short text with its request in one message, at once", () => {
    const { sent, target } = recorder();
    postTextInParts(target, { id: 1, text: "paste", options: {} }, 10, () => true);
    expect(sent).toEqual([{ id: 1, text: "paste", options: {} }]);
  });

  it("sends a long one a part per task, then the request with the rest and the count of parts", async () => {
    const { sent, target } = recorder();
    postTextInParts(target, { id: 3, text: "abcdefghij", options: { server: "EX1" } }, 4, () => true);
    expect(sent).toEqual([{ id: 3, textPart: "abcd" }]);
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect(sent).toEqual([
      { id: 3, textPart: "abcd" },
      { id: 3, textPart: "efgh" },
      { id: 3, text: "ij", options: { server: "EX1" }, textParts: 2 },
    ]);
  });

  it("stops sending once the run is called off", async () => {
    const { sent, target } = recorder();
    let going = true;
    postTextInParts(target, { id: 1, text: "abcdefghij" }, 4, () => going);
    going = false;
    await vi.runAllTimersAsync();
    expect(sent).toEqual([{ id: 1, textPart: "abcd" }]);
  });

  it("is joined back into the same request, whatever the text and the part size", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.integer({ min: 1, max: 50 }),
        async (text, size) => {
          const { sent, target } = recorder();
          postTextInParts(target, { id: 7, text, options: {} }, size, () => true);
          await vi.runAllTimersAsync();
          const handled: unknown[] = [];
          const receive = joinTextParts((request) => handled.push(request));
          for (const message of sent) receive(message);
          expect(handled).toEqual([{ id: 7, text, options: {} }]);
        },
      ),
    );
  });

  it("drops a request whose parts did not all arrive, and parts of an older request", () => {
    const handled: unknown[] = [];
    const receive = joinTextParts((request) => handled.push(request));
    receive({ id: 1, textPart: "ab" });
    receive({ id: 2, textPart: "cd" });
    receive({ id: 2, text: "ef", textParts: 2 });
    receive({ id: 3, textPart: "gh" });
    receive({ id: 3, text: "ij", textParts: 1 });
    receive({ id: 4, text: "whole" });
    expect(handled).toEqual([
      { id: 3, text: "ghij" },
      { id: 4, text: "whole" },
    ]);
  });
});
