import { describe, expect, it } from "vitest";
import { redactInput } from "../share/redact";
import { isAnalysisRequest } from "./protocol";
import { isRedactRequest, isRedactResponse, respondRedact } from "./redact-protocol";

const PASTE = "Server : EX01\nFqdn : mail.contoso.com";

describe("the redaction protocol", () => {
  it("tells a redaction request from an analysis request, and checks what it carries", () => {
    const request = { id: 1, redact: true, text: PASTE, server: "EX01" };
    expect(isRedactRequest(request)).toBe(true);
    expect(isRedactRequest({ id: 1, redact: true, text: PASTE })).toBe(true);
    expect(isAnalysisRequest(request)).toBe(false);
    expect(isRedactRequest({ id: 1, text: PASTE, options: {} })).toBe(false);
    expect(isRedactRequest({ ...request, redact: "yes" })).toBe(false);
    expect(isRedactRequest({ ...request, server: 7 })).toBe(false);
    expect(isRedactRequest({ ...request, text: undefined })).toBe(false);
    expect(isRedactRequest(null)).toBe(false);
  });

  it("tells its replies from other messages", () => {
    expect(isRedactResponse({ id: 1, kind: "redaction", redaction: {} })).toBe(true);
    expect(isRedactResponse({ id: 1, kind: "error", error: "boom" })).toBe(true);
    expect(isRedactResponse({ id: 1, kind: "what-if", view: {} })).toBe(false);
    expect(isRedactResponse({ id: "1", kind: "redaction" })).toBe(false);
  });

  it("replies with the same redaction as the redactor in the page would give", async () => {
    const response = await respondRedact({ id: 3, redact: true, text: PASTE, server: "EX01" }, async (input) =>
      redactInput(input),
    );
    expect(response).toEqual({ id: 3, kind: "redaction", redaction: redactInput({ text: PASTE, server: "EX01" }) });
    expect(response.kind === "redaction" && response.redaction.text).toBe(
      "Server : SERVER1\nFqdn : mail.example1.test",
    );
  });

  it("turns a failing redactor into an error reply", async () => {
    const response = await respondRedact({ id: 4, redact: true, text: PASTE }, async () => {
      throw new Error("redactor exploded");
    });
    expect(response).toEqual({ id: 4, kind: "error", error: "redactor exploded" });
  });
});
