import { describe, expect, it } from "vitest";
import type { ReportCertificate, ReportSelection } from "../../report/types";
import { verdictText } from "./verdict-text";

const selection: ReportSelection = {
  server: "EX1",
  connector: "Default Frontend EX1",
  direction: "inbound",
  fqdn: "mail.contoso.com",
  certificate: "DE67AA00000000000000000000000000000000E2",
  starttls: true,
  via: "TlsCertificateName",
  steps: [],
};

const certificate: ReportCertificate = {
  server: "EX1",
  thumbprint: "DE67AA00000000000000000000000000000000E2",
  subject: "CN=mail.contoso.com",
  issuer: "CN=R3",
  domains: ["mail.contoso.com"],
  services: ["IIS", "SMTP"],
  notBefore: null,
  notAfter: null,
  selfSigned: false,
  hasPrivateKey: true,
  status: "Valid",
  rootCAType: "ThirdParty",
  truncated: [],
  lines: [1, 10],
};

describe("verdictText", () => {
  it.each([
    {
      name: "names the subject of the listed certificate",
      selection,
      certificates: [certificate],
      text: "presents CN=mail.contoso.com (thumbprint DE67AA00000000000000000000000000000000E2) via TlsCertificateName",
    },
    {
      name: "falls back to the thumbprint when the certificate is listed for another server",
      selection: { ...selection, via: "Fqdn" as const },
      certificates: [{ ...certificate, server: "EX2" }],
      text: "presents certificate DE67AA00000000000000000000000000000000E2 via Fqdn",
    },
    {
      name: "says when STARTTLS is not offered",
      selection: { ...selection, certificate: null, starttls: false, via: "None" as const },
      certificates: [certificate],
      text: "offers no STARTTLS",
    },
    {
      name: "does not invent a certificate the report does not name",
      selection: { ...selection, certificate: null, starttls: true, via: "Default" as const },
      certificates: [certificate],
      text: "offers STARTTLS, but the paste does not show with which certificate",
    },
  ])("$name", ({ selection: s, certificates, text }) => {
    expect(verdictText(s, certificates)).toBe(text);
  });
});
