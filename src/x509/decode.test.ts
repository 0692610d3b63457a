import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type DecodedCertificate, type DecodedCertificateOk, decodeCertificates } from "./decode";

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");

/**
 * Output of `openssl x509 -noout -fingerprint -sha1 -subject -issuer -dates -serial
 * -nameopt sep_comma_plus_space,dn_rev,sname,esc_2253,utf8` for each fixture,
 * recorded when the fixtures were generated (OpenSSL 3.0.19). `dn_rev` prints
 * the RDNs in the order Windows does; OpenSSL says `ST=` where Windows says `S=`.
 */
const OPENSSL: Record<string, string> = {
  "selfsigned-rsa2048.pem": `sha1 Fingerprint=04:A0:F8:BF:CC:05:F6:4B:1A:E2:54:8F:03:6B:79:05:61:C4:E4:CF
subject=C=US, O=Contoso, CN=mail.contoso.com
issuer=C=US, O=Contoso, CN=mail.contoso.com
notBefore=Nov 24 12:38:46 2026 GMT
notAfter=Nov 24 12:38:46 2027 GMT
serial=640140847CCE9FCB39F3EA1E30371794B0693CE9`,
  "chain-leaf-ca.pem#0": `sha1 Fingerprint=E1:7C:66:65:70:6C:BD:D8:66:38:57:AB:CE:71:20:85:6E:E2:AD:EC
subject=CN=smtp.contoso.com, OU=Messaging, O=Contoso, ST=Washington, C=US
issuer=CN=Contoso Issuing CA, O=Contoso, L=Redmond, ST=Washington, C=US
notBefore=Nov 24 12:38:49 2026 GMT
notAfter=Dec 26 12:38:49 2027 GMT
serial=1A2B3C4D5E6F7081`,
  "chain-leaf-ca.pem#1": `sha1 Fingerprint=D4:1B:FF:04:E8:D3:81:4B:C1:A6:DE:87:00:AF:37:10:AD:C5:D8:B9
subject=CN=Contoso Issuing CA, O=Contoso, L=Redmond, ST=Washington, C=US
issuer=CN=Contoso Issuing CA, O=Contoso, L=Redmond, ST=Washington, C=US
notBefore=Nov 24 12:38:48 2026 GMT
notAfter=Nov 21 12:38:48 2036 GMT
serial=1BF718F5D545B09620DF3DFA1DA984298F79131A`,
  "legacy-rsa1024-sha1.pem": `sha1 Fingerprint=08:74:A2:46:9A:52:15:07:5A:F2:F1:27:DD:9F:F2:46:A1:0E:21:4F
subject=CN=EX2010
issuer=CN=EX2010
notBefore=Nov 24 12:38:49 2026 GMT
notAfter=Nov 23 12:38:49 2031 GMT
serial=43B83950FEA8D1EFFCB9BA1A9BB3E140DC8F00CF`,
  "ec-p256.pem": `sha1 Fingerprint=89:13:AC:18:AC:DF:93:16:D9:4C:0B:49:D8:54:7F:0A:93:2B:17:44
subject=CN=edge.contoso.com
issuer=CN=edge.contoso.com
notBefore=Nov 24 12:38:49 2026 GMT
notAfter=Nov 24 12:38:49 2027 GMT
serial=0CF885EC95E7EF0623DB0156254E59E03BEE188E`,
  "v1-selfsigned.pem": `sha1 Fingerprint=8B:BF:21:92:79:7B:81:4C:CC:38:11:A2:1A:00:C6:CE:8C:AE:1B:84
subject=CN=smtp.contoso.com, OU=Messaging, O=Contoso, ST=Washington, C=US
issuer=CN=smtp.contoso.com, OU=Messaging, O=Contoso, ST=Washington, C=US
notBefore=Nov 24 12:38:56 2026 GMT
notAfter=Dec 24 12:38:56 2026 GMT
serial=C0FFEE`,
};

/**
 * From `openssl x509 -noout -text` and `-ext subjectAltName,extendedKeyUsage`
 * (Version, Public-Key bits, Signature Algorithm, SANs, EKU names), with the
 * Windows names of the algorithms and usages.
 */
const OPENSSL_TEXT: Record<
  string,
  Omit<
    DecodedCertificateOk,
    "ok" | "index" | "thumbprint" | "subject" | "issuer" | "notBefore" | "notAfter" | "serialNumber" | "selfSigned"
  >
> = {
  "selfsigned-rsa2048.pem": {
    dnsNames: ["mail.contoso.com", "autodiscover.contoso.com"],
    keyAlgorithm: "RSA",
    keySize: 2048,
    signatureAlgorithm: "sha256RSA",
    version: 3,
    enhancedKeyUsage: ["Server Authentication (1.3.6.1.5.5.7.3.1)"],
  },
  "chain-leaf-ca.pem#0": {
    dnsNames: ["smtp.contoso.com", "mail.contoso.com"],
    keyAlgorithm: "RSA",
    keySize: 2048,
    signatureAlgorithm: "sha256RSA",
    version: 3,
    enhancedKeyUsage: ["Server Authentication (1.3.6.1.5.5.7.3.1)", "Client Authentication (1.3.6.1.5.5.7.3.2)"],
  },
  "chain-leaf-ca.pem#1": {
    dnsNames: [],
    keyAlgorithm: "RSA",
    keySize: 3072,
    signatureAlgorithm: "sha384RSA",
    version: 3,
    enhancedKeyUsage: [],
  },
  "legacy-rsa1024-sha1.pem": {
    dnsNames: ["EX2010", "ex2010.contoso.local"],
    keyAlgorithm: "RSA",
    keySize: 1024,
    signatureAlgorithm: "sha1RSA",
    version: 3,
    enhancedKeyUsage: [],
  },
  "ec-p256.pem": {
    dnsNames: ["edge.contoso.com"],
    keyAlgorithm: "ECC",
    keySize: 256,
    signatureAlgorithm: "sha256ECDSA",
    version: 3,
    enhancedKeyUsage: [],
  },
  "v1-selfsigned.pem": {
    dnsNames: [],
    keyAlgorithm: "RSA",
    keySize: 2048,
    signatureAlgorithm: "sha256RSA",
    version: 1,
    enhancedKeyUsage: [],
  },
};

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function opensslDate(text: string): string {
  const m = /^(\w{3}) +(\d+) (\d\d):(\d\d):(\d\d) (\d{4}) GMT$/.exec(text);
  if (!m) throw new Error(`unexpected openssl date ${text}`);
  const [, mon, day, h, min, s, y] = m;
  return new Date(
    Date.UTC(Number(y), MONTHS.indexOf(mon ?? ""), Number(day), Number(h), Number(min), Number(s)),
  ).toISOString();
}

/** What a Windows host would show for the recorded openssl output. */
function expectedFromOpenssl(record: string) {
  const field = (name: string) => {
    const line = record.split("\n").find((l) => l.startsWith(`${name}=`));
    if (line === undefined) throw new Error(`no ${name} in the record`);
    return line.slice(name.length + 1);
  };
  const windowsDn = (dn: string) => dn.replace(/(^|, )ST=/g, "$1S=");
  return {
    thumbprint: field("sha1 Fingerprint").replace(/:/g, ""),
    subject: windowsDn(field("subject")),
    issuer: windowsDn(field("issuer")),
    notBefore: opensslDate(field("notBefore")),
    notAfter: opensslDate(field("notAfter")),
    serial: field("serial"),
  };
}

function ok(decoded: DecodedCertificate | undefined): DecodedCertificateOk {
  if (decoded === undefined || !decoded.ok) throw new Error(`not decoded: ${decoded?.error}`);
  return decoded;
}

const cases = Object.keys(OPENSSL).map((key) => {
  const [file = "", position = "0"] = key.split("#");
  return { key, file, position: Number(position) };
});

describe("decodeCertificates against openssl's reading of the same certificates", () => {
  it.each(cases)("$key", async ({ key, file, position }) => {
    const decoded = ok((await decodeCertificates(fixture(file)))[position]);
    const expected = expectedFromOpenssl(OPENSSL[key] ?? "");
    expect(decoded.thumbprint).toBe(expected.thumbprint);
    expect(decoded.subject).toBe(expected.subject);
    expect(decoded.issuer).toBe(expected.issuer);
    expect(decoded.notBefore).toBe(expected.notBefore);
    expect(decoded.notAfter).toBe(expected.notAfter);
    // Windows keeps the DER leading zero byte of a serial whose high bit is set; openssl drops it.
    expect(decoded.serialNumber.replace(/^00(?=[89A-F])/, "")).toBe(expected.serial);
    expect(decoded.index).toBe(position);
    expect(decoded).toMatchObject(OPENSSL_TEXT[key] ?? {});
  });

  it("keeps the leading zero byte of the serial as Windows shows it", async () => {
    expect(ok((await decodeCertificates(fixture("v1-selfsigned.pem")))[0]).serialNumber).toBe("00C0FFEE");
  });

  it("tells self-signed certificates from issued ones", async () => {
    const chain = await decodeCertificates(fixture("chain-leaf-ca.pem"));
    expect(chain.map((c) => c.ok && c.selfSigned)).toEqual([false, true]);
    for (const file of ["selfsigned-rsa2048.pem", "legacy-rsa1024-sha1.pem", "ec-p256.pem", "v1-selfsigned.pem"]) {
      expect(ok((await decodeCertificates(fixture(file)))[0]).selfSigned).toBe(true);
    }
  });
});

describe("decodeCertificates on the ways certificates get pasted", () => {
  const leaf = expectedFromOpenssl(OPENSSL["chain-leaf-ca.pem#0"] ?? "").thumbprint;
  const ca = expectedFromOpenssl(OPENSSL["chain-leaf-ca.pem#1"] ?? "").thumbprint;
  const thumbs = async (text: string) => (await decodeCertificates(text)).map((c) => (c.ok ? c.thumbprint : c.error));

  it("reads a chain with CRLF line ends and indentation", async () => {
    const text = fixture("chain-leaf-ca.pem")
      .split("\n")
      .map((l) => `    ${l}`)
      .join("\r\n");
    expect(await thumbs(text)).toEqual([leaf, ca]);
  });

  it("reads base64 DER on one line and wrapped at the console width", async () => {
    const der = fixture("leaf-der-base64.txt").trim();
    expect(await thumbs(der)).toEqual([leaf]);
    const wrapped = der.match(/.{1,120}/g)?.join("\n") ?? "";
    expect(await thumbs(`PS C:\\> [Convert]::ToBase64String($c.RawData)\n${wrapped}\n\nPS C:\\>`)).toEqual([leaf]);
  });

  it("reads a PEM flattened onto one line by a web page", async () => {
    const flat = fixture("selfsigned-rsa2048.pem").replace(/\n/g, " ");
    expect(await thumbs(flat)).toEqual([expectedFromOpenssl(OPENSSL["selfsigned-rsa2048.pem"] ?? "").thumbprint]);
  });

  it("returns the certificates in the order they were pasted, PEM and DER mixed", async () => {
    const der = fixture("leaf-der-base64.txt").trim();
    const caPem = fixture("chain-leaf-ca.pem").slice(fixture("chain-leaf-ca.pem").indexOf("-----BEGIN", 10));
    expect(await thumbs(`${caPem}\n${der}\n`)).toEqual([ca, leaf]);
  });

  it("returns an error entry, never throws, for text that is not a certificate", async () => {
    expect(await decodeCertificates("")).toEqual([]);
    expect(await decodeCertificates("hello")).toEqual([
      { ok: false, index: 0, error: "no PEM or base64 certificate was found" },
    ]);
    const notBase64 = "-----BEGIN CERTIFICATE-----\n[SNIP certificate here SNIP]\n-----END CERTIFICATE-----";
    expect(await thumbs(notBase64)).toEqual(["the certificate text is not valid base64"]);
    const notCert = `-----BEGIN CERTIFICATE-----\n${"QUJD".repeat(40)}\n-----END CERTIFICATE-----`;
    expect(await thumbs(notCert)).toEqual(["the decoded bytes are not an X.509 certificate"]);
    const pem = fixture("selfsigned-rsa2048.pem");
    const cut = `${pem.slice(0, pem.length / 2)}\n-----END CERTIFICATE-----`;
    expect(await thumbs(cut)).toEqual(["the decoded bytes are not an X.509 certificate"]);
  });
});
