import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";

/**
 * fast-check grammars for the robustness properties (src/**\/robustness*.test.ts) and `npm run fuzz`: Exchange
 * cmdlet output as admins paste it — list, table, JSON and CSV, behind a prompt and command echo, dates in the
 * console's locale — with the damage real pastes carry (cut lines, swapped columns, lost line breaks, another
 * locale, random bytes, control characters, right-to-left marks, NULs) and hostile values in every field.
 */

/** Characters that break naive text handling: controls, NUL, bidi marks and overrides, lone surrogates. */
const ODD_CHARS: readonly string[] = [
  "\u0000",
  "\u0001",
  "\u0007",
  "\u0008",
  "\u000b",
  "\u000c",
  "\u001b[31m",
  "\u007f",
  "\u0085",
  "\u00a0",
  "\u00ad",
  "\u200b",
  "\u200d",
  "\u200e",
  "\u200f",
  "\u202a",
  "\u202b",
  "\u202c",
  "\u202d",
  "\u202e",
  "\u2066",
  "\u2067",
  "\u2069",
  "\u2028",
  "\u2029",
  "\ufeff",
  "\ufffd",
  "\ud800",
  "\udfff",
  "e\u0301",
  "\u{1f512}",
  "\t",
  "\r",
];

/** Markup, template and PowerShell payloads: values that must stay text everywhere. */
const HOSTILE_VALUES: readonly string[] = [
  "<img src=x onerror=alert(1)>",
  '"><script>alert(1)</script>',
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  // A JavaScript template placeholder, as text.
  "$" + "{alert(1)}",
  "</textarea><svg onload=alert(1)>",
  "$(Remove-Item C:\\ -Recurse)",
  "'; Remove-Item C:\\ #",
  "`$env:USERNAME",
  "CN=\u202egpj.exe",
  "__proto__",
  "constructor",
  "toString",
  "=cmd|' /C calc'!A0",
];

const SERVERS = ["EX01", "EX02", "MBX-01", "mail", "EX19A", "ЕКС01", "サーバー"];
const DOMAINS = ["contoso.com", "contoso.local", "fabrikam.de", "contoso.ru", "mail.protection.outlook.com"];
const HEX = "0123456789ABCDEF";

const oddChar = fc.constantFrom(...ODD_CHARS);
const hostile = fc.constantFrom(...HOSTILE_VALUES);

/** A realistic value, sometimes with odd characters spliced in, sometimes replaced by something hostile. */
function spoiled(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 12, arbitrary: base },
    {
      weight: 3,
      arbitrary: fc.tuple(base, fc.array(oddChar, { minLength: 1, maxLength: 3 }), fc.nat()).map(([v, odd, at]) => {
        const i = v.length === 0 ? 0 : at % (v.length + 1);
        return v.slice(0, i) + odd.join("") + v.slice(i);
      }),
    },
    { weight: 2, arbitrary: hostile },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 24 }) },
    { weight: 1, arbitrary: fc.constant("") },
  );
}

const server = spoiled(fc.constantFrom(...SERVERS));
const host = spoiled(
  fc
    .tuple(fc.constantFrom("mail", "autodiscover", "smtp", "*", "ex01", "hybrid"), fc.constantFrom(...DOMAINS))
    .map(([h, d]) => `${h}.${d}`),
);
const thumbprint = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom(...HEX), minLength: 40, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...HEX, "a", "f", " ", ":"), maxLength: 48 }) },
  { weight: 1, arbitrary: spoiled(fc.constant("5E4325D6195B5E2932EAE402F515172DC827D083")) },
);
const dn = spoiled(
  fc
    .tuple(
      host,
      fc.constantFrom("", ", O=Contoso Ltd", ', O="Contoso, Inc."', ", OU=IT, O=Fabrikam, L=Berlin, C=DE", ", C=RU"),
    )
    .map(([cn, rest]) => `CN=${cn}${rest}`),
);
const issuer = spoiled(
  fc.constantFrom(
    "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US",
    "CN=R3, O=Let's Encrypt, C=US",
    "CN=EX01",
    "CN=contoso-DC01-CA, DC=contoso, DC=local",
    "CN=GlobalSign RSA OV SSL CA 2018, O=GlobalSign nv-sa, C=BE",
  ),
);
const tlsName = fc.oneof(
  fc.tuple(issuer, dn).map(([i, s]) => `<I>${i}<S>${s}`),
  fc.tuple(dn, issuer).map(([s, i]) => `<S>${s}<I>${i}`),
  spoiled(fc.constantFrom("<I>", "<S>", "<I><S>", "<I>CN=x<S>", "mail.contoso.com")),
);

/** The same instant the way consoles in several locales print it, plus JSON and ISO forms. */
const date = fc
  .tuple(
    fc.integer({ min: 1990, max: 2099 }),
    fc.integer({ min: 1, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 24 }),
    fc.constantFrom("en-US", "en-GB", "de-DE", "ru-RU", "fr-FR", "ja-JP", "ar-SA", "iso", "json", "word"),
  )
  .map(([y, m, d, h, locale]) => {
    const p = (n: number) => String(n).padStart(2, "0");
    switch (locale) {
      case "en-US":
        return `${m}/${d}/${y} ${h % 12 || 12}:05:09 ${h < 12 ? "AM" : "PM"}`;
      case "en-GB":
        return `${p(d)}/${p(m)}/${y} ${p(h)}:05:09`;
      case "de-DE":
      case "ru-RU":
        return `${p(d)}.${p(m)}.${y} ${h}:05:09`;
      case "fr-FR":
        return `${p(d)}/${p(m)}/${y} ${p(h)}:05:09`;
      case "ja-JP":
        return `${y}/${p(m)}/${p(d)} ${h}:05:09`;
      case "ar-SA":
        return `${d}/${m}/${y} ${h}:05:09 ص`.replace(/\d/g, (c) => String.fromCharCode(0x0660 + Number(c)));
      case "iso":
        return `${y}-${p(m)}-${p(d)}T${p(h)}:05:09Z`;
      case "json":
        return `/Date(${Date.UTC(y, m - 1, d, h) || 0})/`;
      default:
        return `${d} ${["janvier", "марта", "Mai", "décembre", "Juni"][m % 5]} ${y} г.`;
    }
  });
const bool = fc.constantFrom("True", "False", "Wahr", "Falsch", "Истина", "Ложь", "Vrai", "$true", "1", "");
const services = spoiled(
  fc.constantFrom("IMAP, POP, IIS, SMTP", "SMTP", "None", "IIS, SMTP, UM", "IP.WS.", "....S.", "27", "Federation"),
);
const word = spoiled(fc.constantFrom("Tls", "Integrated", "BasicAuth", "ExchangeServer", "AnonymousUsers", "Partners"));

type Value = string | readonly string[];
type Properties = readonly (readonly [string, Value])[];

const collection = (item: fc.Arbitrary<string>, maxLength = 5) => fc.array(item, { maxLength });

const certificate = fc.tuple(thumbprint, dn, issuer, collection(host), services, date, date, bool, bool).map(
  ([t, subject, iss, domains, svc, nb, na, self, key]): Properties => [
    ["Thumbprint", t],
    ["Subject", subject],
    ["Issuer", iss],
    ["CertificateDomains", domains],
    ["Services", svc],
    ["NotBefore", nb],
    ["NotAfter", na],
    ["IsSelfSigned", self],
    ["HasPrivateKey", key],
    ["Status", "Valid"],
    ["RootCAType", "ThirdParty"],
  ],
);
const identity = fc.tuple(
  server,
  spoiled(fc.constantFrom("Default Frontend", "Client Proxy", "Outbound to Office 365")),
);
const receiveConnector = fc
  .tuple(
    identity,
    collection(word),
    host,
    tlsName,
    collection(word),
    fc.constantFrom("FrontendTransport", "HubTransport"),
  )
  .map(
    ([[srv, name], auth, fqdn, tls, groups, role]): Properties => [
      ["Identity", `${srv}\\${name} ${srv}`],
      ["Server", srv],
      ["AuthMechanism", auth.join(", ")],
      ["Bindings", ["[::]:25", "0.0.0.0:25"]],
      ["Fqdn", fqdn],
      ["TlsCertificateName", tls],
      ["PermissionGroups", groups.join(", ")],
      ["TransportRole", role],
      ["RemoteIPRanges", ["::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "0.0.0.0-255.255.255.255"]],
    ],
  );
const sendConnector = fc.tuple(identity, collection(server), host, tlsName, bool).map(
  ([[, name], sources, fqdn, tls, cloud]): Properties => [
    ["Identity", name],
    ["AddressSpaces", ["SMTP:*.mail.onmicrosoft.com;1"]],
    ["SourceTransportServers", sources],
    ["SmartHosts", ["contoso.mail.protection.outlook.com"]],
    ["Fqdn", fqdn],
    ["TlsCertificateName", tls],
    ["TlsAuthLevel", "DomainValidation"],
    ["RequireTLS", "True"],
    ["CloudServicesMailEnabled", cloud],
    ["DNSRoutingEnabled", "False"],
  ],
);
const hybrid = fc.tuple(tlsName, collection(server), collection(server), host).map(
  ([tls, receiving, sending, smartHost]): Properties => [
    ["TlsCertificateName", tls],
    ["ReceivingTransportServers", receiving],
    ["SendingTransportServers", sending],
    ["EdgeTransportServers", []],
    ["OnPremisesSmartHost", smartHost],
    ["Features", ["FreeBusy", "MoveMailbox", "Mailtips", "MessageTracking", "SecureMail"]],
  ],
);
const transport = fc.tuple(server, thumbprint).map(
  ([name, t]): Properties => [
    ["Name", name],
    ["InternalTransportCertificateThumbprint", t],
  ],
);
const exchangeServer = fc
  .tuple(server, fc.constantFrom("Version 15.2 (Build 1544.4)", "Version 15.1 (Build 2507.6)", "Version 14.3"))
  .map(
    ([name, version]): Properties => [
      ["Name", name],
      ["AdminDisplayVersion", version],
      ["ServerRole", "Mailbox"],
      ["IsEdgeServer", "False"],
    ],
  );

const CMDLETS = [
  ["Get-ExchangeCertificate", certificate],
  ["Get-ReceiveConnector", receiveConnector],
  ["Get-SendConnector", sendConnector],
  ["Get-HybridConfiguration", hybrid],
  ["Get-TransportService", transport],
  ["Get-ExchangeServer", exchangeServer],
] as const;

type Form = "list" | "table" | "json" | "csv";

function printValue(value: Value): string {
  return typeof value === "string" ? value : `{${value.join(", ")}}`;
}

/** Format-List: names padded to one column, long values hard-wrapped at the console width under the values. */
function printList(records: readonly Properties[], width: number): string[] {
  const out: string[] = [];
  for (const record of records) {
    const pad = Math.max(0, ...record.map(([name]) => name.length));
    for (const [name, value] of record) {
      const text = `${name.padEnd(pad)} : ${printValue(value)}`;
      const indent = " ".repeat(pad + 3);
      out.push(text.slice(0, width));
      for (let at = width; at < text.length; at += width - indent.length) {
        out.push(indent + text.slice(at, at + width - indent.length));
      }
    }
    out.push("");
  }
  return out;
}

/** Format-Table: fixed columns cut with `...`, the last column cut at the console width. */
function printTable(records: readonly Properties[], width: number): string[] {
  const first = records[0];
  if (first === undefined) return [];
  const names = first.slice(0, 4).map(([name]) => name);
  const widths = names.map((name) => Math.max(name.length, 12));
  const row = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const w = widths[i] ?? 12;
        const fitted = i === cells.length - 1 || cell.length <= w ? cell : `${cell.slice(0, w - 3)}...`;
        return i === cells.length - 1 ? fitted : fitted.padEnd(w);
      })
      .join(" ")
      .slice(0, width)
      .trimEnd();
  const out = [row(names), row(names.map((n) => "-".repeat(n.length)))];
  for (const record of records) {
    const values = new Map(record);
    out.push(row(names.map((name) => printValue(values.get(name) ?? ""))));
  }
  return out;
}

/** ConvertTo-Json as Windows PowerShell 5.1 indents it (`"Name":  value`), one object or an array. */
function printJson(records: readonly Properties[]): string[] {
  const objects = records.map((record) => {
    const body = record.map(([name, value]) => {
      const json =
        typeof value === "string"
          ? JSON.stringify(value)
          : `[\n${value.map((v) => `                 ${JSON.stringify(v)}`).join(",\n")}\n             ]`;
      return `    ${JSON.stringify(name)}:  ${json}`;
    });
    return `{\n${body.join(",\n")}\n}`;
  });
  return (objects.length === 1 ? (objects[0] ?? "") : `[\n${objects.join(",\n")}\n]`).split("\n");
}

/** Export-Csv: a #TYPE line, quoted header and fields with doubled quotes, collections as their type name. */
function printCsv(records: readonly Properties[]): string[] {
  const first = records[0];
  if (first === undefined) return [];
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return [
    "#TYPE Selected.Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector",
    first.map(([name]) => quote(name)).join(","),
    ...records.map((r) => r.map(([, v]) => quote(typeof v === "string" ? v : "System.String[]")).join(",")),
  ];
}

function print(form: Form, records: readonly Properties[], width: number): string[] {
  switch (form) {
    case "list":
      return printList(records, width);
    case "table":
      return printTable(records, width);
    case "json":
      return printJson(records);
    case "csv":
      return printCsv(records);
  }
}

const ECHO: Readonly<Record<Form, string>> = {
  list: " | fl",
  table: " | ft -AutoSize",
  json: " | ConvertTo-Json",
  csv: " | ConvertTo-Csv",
};

/** One cmdlet's output, usually behind its prompt and command echo. */
const cmdletBlock: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom(...CMDLETS),
    fc.constantFrom<Form>("list", "list", "table", "json", "csv"),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom(80, 120, 200, 100_000),
    fc.constantFrom("[PS] C:\\Windows\\system32>", "PS C:\\> ", "", "[PS] C:\\>"),
    server,
  )
  .chain(([[cmdlet, record], form, count, width, prompt, srv]) =>
    fc
      .array(record, { minLength: count, maxLength: count })
      .map((records) => [
        ...(prompt === "" && form !== "list" ? [] : [`${prompt}${cmdlet} -Server ${srv}${ECHO[form]}`, ""]),
        ...print(form, records, width),
      ]),
  );

/** A fix command as admins paste it to have it checked: quoted any way, sometimes continued with a backtick. */
const plannedCommand: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.constantFrom(
      "Set-ReceiveConnector",
      "Set-SendConnector",
      "Set-HybridConfiguration",
      "Enable-ExchangeCertificate",
    ),
    identity,
    tlsName,
    thumbprint,
    fc.constantFrom(["'", "'"], ['"', '"'], ["\u201c", "\u201d"], ["\u2018", "\u2019"], ["", ""]),
    fc.boolean(),
  )
  .map(([cmdlet, [srv, name], tls, t, [open, close], continued]) => {
    const q = (v: string) => `${open}${v}${close}`;
    const target =
      cmdlet === "Enable-ExchangeCertificate"
        ? `-Thumbprint ${t} -Services SMTP -Server ${srv}`
        : `${q(`${srv}\\${name}`)} -TlsCertificateName ${q(tls)}`;
    return continued ? [`${cmdlet} ${target} \``, "  -Confirm:$false"] : [`${cmdlet} ${target}`];
  });

/** Lines of the real pastes and certificates in the repository: event, log, transcript, NDR and PEM text. */
function realLines(): string[][] {
  const dirs = ["../src/parse/__fixtures__/", "../src/x509/__fixtures__/", "../src/__stories__/"];
  return dirs.flatMap((dir) => {
    const url = new URL(dir, import.meta.url);
    return readdirSync(url)
      .filter((name) => /\.(txt|pem)$/.test(name))
      .map((name) => readFileSync(new URL(name, url), "utf8").split(/\r\n|\r|\n/));
  });
}
const REAL = realLines();

/** A stretch of a real paste: the artifact readers' way in. */
const realStretch: fc.Arbitrary<string[]> = fc
  .tuple(fc.constantFrom(...REAL), fc.nat(), fc.integer({ min: 1, max: 40 }))
  .map(([file, at, length]) => {
    const start = at % Math.max(1, file.length);
    return file.slice(start, start + length);
  });

/** Noise admins paste between outputs, and raw garbage. */
const noiseLine = fc.oneof(
  fc.constantFrom(
    "",
    "   ",
    "\t",
    "[PS] C:\\Windows\\system32>",
    "-----BEGIN CERTIFICATE-----",
    "{",
    "}",
    "]",
    "...",
    "*",
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: oddChar, maxLength: 12 }),
  hostile,
);

type Damage = (lines: string[]) => string[];

const at = (lines: readonly string[], n: number) => (lines.length === 0 ? 0 : n % lines.length);

/** What copying, anonymising, translating and chat clients do to a paste. */
const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, cut]): Damage =>
      (ls) => {
        const n = at(ls, i);
        const line = ls[n] ?? "";
        return [...ls.slice(0, n), line.slice(0, cut % (line.length + 1)), ...ls.slice(n + 1)];
      },
  ),
  fc.nat().map(
    (cut): Damage =>
      (ls) => {
        const text = ls.join("\n");
        return text.slice(0, cut % (text.length + 1)).split("\n");
      },
  ),
  fc.nat().map(
    (i): Damage =>
      (ls) =>
        ls.filter((_, n) => n !== at(ls, i)),
  ),
  fc.nat().map(
    (i): Damage =>
      (ls) => {
        const n = at(ls, i);
        return [...ls.slice(0, n + 1), ...ls.slice(n)];
      },
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, j]): Damage =>
      (ls) => {
        const out = [...ls];
        const a = at(ls, i);
        const b = at(ls, j);
        [out[a], out[b]] = [ls[b] ?? "", ls[a] ?? ""];
        return out;
      },
  ),
  // Swapped columns: two whitespace-separated cells (or the two sides of `Name : value`) trade places.
  fc.tuple(fc.nat(), fc.nat(), fc.nat()).map(
    ([i, x, y]): Damage =>
      (ls) => {
        const n = at(ls, i);
        const line = ls[n] ?? "";
        const colon = line.indexOf(" : ");
        let swapped: string;
        if (colon > 0 && x % 2 === 0) swapped = `${line.slice(colon + 3)} : ${line.slice(0, colon)}`;
        else {
          const cells = line.split(/(\s{2,})/);
          const a = 2 * (x % Math.ceil(cells.length / 2));
          const b = 2 * (y % Math.ceil(cells.length / 2));
          [cells[a], cells[b]] = [cells[b] ?? "", cells[a] ?? ""];
          swapped = cells.join("");
        }
        return [...ls.slice(0, n), swapped, ...ls.slice(n + 1)];
      },
  ),
  // Two lines run together (a lost line break) or one split anywhere (a chat client's wrap).
  fc.nat().map(
    (i): Damage =>
      (ls) => {
        const n = at(ls, i);
        return [...ls.slice(0, n), `${ls[n] ?? ""}${ls[n + 1] ?? ""}`, ...ls.slice(n + 2)];
      },
  ),
  fc.tuple(fc.nat(), fc.nat()).map(
    ([i, cut]): Damage =>
      (ls) => {
        const n = at(ls, i);
        const line = ls[n] ?? "";
        const c = cut % (line.length + 1);
        return [...ls.slice(0, n), line.slice(0, c), line.slice(c), ...ls.slice(n + 1)];
      },
  ),
  fc.tuple(fc.nat(), fc.nat(), fc.array(oddChar, { minLength: 1, maxLength: 4 })).map(
    ([i, pos, odd]): Damage =>
      (ls) => {
        const n = at(ls, i);
        const line = ls[n] ?? "";
        const c = pos % (line.length + 1);
        return [...ls.slice(0, n), line.slice(0, c) + odd.join("") + line.slice(c), ...ls.slice(n + 1)];
      },
  ),
  fc.tuple(fc.nat(), noiseLine).map(
    ([i, noise]): Damage =>
      (ls) => {
        const n = ls.length === 0 ? 0 : i % (ls.length + 1);
        return [...ls.slice(0, n), noise, ...ls.slice(n)];
      },
  ),
  fc.constantFrom<Damage>(
    (ls) => ls.map((l) => l.replace(/^ {4}/, "\t")),
    (ls) => ls.map((l) => `${l}    `),
    (ls) => ls.flatMap((l) => [l, ""]),
    (ls) => ls.map((l) => l.replace(/\d{1,2}\/\d{1,2}\/(\d{4})/g, "$1.13.32")),
    (ls) => ls.map((l) => l.replace(/True/g, "Wahr").replace(/False/g, "Ложь")),
    (ls) => ls.map((l) => l.replace(/[0-9]/g, (c) => String.fromCharCode(0x0660 + Number(c)))),
    (ls) => ls.map((l) => `\u200f${l}`),
    (ls) => ls.map((l) => l.replace(/ /g, "\u00a0")),
  ),
);

/** A paste: a few outputs and artifacts in any order, damaged a few times, joined by one kind of line break. */
export const brokenPaste: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: cmdletBlock },
        { weight: 2, arbitrary: realStretch },
        { weight: 1, arbitrary: plannedCommand },
        { weight: 1, arbitrary: fc.array(noiseLine, { maxLength: 4 }) },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.array(damage, { maxLength: 6 }),
    fc.constantFrom("\n", "\n", "\r\n", "\r"),
    fc.boolean(),
  )
  .map(([blocks, damages, eol, bom]) => {
    let lines = blocks.flatMap((b) => [...b, ""]);
    for (const d of damages) lines = d(lines);
    return (bom ? "\ufeff" : "") + lines.join(eol);
  });

/** One damaged cmdlet output, for the generic readers that see a single block. */
export const brokenBlock: fc.Arbitrary<string> = fc
  .tuple(cmdletBlock, fc.array(damage, { maxLength: 4 }))
  .map(([block, damages]) => damages.reduce((lines, d) => d(lines), block).join("\n"));

/** A value as one of the value readers sees it (a date, a collection, a DN …), realistic or spoiled. */
export const brokenValue: fc.Arbitrary<string> = fc.oneof(
  date,
  dn,
  issuer,
  tlsName,
  host,
  thumbprint,
  services,
  collection(host).map(printValue),
  fc.string({
    unit: fc.oneof(oddChar, fc.constantFrom("{", "}", ",", "<I>", "<S>", "CN=", '"', "\\", "...")),
    maxLength: 20,
  }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
