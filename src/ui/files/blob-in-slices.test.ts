import { describe, expect, it } from "vitest";
import { blobInSlices } from "./blob-in-slices";

/** A clock that moves `step` ms each time it is read. */
function steppingClock(step: number): () => number {
  let t = 0;
  return () => {
    t += step;
    return t;
  };
}

function* numbered(count: number, read: { count: number }): Generator<string> {
  for (let i = 0; i < count; i++) {
    read.count++;
    yield `${i}\n`;
  }
}

describe("blobInSlices", () => {
  it("writes every part in order, with the type, pausing between slices", async () => {
    const read = { count: 0 };
    let pauses = 0;
    const blob = await blobInSlices(numbered(1000, read), "text/plain", {
      budgetMs: 10,
      now: steppingClock(5),
      pause: async () => {
        pauses++;
      },
    });
    expect(blob?.type).toBe("text/plain");
    expect(await blob?.text()).toBe(Array.from({ length: 1000 }, (_, i) => `${i}\n`).join(""));
    // 64 parts per clock reading, two readings per 10 ms slice at 5 ms a reading: 64 parts a slice.
    expect(pauses).toBe(Math.ceil(1000 / 64) - 1);
  });

  it("stops at the next pause once aborted, reading no further", async () => {
    const read = { count: 0 };
    const controller = new AbortController();
    const blob = await blobInSlices(numbered(10_000, read), "text/plain", {
      signal: controller.signal,
      budgetMs: 10,
      now: steppingClock(5),
      pause: async () => controller.abort(),
    });
    expect(blob).toBeUndefined();
    expect(read.count).toBe(64);
  });

  it("gives an empty file for no parts", async () => {
    const blob = await blobInSlices([], "application/json");
    expect(blob?.size).toBe(0);
    expect(blob?.type).toBe("application/json");
  });

  it("pauses by default with a task of the event loop, which lets other tasks run between slices", async () => {
    let otherTaskRan = false;
    setTimeout(() => {
      otherTaskRan = true;
    }, 0);
    const read = { count: 0 };
    const blob = await blobInSlices(numbered(200, read), "text/plain", { budgetMs: 10, now: steppingClock(5) });
    expect(otherTaskRan).toBe(true);
    expect(await blob?.text()).toBe(Array.from({ length: 200 }, (_, i) => `${i}\n`).join(""));
  });
});
