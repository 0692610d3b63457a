import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeCertificates } from "../../x509/decode";
import { splitLines } from "../lines";
import { claimPem, findCertificateBlobs } from "./pem";

const parseFixture = (name: string) =>
  splitLines(readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), "utf8"));
const certFixture = (name: string) => readFileSync(new URL(`../../x509/__fixtures__/${name}`, import.meta.url), "utf8");

describe("findCertificateBlobs", () => {
  it("finds a chain and a DER run separated by blank lines, with their line spans", async () => {
    const chain = certFixture("chain-leaf-ca.pem").trimEnd();
    const der = certFixture("leaf-der-base64.txt").trim();
    const lines = splitLines(`Here is the chain:\n${chain}\n\n${der}\nThumbprint : X`);
    expect(findCertificateBlobs(lines, 0)).toBeNull();
    const run = findCertificateBlobs(lines, 1);
    const chainLines = chain.split("\n").length;
    expect(run?.endIndex).toBe(1 + chainLines + 2);
    expect(run?.unread).toEqual([]);
    const spans = run?.blobs.map((b) => [b.startLine, b.endLine]);
    const leafEnd = chain.split("\n").indexOf("-----END CERTIFICATE-----") + 2;
    expect(spans).toEqual([
      [2, leafEnd],
      [leafEnd + 1, chainLines + 1],
      [chainLines + 3, chainLines + 3],
    ]);
    const decoded = await Promise.all((run?.blobs ?? []).map((b) => decodeCertificates(b.base64)));
    const thumbs = decoded.map((d) => (d[0]?.ok ? d[0].thumbprint : d[0]?.error));
    expect(thumbs).toEqual([
      "E17C6665706CBDD8663857ABCE7120856EE2ADEC",
      "D41BFF04E8D3814BC1A6DE8700AF3710ADC5D8B9",
      "E17C6665706CBDD8663857ABCE7120856EE2ADEC",
    ]);
  });

  it("keeps a snipped PEM out of the certificates and reports its inside as unread (fixture 19)", () => {
    const lines = parseFixture("19-openssl-starttls-exchange-internal-ca-verify20.txt");
    const run = findCertificateBlobs(lines, 12);
    expect(run?.endIndex).toBe(15);
    expect(run?.blobs).toEqual([]);
    expect(run?.unread.map((l) => l.no)).toEqual([14]);
    expect(claimPem(lines, 12)).toEqual({ format: "pem", endIndex: 15, evidence: [], unread: run?.unread });
  });

  it("declines short or non-certificate text", () => {
    for (const text of ["MIIBshort", "-----BEGIN PRIVATE KEY-----", "Hello", "PS C:\\> $c.RawData"]) {
      expect(findCertificateBlobs(splitLines(text), 0)).toBeNull();
    }
  });
});
