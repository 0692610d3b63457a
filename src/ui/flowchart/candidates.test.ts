import { describe, expect, it } from "vitest";
import type { ReportCertificate } from "../../report/types";
import { candidate } from "./candidates";

const certificate = (server: string | null, thumbprint: string | null, subject: string | null): ReportCertificate => ({
  server,
  thumbprint,
  subject,
  issuer: null,
  domains: [],
  services: [],
  notBefore: null,
  notAfter: null,
  selfSigned: null,
  hasPrivateKey: null,
  status: null,
  rootCAType: null,
  truncated: [],
  lines: [1, 2],
});

const certificates = [
  certificate("EX1", "AA", "CN=mail.contoso.com"),
  certificate("EX2", "BB", "CN=EX2"),
  certificate(null, "CC", "CN=unnamed"),
];

describe("candidate", () => {
  it.each([
    { key: "AA", server: "EX1", subject: "CN=mail.contoso.com" },
    { key: "BB", server: "EX1", subject: null },
    { key: "CC", server: null, subject: "CN=unnamed" },
    { key: "#2", server: "EX1", subject: null },
  ])("$key on $server", ({ key, server, subject }) => {
    expect(candidate(key, server, certificates)).toEqual({ key, subject });
  });
});
