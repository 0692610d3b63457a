/** A real paste from src/parse/__fixtures__, loaded on demand so the samples stay out of the first download. */
export interface Example {
  readonly id: string;
  readonly name: string;
  readonly load: () => Promise<string>;
}

const text = (module: { default: string }) => module.default;

export const EXAMPLES: readonly Example[] = [
  {
    id: "01",
    name: "Get-ExchangeCertificate table with notes added (lab)",
    load: () => import("../../parse/__fixtures__/01-getexcert-table-annotated-kjpark.txt?raw").then(text),
  },
  {
    id: "02",
    name: "Get-ExchangeCertificate | fl (Russian dates)",
    load: () => import("../../parse/__fixtures__/02-getexcert-fl-ru-dates-prompt.txt?raw").then(text),
  },
  {
    id: "04",
    name: "Event 12014 on an Edge server: FQDN not on any certificate",
    load: () => import("../../parse/__fixtures__/04-event-12014-edge-fqdn-mismatch.txt?raw").then(text),
  },
  {
    id: "05",
    name: "Telnet EHLO on ports 587 and 25: STARTTLS missing on 25",
    load: () => import("../../parse/__fixtures__/05-ehlo-587-vs-25-starttls-missing.txt?raw").then(text),
  },
  {
    id: "06",
    name: "SMTP Receive protocol log: self-signed certificate sent",
    load: () => import("../../parse/__fixtures__/06-smtpreceive-protocollog-selfsigned-sent.txt?raw").then(text),
  },
  {
    id: "07",
    name: "Exchange 2010 certificate table, narrow console (before renewal)",
    load: () => import("../../parse/__fixtures__/07-getexcert-table-ex2010-6flags-narrow-before.txt?raw").then(text),
  },
  {
    id: "08",
    name: "Exchange 2010 certificate table after renewal: SMTP lost",
    load: () => import("../../parse/__fixtures__/08-getexcert-table-ex2010-after-renew-lost-smtp.txt?raw").then(text),
  },
  {
    id: "09",
    name: "Event 12014: TlsCertificateName names a removed certificate",
    load: () => import("../../parse/__fixtures__/09-event-12014-fet-tlscertname-old-cert-removed.txt?raw").then(text),
  },
  {
    id: "10",
    name: "Exchange Online message trace: 450 4.4.317 SubjectMismatch",
    load: () => import("../../parse/__fixtures__/10-exo-msgtrace-450-4.4.317-subjectmismatch.txt?raw").then(text),
  },
  {
    id: "12",
    name: "Test-Certificate: revoked, untrusted chain",
    load: () => import("../../parse/__fixtures__/12-test-certificate-chain-revoked-untrusted.txt?raw").then(text),
  },
  {
    id: "14",
    name: "Queue error 454 4.7.5: send connector certificate not found",
    load: () =>
      import("../../parse/__fixtures__/14-queue-454-4.7.5-tlscertname-sendconnector-not-found.txt?raw").then(text),
  },
  {
    id: "16",
    name: "Queue and SMTP Send log: UnknownCredentials",
    load: () => import("../../parse/__fixtures__/16-queue-and-smtpsend-log-unknowncredentials.txt?raw").then(text),
  },
  {
    id: "17",
    name: "Hybrid wizard error: msExchSmtpTLSCertificate too long",
    load: () =>
      import("../../parse/__fixtures__/17-hcw-error-new-sendconnector-msexchsmtptlscertificate-len.txt?raw").then(text),
  },
  {
    id: "19",
    name: "openssl s_client -starttls smtp: internal CA, verify error 20",
    load: () => import("../../parse/__fixtures__/19-openssl-starttls-exchange-internal-ca-verify20.txt?raw").then(text),
  },
  {
    id: "21",
    name: "HealthChecker: Exchange Online connector TlsCertificateName not set",
    load: () => import("../../parse/__fixtures__/21-healthchecker-exoconnector-tlscertname-not-set.txt?raw").then(text),
  },
  {
    id: "23",
    name: "Get-ReceiveConnector | fl (double-spaced, trimmed)",
    load: () => import("../../parse/__fixtures__/23-getreceiveconnector-fl-doublespaced-trimmed.txt?raw").then(text),
  },
  {
    id: "25",
    name: "Telnet and openssl EHLO, before and after TLS (tab-indented)",
    load: () =>
      import("../../parse/__fixtures__/25-telnet-and-openssl-ehlo-before-after-tls-tabbed.txt?raw").then(text),
  },
  {
    id: "26",
    name: "Message trace and protocol log: STARTTLS is required",
    load: () =>
      import("../../parse/__fixtures__/26-exo-msgtrace-and-protocollog-starttls-required-root-g2.txt?raw").then(text),
  },
  {
    id: "29",
    name: "Event 12014 flattened to one line",
    load: () =>
      import("../../parse/__fixtures__/29-event-12014-flattened-one-line-placeholders-stripped.txt?raw").then(text),
  },
  {
    id: "31",
    name: "Get-HybridConfiguration, wrapped, TlsCertificateName cut (Russian dates)",
    load: () =>
      import("../../parse/__fixtures__/31-gethybridconfiguration-wrapped-truncated-tlscertname-ru-dates.txt?raw").then(
        text,
      ),
  },
  {
    id: "34",
    name: "Enable-ExchangeCertificate: private key missing (wrapped error)",
    load: () =>
      import("../../parse/__fixtures__/34-enable-exchangecertificate-privatekeymissing-wrapped-error.txt?raw").then(
        text,
      ),
  },
  {
    id: "36",
    name: "Schannel events 36871 and 36888",
    load: () =>
      import("../../parse/__fixtures__/36-schannel-36871-36888-machine-translated-linebreak.txt?raw").then(text),
  },
  {
    id: "38",
    name: "win-acme log: Enable-ExchangeCertificate error (Spanish console)",
    load: () =>
      import("../../parse/__fixtures__/38-wacs-enable-exchangecertificate-error-spanish-mojibake-quoted.txt?raw").then(
        text,
      ),
  },
];
