import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { emptyInventory } from "../../model/inventory";
import type { ExchangeVersion } from "../../model/server";
import {
  ambiguousDate,
  date,
  makeAuthCert,
  makeCert,
  makeExchangeServer,
  makeReceiveConnector,
  makeSelfSigned,
  makeSendConnector,
  makeTransportService,
  thumb,
} from "../../model/test-builders";
import { type Candidate, contextFor, type SelectionContext } from "./context";
import { selectForReceiveConnector } from "./receive";
import { selectForSendConnector } from "./send";
import { STEP, type StepId } from "./step-ids";
import type { Selection, SelectionVia, StepOutcome } from "./types";

/**
 * End-to-end engine cases (the acceptance list and the seed
 * stories), shared by the engine tests and the flowchart path tests so that
 * every selection the tests produce is also checked against the graph.
 */
export interface ScenarioExpect {
  /** Key of the chosen certificate, or null for "no STARTTLS". */
  readonly certificate: string | null;
  readonly via: SelectionVia;
  /** Ids of the steps that were not skipped, in order. */
  readonly path: readonly StepId[];
  readonly skipped?: readonly StepId[];
  readonly outcomes?: Partial<Record<StepId, StepOutcome>>;
  /** Step → candidate key → pattern its drop reason must match. */
  readonly dropped?: Partial<Record<StepId, Readonly<Record<string, RegExp>>>>;
  readonly kept?: Partial<Record<StepId, readonly string[]>>;
  readonly details?: Partial<Record<StepId, RegExp>>;
  readonly caveats?: Partial<Record<StepId, RegExp>>;
  /** Steps that must carry no caveat. */
  readonly noCaveat?: readonly StepId[];
}

export interface Scenario {
  readonly name: string;
  readonly select: () => Selection;
  readonly expect: ScenarioExpect;
}

/** A context for step tests: candidates keyed by thumbprint (or `#n`), 2019, asOf 2024-08-01. */
export function makeContext(
  certificates: readonly Certificate[],
  over: Partial<SelectionContext> = {},
): SelectionContext {
  return {
    certificates: certificates.map((cert, i): Candidate => ({ key: cert.thumbprint ?? `#${i}`, cert })),
    version: "2019",
    serverFqdn: "EX01.contoso.local",
    asOf: new Date("2024-08-01T00:00:00Z"),
    internalTransportThumbprint: undefined,
    serverName: "EX01",
    ...over,
  };
}

/** Differences between a selection and what the scenario expects; empty when it matches. */
export function scenarioMismatches(expect: ScenarioExpect, selection: Selection): string[] {
  const out: string[] = [];
  const chosen = selection.certificate?.thumbprint ?? (selection.certificate === null ? null : "#");
  if (chosen !== expect.certificate) out.push(`certificate ${chosen} ≠ ${expect.certificate}`);
  if (selection.starttls !== (expect.certificate !== null)) out.push(`starttls ${selection.starttls}`);
  if (selection.via !== expect.via) out.push(`via ${selection.via} ≠ ${expect.via}`);
  const path = selection.steps.filter((s) => s.outcome !== "skipped").map((s) => s.id);
  if (path.join(" ") !== expect.path.join(" ")) out.push(`path ${path.join(" ")} ≠ ${expect.path.join(" ")}`);
  const skipped = selection.steps.filter((s) => s.outcome === "skipped").map((s) => s.id);
  if (skipped.join(" ") !== (expect.skipped ?? []).join(" ")) out.push(`skipped ${skipped.join(" ")}`);
  const step = (id: string) => selection.steps.find((s) => s.id === id);
  for (const [id, outcome] of Object.entries(expect.outcomes ?? {})) {
    if (step(id)?.outcome !== outcome) out.push(`${id} outcome ${step(id)?.outcome} ≠ ${outcome}`);
  }
  for (const [id, reasons] of Object.entries(expect.dropped ?? {})) {
    for (const [key, pattern] of Object.entries(reasons ?? {})) {
      const reason = step(id)?.dropped.find((d) => d.thumbprint === key)?.reason;
      if (reason === undefined || !pattern.test(reason)) out.push(`${id} drop of ${key}: ${reason} !~ ${pattern}`);
    }
  }
  for (const [id, keys] of Object.entries(expect.kept ?? {})) {
    if ((step(id)?.kept ?? []).join(" ") !== (keys ?? []).join(" ")) out.push(`${id} kept ${step(id)?.kept.join(" ")}`);
  }
  for (const [id, pattern] of Object.entries(expect.details ?? {})) {
    const detail = step(id)?.detail ?? "";
    if (!pattern.test(detail)) out.push(`${id} detail "${detail}" !~ ${pattern}`);
  }
  for (const [id, pattern] of Object.entries(expect.caveats ?? {})) {
    const caveat = step(id)?.caveat ?? "";
    if (!pattern.test(caveat)) out.push(`${id} caveat "${caveat}" !~ ${pattern}`);
  }
  for (const id of expect.noCaveat ?? []) {
    const caveat = step(id)?.caveat;
    if (caveat !== undefined) out.push(`${id} has caveat "${caveat}"`);
  }
  return out;
}

const SERVER_FQDN = "EX01.contoso.local";
const AS_OF = "2024-08-01";
const DIGICERT = "CN=GeoTrust TLS RSA CA G1, OU=www.digicert.com, O=DigiCert Inc, C=US";
const GODADDY =
  'CN=Go Daddy Secure Certificate Authority - G2, OU=http://certs.godaddy.com/repository/, O="GoDaddy.com, Inc.", L=Scottsdale, S=Arizona, C=US';

interface World {
  readonly server?: string;
  readonly serverFqdn?: string;
  readonly version?: ExchangeVersion | "unknown";
  readonly asOf?: string;
  readonly internal?: string;
}

function contextOf(certificates: readonly Certificate[], world: World, server: string) {
  const inventory = {
    ...emptyInventory(),
    certificates,
    servers: [
      makeExchangeServer(
        server,
        world.serverFqdn ?? SERVER_FQDN,
        world.version === "unknown" ? undefined : (world.version ?? "2019"),
      ),
    ],
    transportServices: world.internal === undefined ? [] : [makeTransportService(server, world.internal)],
  };
  return contextFor(inventory, server, { asOf: new Date(`${world.asOf ?? AS_OF}T00:00:00Z`) });
}

function receive(
  certificates: readonly Certificate[],
  over: Partial<ReceiveConnector> = {},
  world: World = {},
): Selection {
  const server = world.server ?? "EX01";
  return selectForReceiveConnector(makeReceiveConnector({ server, ...over }), contextOf(certificates, world, server));
}

function send(certificates: readonly Certificate[], over: Partial<SendConnector> = {}, world: World = {}): Selection {
  const server = world.server ?? "EX01";
  return selectForSendConnector(makeSendConnector(over), server, contextOf(certificates, world, server));
}

const selfSigned = makeSelfSigned("EX01", SERVER_FQDN);
const authCert = makeAuthCert("EX01");
const ca = makeCert({ domains: ["mail.contoso.com", "autodiscover.contoso.com"] });
const wildcard = makeCert({ thumbprint: thumb("D1"), subject: "CN=*.contoso.com", domains: ["*.contoso.com"] });
const newerSelfSigned = makeCert({
  thumbprint: thumb("E5"),
  issuer: "CN=mail.contoso.com",
  selfSigned: true,
  rootCAType: "None",
  notBefore: date("2024-06-01"),
  notAfter: date("2029-06-01"),
});
const expiredCa = makeCert({
  thumbprint: thumb("C1"),
  notBefore: date("2022-01-01"),
  notAfter: date("2024-01-01"),
  status: "DateInvalid",
});
const digicert = (tag: string, notBefore: string, notAfter: string, over: Partial<Certificate> = {}) =>
  makeCert({ thumbprint: thumb(tag), issuer: DIGICERT, notBefore: date(notBefore), notAfter: date(notAfter), ...over });
const DIGICERT_NAME = `<I>${DIGICERT}<S>CN=mail.contoso.com`;

/** Sample 02 (Get-ExchangeCertificate | fl, server MOS-MAIL, ru-RU dates read day-first). */
const mosMail = {
  auth: makeAuthCert("MOS-MAIL", {
    thumbprint: "3DAF40EC85C62DD39D98696AB5413E3EB83D6415",
    domains: ["avalonelectrotech.local"],
  }),
  self: makeSelfSigned("MOS-MAIL", "MOS-MAIL.avalonelectrotech.local", {
    thumbprint: "BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E",
  }),
  wmsvc: makeCert({
    server: "MOS-MAIL",
    thumbprint: "7274AA46956DFF4E80B13168A7B6B0037C99CA14",
    subject: "CN=WMSvc-SHA2-MOS-MAIL",
    issuer: "CN=WMSvc-SHA2-MOS-MAIL",
    domains: ["WMSvc-SHA2-MOS-MAIL"],
    services: [],
    selfSigned: true,
    rootCAType: "Registry",
    notBefore: date("2023-02-02"),
    notAfter: date("2033-01-30"),
  }),
};
const MOS_MAIL: World = { server: "MOS-MAIL", serverFqdn: "MOS-MAIL.avalonelectrotech.local" };

const FQDN_PATH: readonly StepId[] = [
  STEP.anonymousTls,
  STEP.authTls,
  STEP.tlsnameSet,
  STEP.fqdnName,
  STEP.fqdnMatch,
  STEP.eligible,
  STEP.preferCa,
  STEP.newest,
  STEP.chosenSmtp,
  STEP.chosenExpiry,
  STEP.resultStarttls,
];
const FQDN_NONE: readonly StepId[] = [
  STEP.anonymousTls,
  STEP.authTls,
  STEP.tlsnameSet,
  STEP.fqdnName,
  STEP.fqdnMatch,
  STEP.resultNone,
];
const TLSNAME_PATH: readonly StepId[] = [
  STEP.anonymousTls,
  STEP.authTls,
  STEP.tlsnameSet,
  STEP.tlsnameSyntax,
  STEP.tlsnameMatch,
  STEP.tlsnameStatus,
  STEP.tlsnameTiebreak,
  STEP.chosenKey,
  STEP.chosenSmtp,
  STEP.chosenExpiry,
  STEP.resultStarttls,
];

export const receiveScenarios: readonly Scenario[] = [
  {
    name: "port 25 with Fqdn mail.contoso.com presents the CA-issued certificate",
    select: () => receive([selfSigned, authCert, ca]),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.preferCa]: "yes", [STEP.newest]: "no", [STEP.anonymousTls]: "yes" },
      kept: { [STEP.fqdnMatch]: [thumb("C0")] },
      dropped: {
        [STEP.fqdnMatch]: {
          [thumb("5E")]: /^covers EX01 and EX01\.contoso\.local, not mail\.contoso\.com$/,
          [thumb("A7")]: /Exchange Server Auth Certificate/,
        },
      },
      caveats: { [STEP.anonymousTls]: /Get-TransportService/ },
      noCaveat: [STEP.fqdnMatch, STEP.preferCa, STEP.newest, STEP.chosenSmtp, STEP.chosenExpiry],
    },
  },
  {
    name: "stale TlsCertificateName after a renewal: no STARTTLS and no fallback, although a certificate covers the Fqdn",
    select: () =>
      receive(
        [
          selfSigned,
          makeCert({ thumbprint: thumb("B2"), issuer: "CN=R3, O=Let's Encrypt, C=US", notBefore: date("2024-05-01") }),
        ],
        { tlsCertificateName: `<I>${GODADDY}<S>CN=mail.contoso.com` },
      ),
    expect: {
      certificate: null,
      via: "None",
      path: [STEP.anonymousTls, STEP.authTls, STEP.tlsnameSet, STEP.tlsnameSyntax, STEP.tlsnameMatch, STEP.resultNone],
      outcomes: { [STEP.tlsnameSyntax]: "yes", [STEP.tlsnameMatch]: "no" },
      dropped: { [STEP.tlsnameMatch]: { [thumb("B2")]: /^same subject, different issuer \(CN=R3/ } },
      details: {
        [STEP.tlsnameMatch]:
          /does not fall back.*event 12014.*B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2B2 \(CN=mail\.contoso\.com\) covers mail\.contoso\.com but is not used/,
        [STEP.resultNone]: /event 12014/,
      },
    },
  },
  {
    name: "AuthMechanism without Tls: no STARTTLS, no certificate loaded",
    select: () => receive([ca], { authMechanism: ["Integrated", "BasicAuth"] }),
    expect: {
      certificate: null,
      via: "None",
      path: [STEP.anonymousTls, STEP.authTls, STEP.resultNone],
      outcomes: { [STEP.anonymousTls]: "no", [STEP.authTls]: "no" },
      details: { [STEP.authTls]: /Integrated, BasicAuth: without Tls/ },
    },
  },
  {
    name: "AuthMechanism not in the paste: assumed to include Tls, and said so",
    select: () => receive([ca], { authMechanism: undefined }),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.anonymousTls]: "no" },
      caveats: { [STEP.authTls]: /Cannot tell.*Get-ReceiveConnector \| fl/ },
    },
  },
  {
    name: "a wildcard covers one left-most label (smtp.contoso.com)",
    select: () => receive([wildcard], { fqdn: "smtp.contoso.com" }),
    expect: { certificate: thumb("D1"), via: "Fqdn", path: FQDN_PATH },
  },
  {
    name: "a wildcard does not cover the apex (contoso.com)",
    select: () => receive([wildcard], { fqdn: "contoso.com" }),
    expect: {
      certificate: null,
      via: "None",
      path: FQDN_NONE,
      dropped: {
        [STEP.fqdnMatch]: {
          [thumb("D1")]:
            /^covers \*\.contoso\.com, not contoso\.com \(a wildcard covers exactly one left-most label\)$/,
        },
      },
    },
  },
  {
    name: "a wildcard does not cover two labels (a.b.contoso.com)",
    select: () => receive([wildcard], { fqdn: "a.b.contoso.com" }),
    expect: {
      certificate: null,
      via: "None",
      path: FQDN_NONE,
      dropped: {
        [STEP.fqdnMatch]: { [thumb("D1")]: /not a\.b\.contoso\.com \(a wildcard covers exactly one left-most label\)/ },
      },
    },
  },
  {
    name: "a CA-issued certificate beats a newer self-signed one",
    select: () => receive([newerSelfSigned, ca]),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      kept: { [STEP.fqdnMatch]: [thumb("E5"), thumb("C0")], [STEP.preferCa]: [thumb("C0")] },
      dropped: { [STEP.preferCa]: { [thumb("E5")]: /^self-signed; a CA-issued candidate exists$/ } },
    },
  },
  {
    name: "two renewals with the same issuer and subject: the newest NotBefore wins",
    select: () =>
      receive(
        [digicert("F0", "2023-01-01", "2024-02-01"), digicert("F1", "2024-01-01", "2025-01-01")],
        {
          tlsCertificateName: DIGICERT_NAME,
        },
        { asOf: "2024-01-15" },
      ),
    expect: {
      certificate: thumb("F1"),
      via: "TlsCertificateName",
      path: TLSNAME_PATH,
      outcomes: { [STEP.tlsnameTiebreak]: "yes" },
      dropped: {
        [STEP.tlsnameTiebreak]: {
          [thumb("F0")]: /^older NotBefore than F1F1F1F1F1F1F1F1F1F1F1F1F1F1F1F1F1F1F1F1 \(2023-01-01 vs 2024-01-01\)$/,
        },
      },
      noCaveat: [STEP.tlsnameTiebreak],
    },
  },
  {
    name: "a renewal next to an old long-lived certificate: NotBefore and NotAfter disagree, and the trace says so",
    select: () =>
      receive([digicert("F2", "2022-01-01", "2027-01-01"), digicert("F3", "2024-06-01", "2025-06-01")], {
        tlsCertificateName: DIGICERT_NAME,
      }),
    expect: {
      certificate: thumb("F3"),
      via: "TlsCertificateName",
      path: TLSNAME_PATH,
      caveats: {
        [STEP.tlsnameTiebreak]: /conflict: the Microsoft Learn article.*latest NotAfter, which would be F2F2/,
      },
    },
  },
  {
    name: "a matched certificate without the SMTP service is still chosen on 2013+, and flagged",
    select: () => receive([makeCert({ services: ["IIS"] })]),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.chosenSmtp]: "no" },
      details: { [STEP.chosenSmtp]: /not enabled for SMTP.*still choose it.*handshake then fails/ },
      noCaveat: [STEP.chosenSmtp, STEP.eligible],
    },
  },
  {
    name: "an expired certificate is still chosen (event 12016, STARTTLS still offered)",
    select: () => receive([expiredCa]),
    expect: {
      certificate: thumb("C1"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.preferCa]: "no", [STEP.chosenExpiry]: "no" },
      details: {
        [STEP.chosenExpiry]:
          /expired on 2024-01-01: Exchange still uses it and advertises STARTTLS, and logs event 12016/,
      },
    },
  },
  {
    name: "an expired CA-issued certificate loses to a self-signed one",
    select: () => receive([expiredCa, newerSelfSigned]),
    expect: {
      certificate: thumb("E5"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.preferCa]: "no" },
      dropped: { [STEP.preferCa]: { [thumb("C1")]: /^CA-issued but Status DateInvalid/ } },
    },
  },
  {
    name: "Exchange 2010: no TlsCertificateName, and a renewal not enabled for SMTP is filtered out (sample 08)",
    select: () =>
      receive(
        [
          makeCert({ thumbprint: thumb("90"), services: ["IMAP", "POP"], notBefore: date("2024-05-01") }),
          makeCert({
            thumbprint: thumb("7C"),
            services: ["IMAP", "POP", "IIS", "SMTP"],
            notBefore: date("2024-02-01"),
          }),
        ],
        { tlsCertificateName: undefined },
        { version: "2010" },
      ),
    expect: {
      certificate: thumb("7C"),
      via: "Fqdn",
      path: FQDN_PATH.filter((id) => id !== STEP.tlsnameSet),
      skipped: [STEP.tlsnameSet],
      dropped: { [STEP.eligible]: { [thumb("90")]: /^not enabled for SMTP \(Exchange 2010 filters on it\)$/ } },
      caveats: { [STEP.eligible]: /not confirmed \(for 2013 and later Microsoft says it is not checked\)/ },
      details: { [STEP.tlsnameSet]: /Exchange 2010 has no TlsCertificateName/ },
    },
  },
  {
    name: "the Exchange Server Auth Certificate never wins, even when it lists the connector's name (sample 02)",
    select: () => receive([mosMail.auth, mosMail.self, mosMail.wmsvc], { fqdn: "avalonelectrotech.local" }, MOS_MAIL),
    expect: {
      certificate: null,
      via: "None",
      path: FQDN_NONE,
      dropped: { [STEP.fqdnMatch]: { "3DAF40EC85C62DD39D98696AB5413E3EB83D6415": /OAuth certificate/ } },
      caveats: { [STEP.fqdnMatch]: /No source says Exchange skips it by name/ },
    },
  },
  {
    name: "sample 02: a connector on the server FQDN presents the self-signed CN=MOS-MAIL",
    select: () =>
      receive([mosMail.auth, mosMail.self, mosMail.wmsvc], { fqdn: "MOS-MAIL.avalonelectrotech.local" }, MOS_MAIL),
    expect: {
      certificate: "BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E",
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.preferCa]: "no" },
      kept: { [STEP.fqdnMatch]: ["BBA9F942B32F3E0F6E0C4E735BD1F38D4C06612E"] },
    },
  },
  {
    name: "Client Frontend on 587 with Fqdn = server FQDN presents the self-signed certificate",
    select: () =>
      receive([selfSigned, authCert, ca], {
        name: "Client Frontend EX01",
        identity: "EX01\\Client Frontend EX01",
        bindings: ["[::]:587", "0.0.0.0:587"],
        authMechanism: ["Tls", "BasicAuth", "BasicAuthRequireTLS", "Integrated"],
        permissionGroups: ["ExchangeUsers"],
        fqdn: SERVER_FQDN,
      }),
    expect: {
      certificate: thumb("5E"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.anonymousTls]: "no", [STEP.preferCa]: "no" },
      dropped: {
        [STEP.fqdnMatch]: {
          [thumb("C0")]: /^covers mail\.contoso\.com and autodiscover\.contoso\.com, not EX01\.contoso\.local$/,
        },
      },
    },
  },
  {
    name: "an empty Fqdn looks up the server FQDN (via Default)",
    select: () => receive([selfSigned, ca], { fqdn: "" }),
    expect: {
      certificate: thumb("5E"),
      via: "Default",
      path: FQDN_PATH,
      outcomes: { [STEP.fqdnName]: "no" },
      details: { [STEP.fqdnName]: /server's FQDN, EX01\.contoso\.local/ },
    },
  },
  {
    name: "a subject cut by the console cannot be matched, and the trace asks for Format-List (sample 07)",
    select: () =>
      receive(
        [
          makeCert({
            thumbprint: "5E4325D6195B5E2932EAE402F515172DC827D083",
            subject: "CN=mail",
            issuer: undefined,
            domains: undefined,
            selfSigned: undefined,
            notBefore: undefined,
            notAfter: undefined,
            truncated: ["subject"],
          }),
        ],
        { tlsCertificateName: undefined },
        { version: "2010" },
      ),
    expect: {
      certificate: null,
      via: "None",
      path: FQDN_NONE.filter((id) => id !== STEP.tlsnameSet),
      skipped: [STEP.tlsnameSet],
      dropped: { [STEP.fqdnMatch]: { "5E4325D6195B5E2932EAE402F515172DC827D083": /^subject cut by the console$/ } },
      caveats: { [STEP.fqdnMatch]: /Get-ExchangeCertificate \| fl/ },
    },
  },
  {
    name: "ambiguous NotBefore dates that cannot be ordered: the first listed, with both readings named",
    select: () =>
      receive([
        makeCert({ thumbprint: thumb("A1"), notBefore: ambiguousDate("01/02/2024", ["2024-01-02", "2024-02-01"]) }),
        makeCert({ thumbprint: thumb("B1"), notBefore: date("2024-01-15") }),
      ]),
    expect: {
      certificate: thumb("A1"),
      via: "Fqdn",
      path: FQDN_PATH,
      dropped: { [STEP.newest]: { [thumb("B1")]: /^cannot be ordered against A1A1/ } },
      caveats: { [STEP.newest]: /"01\/02\/2024" can be read as 2024-01-02 or 2024-02-01/ },
    },
  },
  {
    name: "ambiguous dates that every reading orders the same way are used",
    select: () =>
      receive([
        makeCert({ thumbprint: thumb("A1"), notBefore: ambiguousDate("12/02/2020", ["2020-02-12", "2020-12-02"]) }),
        makeCert({ thumbprint: thumb("B1"), notBefore: date("2024-01-01") }),
      ]),
    expect: {
      certificate: thumb("B1"),
      via: "Fqdn",
      path: FQDN_PATH,
      dropped: {
        [STEP.newest]: {
          [thumb("A1")]: /^older NotBefore than B1B1.*\(12\/02\/2020 \(2020-02-12 or 2020-12-02\) vs 2024-01-01\)$/,
        },
      },
      noCaveat: [STEP.newest],
    },
  },
  {
    name: "an ambiguous NotAfter that may or may not have passed: chosen, with a caveat",
    select: () => receive([makeCert({ notAfter: ambiguousDate("05/09/2024", ["2024-05-09", "2024-09-05"]) })]),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.chosenExpiry]: "yes" },
      caveats: { [STEP.chosenExpiry]: /"05\/09\/2024" can be read as 2024-05-09 or 2024-09-05/ },
    },
  },
  {
    name: "a TlsCertificateName match that fails validation acts as not found",
    select: () =>
      receive([digicert("F4", "2024-01-01", "2026-01-01", { status: "Revoked" })], {
        tlsCertificateName: DIGICERT_NAME,
      }),
    expect: {
      certificate: null,
      via: "None",
      path: [
        STEP.anonymousTls,
        STEP.authTls,
        STEP.tlsnameSet,
        STEP.tlsnameSyntax,
        STEP.tlsnameMatch,
        STEP.tlsnameStatus,
        STEP.resultNone,
      ],
      dropped: { [STEP.tlsnameStatus]: { [thumb("F4")]: /^Status Revoked/ } },
      caveats: { [STEP.tlsnameStatus]: /^MEDIUM/ },
    },
  },
  {
    name: "a square-bracket TlsCertificateName matches nothing",
    select: () =>
      receive([digicert("F5", "2024-01-01", "2026-01-01")], {
        tlsCertificateName: `[I]${DIGICERT}[S]CN=mail.contoso.com`,
      }),
    expect: {
      certificate: null,
      via: "None",
      path: [STEP.anonymousTls, STEP.authTls, STEP.tlsnameSet, STEP.tlsnameSyntax, STEP.tlsnameCut, STEP.resultNone],
      outcomes: { [STEP.tlsnameSyntax]: "no", [STEP.tlsnameCut]: "no" },
      details: { [STEP.tlsnameSyntax]: /square brackets/ },
      caveats: { [STEP.tlsnameCut]: /is not documented/ },
    },
  },
  {
    name: "a TlsCertificateName cut by the console is matched by its visible start (sample 31)",
    select: () =>
      receive(
        [
          makeCert({
            server: "MXM",
            thumbprint: thumb("6A"),
            issuer: "CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE",
            subject: "CN=*.contoso.ru, O=Contoso LLC, L=Moscow, C=RU",
            domains: ["*.contoso.ru", "contoso.ru"],
          }),
        ],
        {
          tlsCertificateName: "<I>CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE<S>CN=*.contoso.ru, ",
          fqdn: "mxm.contoso.ru",
        },
        { server: "MXM", serverFqdn: "MXM.contoso.ru" },
      ),
    expect: {
      certificate: thumb("6A"),
      via: "TlsCertificateName",
      path: [
        STEP.anonymousTls,
        STEP.authTls,
        STEP.tlsnameSet,
        STEP.tlsnameSyntax,
        STEP.tlsnameCut,
        STEP.tlsnameMatch,
        STEP.tlsnameStatus,
        STEP.tlsnameTiebreak,
        STEP.chosenKey,
        STEP.chosenSmtp,
        STEP.chosenExpiry,
        STEP.resultStarttls,
      ],
      outcomes: { [STEP.tlsnameSyntax]: "no", [STEP.tlsnameCut]: "yes" },
      caveats: { [STEP.tlsnameCut]: /cannot be matched exactly/ },
    },
  },
  {
    name: "a TlsCertificateName match without a private key is chosen and fails with NoCredentials",
    select: () =>
      receive([digicert("0E", "2024-01-01", "2026-01-01", { hasPrivateKey: false })], {
        tlsCertificateName: DIGICERT_NAME,
      }),
    expect: {
      certificate: thumb("0E"),
      via: "TlsCertificateName",
      path: TLSNAME_PATH,
      outcomes: { [STEP.chosenKey]: "no" },
      details: { [STEP.chosenKey]: /NoCredentials/ },
      caveats: {
        [STEP.chosenKey]:
          /inbound TlsCertificateName path skips a certificate without a private key instead is not confirmed/,
      },
    },
  },
  {
    name: "TlsCertificateName with lowercase tags matches case-insensitively",
    select: () =>
      receive([digicert("F6", "2024-01-01", "2026-01-01")], {
        tlsCertificateName: `<i>${DIGICERT.toLowerCase()}<s>cn=MAIL.contoso.com`,
      }),
    expect: {
      certificate: thumb("F6"),
      via: "TlsCertificateName",
      path: TLSNAME_PATH,
      outcomes: { [STEP.tlsnameTiebreak]: "no" },
    },
  },
  {
    name: "TlsCertificateName not in the paste is assumed empty, and said so",
    select: () => receive([ca], { tlsCertificateName: undefined }),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      caveats: { [STEP.tlsnameSet]: /not in the paste; assumed empty/ },
    },
  },
  {
    name: "unknown Exchange version and a chosen certificate without SMTP: assumes 2013+, says what 2010 would do",
    select: () => receive([makeCert({ services: ["IIS"] })], {}, { version: "unknown" }),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.chosenSmtp]: "no" },
      caveats: { [STEP.chosenSmtp]: /assumes 2013 or later.*Exchange 2010/, [STEP.eligible]: /Exchange 2010/ },
    },
  },
  {
    name: "no certificate pasted for the server: no STARTTLS predicted, and the trace says the data is missing",
    select: () => receive([]),
    expect: {
      certificate: null,
      via: "None",
      path: FQDN_NONE,
      caveats: { [STEP.fqdnMatch]: /No Get-ExchangeCertificate output for EX01/ },
    },
  },
  {
    name: "only ineligible candidates: no STARTTLS, no fallback to the internal transport certificate",
    select: () =>
      receive(
        [
          makeCert({ thumbprint: thumb("01"), hasPrivateKey: false }),
          makeCert({ thumbprint: thumb("02"), version: 1 }),
          makeCert({ thumbprint: thumb("03"), publicKeySize: 512 }),
          makeCert({ thumbprint: thumb("04"), enhancedKeyUsage: ["Client Authentication (1.3.6.1.5.5.7.3.2)"] }),
          selfSigned,
        ],
        {},
        { internal: thumb("5E") },
      ),
    expect: {
      certificate: null,
      via: "None",
      path: [
        STEP.anonymousTls,
        STEP.authTls,
        STEP.tlsnameSet,
        STEP.fqdnName,
        STEP.fqdnMatch,
        STEP.eligible,
        STEP.resultNone,
      ],
      kept: { [STEP.anonymousTls]: [thumb("5E")] },
      dropped: {
        [STEP.eligible]: {
          [thumb("01")]: /^no private key$/,
          [thumb("02")]: /^X\.509 version 1/,
          [thumb("03")]: /^512-bit key/,
          [thumb("04")]: /^Enhanced Key Usage lacks Server Authentication/,
        },
      },
      details: { [STEP.eligible]: /no fallback to the internal transport certificate/ },
    },
  },
  {
    name: "an ECC key is not held to the RSA 1024-bit minimum",
    select: () => receive([makeCert({ publicKeySize: 256 })]),
    expect: { certificate: thumb("C0"), via: "Fqdn", path: FQDN_PATH, caveats: { [STEP.eligible]: /ECC/ } },
  },
  {
    name: "X-ANONYMOUSTLS uses the internal transport certificate; expired → event 12015, still offered",
    select: () =>
      receive(
        [makeSelfSigned("EX01", SERVER_FQDN, { notAfter: date("2024-01-01") }), ca],
        {},
        { internal: thumb("5E") },
      ),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.anonymousTls]: "yes" },
      kept: { [STEP.anonymousTls]: [thumb("5E")] },
      details: { [STEP.anonymousTls]: /event 12015 but still advertises X-ANONYMOUSTLS/ },
    },
  },
  {
    name: "internal transport certificate not in the list → event 12013",
    select: () => receive([ca], {}, { internal: thumb("99") }),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.anonymousTls]: "no" },
      details: { [STEP.anonymousTls]: /event 12013/ },
      caveats: { [STEP.anonymousTls]: /12024/ },
    },
  },
  {
    name: "internal transport certificate thumbprint empty → event 12012",
    select: () => receive([ca], {}, { internal: "" }),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: FQDN_PATH,
      outcomes: { [STEP.anonymousTls]: "no" },
      details: { [STEP.anonymousTls]: /event 12012/ },
    },
  },
  {
    name: "near miss: ST= in TlsCertificateName, S= on the certificate",
    select: () =>
      receive([makeCert({ subject: "CN=mail.contoso.com, O=Contoso, L=Seattle, S=Washington, C=US" })], {
        tlsCertificateName:
          "<I>CN=Contoso Issuing CA, O=Contoso, C=US<S>CN=mail.contoso.com, O=Contoso, L=Seattle, ST=Washington, C=US",
      }),
    expect: {
      certificate: null,
      via: "None",
      path: [STEP.anonymousTls, STEP.authTls, STEP.tlsnameSet, STEP.tlsnameSyntax, STEP.tlsnameMatch, STEP.resultNone],
      dropped: { [STEP.tlsnameMatch]: { [thumb("C0")]: /written differently/ } },
      caveats: { [STEP.tlsnameMatch]: /whether it normalises DNs is not documented/ },
    },
  },
  {
    name: "a disabled connector still gets its trace, with a caveat",
    select: () => receive([ca], { enabled: false }),
    expect: { certificate: thumb("C0"), via: "Fqdn", path: FQDN_PATH, caveats: { [STEP.authTls]: /disabled/ } },
  },
];

const SEND_TLSNAME_PATH: readonly StepId[] = [
  STEP.sendStarttls,
  STEP.tlsnameSet,
  STEP.tlsnameSyntax,
  STEP.tlsnameMatch,
  STEP.tlsnameStatus,
  STEP.tlsnameTiebreak,
  STEP.chosenKey,
  STEP.chosenSmtp,
  STEP.chosenExpiry,
  STEP.resultStarttls,
];
const SEND_FQDN_PATH: readonly StepId[] = [
  STEP.sendStarttls,
  STEP.tlsnameSet,
  STEP.fqdnName,
  STEP.fqdnMatch,
  STEP.eligible,
  STEP.preferCa,
  STEP.newest,
  STEP.chosenSmtp,
  STEP.chosenExpiry,
  STEP.resultStarttls,
];

export const sendScenarios: readonly Scenario[] = [
  {
    name: "send connector: TlsCertificateName found",
    select: () => send([selfSigned, digicert("F7", "2024-01-01", "2026-01-01")], { tlsCertificateName: DIGICERT_NAME }),
    expect: { certificate: thumb("F7"), via: "TlsCertificateName", path: SEND_TLSNAME_PATH },
  },
  {
    name: "send connector: TlsCertificateName not found → 454 4.7.5 (sample 14)",
    select: () => send([ca], { tlsCertificateName: DIGICERT_NAME }),
    expect: {
      certificate: null,
      via: "None",
      path: [STEP.sendStarttls, STEP.tlsnameSet, STEP.tlsnameSyntax, STEP.tlsnameMatch, STEP.resultNone],
      details: {
        [STEP.resultNone]:
          /454 4\.7\.5 The certificate specified in TlsCertificateName of the SendConnector could not be found/,
      },
    },
  },
  {
    name: "send connector without TlsCertificateName: by Fqdn, MEDIUM (Q11)",
    select: () => send([selfSigned, ca]),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: SEND_FQDN_PATH,
      caveats: { [STEP.fqdnName]: /MEDIUM: for send connectors/ },
    },
  },
  {
    name: "send connector with an empty Fqdn uses the server FQDN",
    select: () => send([selfSigned, ca], { fqdn: "" }),
    expect: { certificate: thumb("5E"), via: "Default", path: SEND_FQDN_PATH },
  },
  {
    name: "send connector without SMTP on the chosen certificate → UnknownCredentials",
    select: () =>
      send([digicert("F8", "2024-01-01", "2026-01-01", { services: ["IIS"] })], { tlsCertificateName: DIGICERT_NAME }),
    expect: {
      certificate: thumb("F8"),
      via: "TlsCertificateName",
      path: SEND_TLSNAME_PATH,
      outcomes: { [STEP.chosenSmtp]: "no" },
      details: { [STEP.chosenSmtp]: /UnknownCredentials/ },
    },
  },
  {
    name: "send connector with IgnoreSTARTTLS uses no certificate",
    select: () => send([ca], { ignoreStartTLS: true }),
    expect: {
      certificate: null,
      via: "None",
      path: [STEP.sendStarttls, STEP.resultNone],
      outcomes: { [STEP.sendStarttls]: "no" },
    },
  },
  {
    name: "send connector on Exchange 2010: by Fqdn only",
    select: () => send([ca], { tlsCertificateName: undefined }, { version: "2010" }),
    expect: {
      certificate: thumb("C0"),
      via: "Fqdn",
      path: SEND_FQDN_PATH.filter((id) => id !== STEP.tlsnameSet),
      skipped: [STEP.tlsnameSet],
    },
  },
];
