import { describe, expect, it } from "vitest";
import { emptyInventory } from "../../model/inventory";
import { makeCert, makeExchangeServer, makeTransportService, thumb } from "../../model/test-builders";
import { candidateKey, contextFor, sameServer } from "./context";

const asOf = new Date("2024-08-01T00:00:00Z");

describe("sameServer", () => {
  it.each([
    ["EX01", "ex01", true],
    [" EX01 ", "EX01", true],
    ["EX01", "EX02", false],
    [undefined, undefined, true],
    [undefined, "EX01", false],
    ["EX01", undefined, false],
  ])("%s vs %s: %s", (a, b, expected) => {
    expect(sameServer(a, b)).toBe(expected);
  });
});

describe("contextFor", () => {
  const inventory = {
    ...emptyInventory(),
    certificates: [
      makeCert({ server: "EX01", thumbprint: thumb("A1") }),
      makeCert({ server: "EX02", thumbprint: thumb("B2") }),
      makeCert({ server: "ex01", thumbprint: undefined }),
      makeCert({ server: undefined, thumbprint: thumb("C3") }),
    ],
    servers: [
      makeExchangeServer("EX01", "EX01.contoso.local", "2016"),
      makeExchangeServer("EX02", undefined, undefined),
    ],
    transportServices: [makeTransportService("EX01", "a1a1 a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1")],
  };

  it("keeps the server's certificates, keyed by thumbprint or by their index in the inventory", () => {
    const ctx = contextFor(inventory, "EX01", { asOf });
    expect(ctx.certificates.map((c) => c.key)).toEqual([thumb("A1"), "#2"]);
    expect(ctx.version).toBe("2016");
    expect(ctx.serverFqdn).toBe("EX01.contoso.local");
    expect(ctx.internalTransportThumbprint).toBe(thumb("A1"));
    expect(ctx.asOf).toBe(asOf);
  });

  it("matches a connector without a server to certificates without a server only", () => {
    const ctx = contextFor(inventory, undefined, { asOf });
    expect(ctx.certificates.map((c) => c.key)).toEqual([thumb("C3")]);
    expect(ctx.version).toBeUndefined();
    expect(ctx.internalTransportThumbprint).toBeUndefined();
  });

  it("takes the FQDN from the options when Get-ExchangeServer has none, Get-ExchangeServer first otherwise", () => {
    const fqdns = new Map([
      ["ex02", "EX02.contoso.local"],
      ["EX01", "wrong.contoso.local"],
    ]);
    expect(contextFor(inventory, "EX02", { asOf, serverFqdns: fqdns }).serverFqdn).toBe("EX02.contoso.local");
    expect(contextFor(inventory, "EX01", { asOf, serverFqdns: fqdns }).serverFqdn).toBe("EX01.contoso.local");
    expect(contextFor(inventory, "EX03", { asOf, serverFqdns: fqdns }).serverFqdn).toBeUndefined();
  });

  it("finds the server by its FQDN too", () => {
    expect(contextFor(inventory, "EX01.contoso.local", { asOf }).version).toBe("2016");
  });

  it("keeps an empty internal transport thumbprint as shown", () => {
    const ctx = contextFor({ ...inventory, transportServices: [makeTransportService("EX01", "")] }, "EX01", { asOf });
    expect(ctx.internalTransportThumbprint).toBe("");
  });

  it("keys a certificate without a thumbprint by its index", () => {
    expect(candidateKey(makeCert({ thumbprint: undefined }), 7)).toBe("#7");
    expect(candidateKey(makeCert({ thumbprint: "" }), 3)).toBe("#3");
    expect(candidateKey(makeCert({ thumbprint: thumb("D4") }), 3)).toBe(thumb("D4"));
  });
});
