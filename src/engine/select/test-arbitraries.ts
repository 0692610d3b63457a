import fc from "fast-check";
import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { emptyInventory } from "../../model/inventory";
import type { ExchangeVersion } from "../../model/server";
import {
  makeCert,
  makeExchangeServer,
  makeReceiveConnector,
  makeSendConnector,
  makeTransportService,
} from "../../model/test-builders";
import { type DateValue, EXCHANGE_SERVICES } from "../../model/values";
import { contextFor, type SelectionContext } from "./context";

/**
 * Random inputs for the engine's property tests: certificate sets and
 * connectors drawn from a small pool of names so that matches, near misses,
 * wildcards, cut values and unknowns all happen often.
 */
const HOSTS = [
  "mail.contoso.com",
  "smtp.contoso.com",
  "contoso.com",
  "*.contoso.com",
  "a.b.contoso.com",
  "EX01",
  "EX01.contoso.local",
  "avalonelectrotech.local",
  "Microsoft Exchange Server Auth Certificate",
];
const ISSUERS = [
  "CN=Contoso Issuing CA, O=Contoso, C=US",
  "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US",
  'CN=Go Daddy Secure Certificate Authority - G2, O="GoDaddy.com, Inc.", S=Arizona, C=US',
  "CN=EX01",
];
const SUBJECTS = [...HOSTS.map((h) => `CN=${h}`), "CN=mail.contoso.com, O=Contoso, S=Washington, C=US", "O=Contoso"];

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const day = fc.integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2030, 0, 1) }).map((t) => new Date(t).toISOString());
const dateValue: fc.Arbitrary<DateValue> = fc.oneof(
  day.map((iso) => ({ raw: iso.slice(0, 10), iso, readings: [iso] })),
  fc.tuple(day, day).map(([a, b]) => ({ raw: "01/02/2024", iso: null, readings: [a, b] })),
  fc.constant({ raw: "not a date", iso: null, readings: [] }),
);
const hex = fc.stringMatching(/^[0-9A-F]{40}$/);

/** Mostly whole values: a cut or missing value is the exception in real pastes too. */
const cutFields = <T extends string>(fields: readonly T[]) =>
  fc.oneof({ arbitrary: fc.constant<T[]>([]), weight: 4 }, { arbitrary: fc.subarray([...fields]), weight: 1 });

const certificateArb: fc.Arbitrary<Certificate> = fc
  .record({
    server: fc.constantFrom<string | undefined>("EX01", "EX01", "ex01", "EX02", undefined),
    thumbprint: fc.oneof(hex, fc.constant(undefined), fc.constant("8490765C4C47D81***E2F46BEBB98EF9084A3B")),
    subject: opt(fc.constantFrom(...SUBJECTS)),
    issuer: opt(fc.constantFrom(...ISSUERS, ...SUBJECTS)),
    domains: opt(fc.subarray(HOSTS)),
    services: opt(fc.subarray([...EXCHANGE_SERVICES])),
    notBefore: opt(dateValue),
    notAfter: opt(dateValue),
    selfSigned: opt(fc.boolean()),
    hasPrivateKey: opt(fc.constantFrom(true, true, true, false)),
    status: opt(fc.constantFrom("Valid", "Revoked", "Untrusted", "DateInvalid", "RevocationCheckFailure")),
    publicKeySize: opt(fc.constantFrom(2048, 2048, 2048, 1024, 512, 256, 384)),
    version: opt(fc.constantFrom(3, 3, 3, 1)),
    enhancedKeyUsage: fc.option(
      fc.subarray(["Server Authentication (1.3.6.1.5.5.7.3.1)", "Client Authentication (1.3.6.1.5.5.7.3.2)"]),
      {
        nil: undefined,
        freq: 2,
      },
    ),
    truncated: cutFields(["subject", "domains", "issuer"]),
  })
  .map((over) => makeCert(over));

/** TlsCertificateName values, often naming one of the certificates in play. */
function tlsNameArb(certificates: readonly Certificate[]): fc.Arbitrary<string | undefined> {
  const named = certificates.flatMap((c) =>
    c.issuer !== undefined && c.subject !== undefined ? [`<I>${c.issuer}<S>${c.subject}`] : [],
  );
  const pair = fc.tuple(fc.constantFrom(...ISSUERS), fc.constantFrom(...SUBJECTS));
  return fc.oneof(
    { arbitrary: fc.constantFrom<string | undefined>("", undefined), weight: 4 },
    { arbitrary: named.length > 0 ? fc.constantFrom(...named) : fc.constant(""), weight: 3 },
    { arbitrary: pair.map(([i, s]) => `<I>${i}<S>${s}`), weight: 1 },
    { arbitrary: pair.map(([i, s]) => `<i>${i.toLowerCase()}<s>${s}`), weight: 1 },
    {
      arbitrary: fc.tuple(pair, fc.nat(30)).map(([[i, s], n]) => `${`<I>${i}<S>${s}`.slice(0, 10 + n)}...`),
      weight: 1,
    },
    { arbitrary: pair.map(([i, s]) => `[I]${i}[S]${s}`), weight: 1 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  );
}

const AUTH = ["Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer"];

function receiveConnectorArb(
  certificates: readonly Certificate[],
  server: string | undefined,
): fc.Arbitrary<ReceiveConnector> {
  return fc
    .record({
      authMechanism: fc.oneof(
        { arbitrary: fc.constant(AUTH), weight: 3 },
        { arbitrary: opt(fc.subarray([...AUTH, "None"])), weight: 2 },
      ),
      suppressXAnonymousTls: opt(fc.boolean()),
      fqdn: opt(fc.constantFrom("", ...HOSTS)),
      tlsCertificateName: tlsNameArb(certificates),
      enabled: opt(fc.boolean()),
      truncated: cutFields(["fqdn", "tlsCertificateName", "authMechanism"]),
    })
    .map((over) => makeReceiveConnector({ server, ...over }));
}

function sendConnectorArb(certificates: readonly Certificate[]): fc.Arbitrary<SendConnector> {
  return fc
    .record({
      ignoreStartTLS: opt(fc.boolean()),
      fqdn: opt(fc.constantFrom("", ...HOSTS)),
      tlsCertificateName: tlsNameArb(certificates),
      enabled: opt(fc.boolean()),
      truncated: cutFields(["fqdn", "tlsCertificateName"]),
    })
    .map((over) => makeSendConnector(over));
}

/** A context built the real way, from an inventory holding certificates of several servers. */
function contextArb(server: string | undefined): fc.Arbitrary<SelectionContext> {
  return fc
    .record({
      certificates: fc.array(certificateArb, { maxLength: 8 }),
      version: opt(fc.constantFrom<ExchangeVersion>("2007", "2010", "2013", "2016", "2019", "SE")),
      fqdn: opt(fc.constantFrom(...HOSTS)),
      internal: opt(fc.oneof(hex, fc.constant(""))),
      asOf: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2029, 0, 1) }),
    })
    .map(({ certificates, version, fqdn, internal, asOf }) => {
      const inventory = {
        ...emptyInventory(),
        certificates,
        servers: server === undefined ? [] : [makeExchangeServer(server, fqdn, version)],
        transportServices: internal === undefined ? [] : [makeTransportService(server, internal)],
      };
      return contextFor(inventory, server, { asOf: new Date(asOf) });
    });
}

const serverArb = fc.constantFrom<string | undefined>("EX01", "EX01", undefined);

export const receiveCaseArb: fc.Arbitrary<[ReceiveConnector, SelectionContext]> = serverArb
  .chain(contextArb)
  .chain((ctx) =>
    receiveConnectorArb(
      ctx.certificates.map((c) => c.cert),
      ctx.serverName,
    ).map((connector): [ReceiveConnector, SelectionContext] => [connector, ctx]),
  );

export const sendCaseArb: fc.Arbitrary<[SendConnector, string | undefined, SelectionContext]> = serverArb
  .chain(contextArb)
  .chain((ctx) =>
    sendConnectorArb(ctx.certificates.map((c) => c.cert)).map(
      (connector): [SendConnector, string | undefined, SelectionContext] => [connector, ctx.serverName, ctx],
    ),
  );
