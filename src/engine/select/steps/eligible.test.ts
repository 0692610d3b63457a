import { describe, expect, it } from "vitest";
import type { Certificate } from "../../../model/certificate";
import type { ExchangeVersion } from "../../../model/server";
import { makeCert } from "../../../model/test-builders";
import { makeContext } from "../test-scenarios";
import { eligibleStep } from "./eligible";

describe("eligibleStep", () => {
  it.each<[string, Partial<Certificate>, ExchangeVersion | undefined, string | undefined, RegExp | undefined]>([
    ["all fine", {}, "2019", undefined, undefined],
    ["no private key", { hasPrivateKey: false }, "2019", "no private key", undefined],
    ["private key not in the paste: kept, said so", { hasPrivateKey: undefined }, "2019", undefined, /HasPrivateKey/],
    ["X.509 v1", { version: 1 }, "2019", "X.509 version 1 (version 3 is required)", undefined],
    ["512-bit RSA", { publicKeySize: 512 }, "2019", "512-bit key (at least 1024 bits is required)", undefined],
    ["ECC P-384 kept", { publicKeySize: 384 }, "2019", undefined, /ECC/],
    [
      "EKU with Server Authentication",
      { enhancedKeyUsage: ["Server Authentication (1.3.6.1.5.5.7.3.1)"] },
      "2019",
      undefined,
      undefined,
    ],
    [
      "EKU without it",
      { enhancedKeyUsage: ["Client Authentication (1.3.6.1.5.5.7.3.2)"] },
      "2019",
      "Enhanced Key Usage lacks Server Authentication (1.3.6.1.5.5.7.3.1)",
      /MEDIUM/,
    ],
    ["no SMTP on 2019: not a filter", { services: ["IIS"] }, "2019", undefined, undefined],
    [
      "no SMTP on 2010: filtered",
      { services: ["IIS"] },
      "2010",
      "not enabled for SMTP (Exchange 2010 filters on it)",
      /Microsoft says it is not checked/,
    ],
    [
      "no SMTP on 2007: filtered",
      { services: ["IIS"] },
      "2007",
      "not enabled for SMTP (Exchange 2007 filters on it)",
      /Microsoft says it is not checked/,
    ],
    ["services unknown on 2010: kept, said so", { services: undefined }, "2010", undefined, /Services of/],
    [
      "no SMTP, version unknown: kept, says what 2010 would do",
      { services: ["IIS"] },
      undefined,
      undefined,
      /Exchange 2010/,
    ],
  ])("%s", (_name, over, version, reason, caveat) => {
    const cert = makeCert(over);
    const ctx = makeContext([cert], { version });
    const result = eligibleStep(ctx.certificates, ctx, "inbound");
    expect(result.step.outcome).toBe(reason === undefined ? "yes" : "no");
    expect(result.step.dropped[0]?.reason).toBe(reason);
    if (caveat === undefined) expect(result.step.caveat).toBeUndefined();
    else expect(result.step.caveat).toMatch(caveat);
  });
});
