import { describe, expect, it } from "vitest";
import { type Redaction, type RedactionInput, redactInput } from "../../share/redact";
import { prepareShare, redactionSummary } from "./prepare";

const redact = async (input: RedactionInput) => redactInput(input);
const state = { text: "Server : EX01\nFqdn : mail.contoso.com", asOf: "2024-01-24", server: "", redactOnShare: false };

describe("prepareShare", () => {
  it("shares the paste and the options as they are", async () => {
    expect(await prepareShare({ ...state, server: " EX01 " }, redact)).toEqual({
      input: { text: state.text, asOf: "2024-01-24", server: "EX01" },
    });
  });

  it("leaves out a half-typed date", async () => {
    expect(await prepareShare({ ...state, asOf: "2024-0" }, redact)).toEqual({ input: { text: state.text } });
  });

  it("redacts the paste and the server name together when asked to, and marks the input as redacted", async () => {
    const { input, redaction } = await prepareShare({ ...state, server: "EX01", redactOnShare: true }, redact);
    expect(input).toEqual({
      text: "Server : SERVER1\nFqdn : mail.example1.test",
      asOf: "2024-01-24",
      server: "SERVER1",
      redact: true,
    });
    expect(redaction?.replaced).toMatchObject({ names: 1, servers: 1 });
  });
});

describe("redactionSummary", () => {
  const redaction = (replaced: Partial<Redaction["replaced"]>, certificatesKept = 0): Redaction => ({
    text: "",
    replaced: { names: 0, servers: 0, hex: 0, addresses: 0, subjects: 0, ...replaced },
    certificatesKept,
  });

  it.each([
    { replaced: {}, kept: 0, summary: "Nothing needed redacting." },
    { replaced: { names: 1, servers: 2 }, kept: 0, summary: "Replaced 1 domain or host name, 2 server names." },
    {
      replaced: { hex: 3, addresses: 1, subjects: 2 },
      kept: 0,
      summary: "Replaced 3 thumbprints and serial numbers, 1 IP address, 2 organisation and place names.",
    },
    {
      replaced: { names: 2 },
      kept: 1,
      summary:
        "Replaced 2 domain and host names. 1 certificate pasted as PEM or base64 cannot be redacted and is shared as pasted: remove it first if the names in it are private.",
    },
  ])("says $summary", ({ replaced, kept, summary }) => {
    expect(redactionSummary(redaction(replaced, kept))).toBe(summary);
  });
});
