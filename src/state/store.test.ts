import { describe, expect, it } from "vitest";
import { localToday } from "./input";
import { createCertflowStore } from "./store";

describe("the store", () => {
  it("starts empty, as of the given day", () => {
    const state = createCertflowStore("2024-01-24").getState();
    expect(state).toMatchObject({ text: "", asOf: "2024-01-24", server: "", status: "idle", report: null });
    expect(state.selectedLines).toBeNull();
  });

  it.each([
    { pasted: "a\r\nb\r\nc", held: "a\nb\nc" },
    { pasted: "a\rb", held: "a\nb" },
    { pasted: "\uFEFFa\n\nb  ", held: "\uFEFFa\n\nb  " },
  ])("holds $pasted the way a textarea does", ({ pasted, held }) => {
    const store = createCertflowStore("2024-01-24");
    store.getState().setText(pasted);
    expect(store.getState().text).toBe(held);
  });

  it("orders a selected range and counts each request, so the same lines can be selected again", () => {
    const store = createCertflowStore("2024-01-24");
    store.getState().selectLines(9, 4);
    expect(store.getState().selectedLines).toEqual({ startLine: 4, endLine: 9, request: 1 });
    store.getState().selectLines(9, 4);
    expect(store.getState().selectedLines).toEqual({ startLine: 4, endLine: 9, request: 2 });
  });

  it("names today in the local calendar", () => {
    expect(localToday(new Date(2024, 0, 5, 23, 59))).toBe("2024-01-05");
    expect(localToday(new Date(2028, 11, 31, 0, 0))).toBe("2028-12-31");
  });
});
