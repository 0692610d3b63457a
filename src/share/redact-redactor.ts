import { ipv6Groups, isPrivateIpv4, privateAddress, publicAddress } from "./redact-addresses";
import { domainShape, HOST_SOURCE, isGenericLabel, isNotAHost } from "./redact-domains";
import { HexPlaceholders } from "./redact-hex";
import { inCaseOf, Placeholders } from "./redact-placeholders";

/** Distinct originals replaced, by kind. */
export interface ReplacedCounts {
  readonly names: number;
  readonly servers: number;
  readonly hex: number;
  readonly addresses: number;
  readonly subjects: number;
}

/** Public CAs and Microsoft: the same for everyone, and useful to the reader. */
const SHARED_ORGANISATIONS = new Set(
  [
    "DigiCert Inc",
    "Let's Encrypt",
    "Sectigo Limited",
    "COMODO CA Limited",
    "GlobalSign nv-sa",
    "GlobalSign",
    "Entrust, Inc.",
    "IdenTrust",
    "Amazon",
    "Google Trust Services LLC",
    "Microsoft Corporation",
    "Corporation Service Company",
    "The USERTRUST Network",
    "Internet Security Research Group",
    "GeoTrust Inc.",
    "DigiCert",
    "Domain Control Validated",
    "PositiveSSL",
    "PositiveSSL Wildcard",
    "EssentialSSL",
    "EssentialSSL Wildcard",
  ].map((name) => name.toLowerCase()),
);

const DN_PLACEHOLDER: Readonly<Record<string, string>> = {
  O: "Organisation",
  OU: "Unit",
  L: "Locality",
  S: "State",
  ST: "State",
};

/** Root-first (`/DC=com/DC=contoso`, as openssl prints) or leaf-first (`DC=contoso,DC=com`, as Windows does). */
const ROOT_LABEL = /^(?:com|net|org|local|edu|gov|info|biz|[a-z]{2})$/i;

/** A distinguished-name value that is itself a host name (`OU=www.digicert.com`). */
const WHOLE_HOST = new RegExp(`^${HOST_SOURCE}$`);

/** The placeholder tables of one redaction, and what each kind of token becomes. */
export class Redactor {
  private readonly organisations: Placeholders;
  private readonly hosts: Placeholders;
  private readonly tenants: Placeholders;
  private readonly servers: Placeholders;
  private readonly users: Placeholders;
  private readonly dn: Map<string, Placeholders>;
  private readonly publicIps: Placeholders;
  private readonly privateIps: Placeholders;
  private readonly ipv6: Placeholders;
  private readonly hex = new HexPlaceholders();

  constructor(
    private readonly serverNames: ReadonlySet<string>,
    private readonly organisationNames: ReadonlyMap<string, string>,
    taken: ReadonlySet<string>,
  ) {
    this.organisations = new Placeholders((n) => `example${n}.test`, taken);
    this.hosts = new Placeholders((n) => `host${n}`, taken);
    this.tenants = new Placeholders((n) => `tenant${n}`, taken);
    this.servers = new Placeholders((n) => `server${n}`, taken);
    this.users = new Placeholders((n) => `user${n}`, taken);
    this.dn = new Map(
      Object.entries(DN_PLACEHOLDER).map(([key, word]) => [key, new Placeholders((n) => `${word} ${n}`, taken)]),
    );
    this.publicIps = new Placeholders(publicAddress, taken);
    this.privateIps = new Placeholders(privateAddress, taken);
    this.ipv6 = new Placeholders((n) => `2001:db8::${n.toString(16)}`, taken);
  }

  counts(): ReplacedCounts {
    return {
      names: this.organisations.size + this.hosts.size + this.tenants.size + this.users.size,
      servers: this.servers.size,
      hex: this.hex.size,
      addresses: this.publicIps.size + this.privateIps.size + this.ipv6.size,
      subjects: [...this.dn.values()].reduce((sum, table) => sum + table.size, 0),
    };
  }

  server(name: string): string {
    return inCaseOf(name, this.servers.for(name));
  }

  /** A host label; under a documentation domain only server names change. */
  label(label: string, reserved: boolean): string {
    const key = label.toLowerCase();
    if (this.serverNames.has(key)) return this.server(label);
    if (reserved || isGenericLabel(key)) return label;
    return inCaseOf(label, this.hosts.for(label));
  }

  domain(name: string): string {
    // `250-mail.contoso.com`: an SMTP reply code glued to the host it names.
    const reply = /^(\d{3}-)(.*\.[^.]*)$/.exec(name);
    if (reply !== null) return (reply[1] ?? "") + this.domain(reply[2] ?? "");
    if (isNotAHost(name)) return name;
    const wildcard = name.startsWith("*.") ? "*." : "";
    const labels = name.slice(wildcard.length).split(".");
    const shape = domainShape(labels.map((l) => l.toLowerCase()));
    if (shape.kind === "keep") return name;
    if (shape.kind === "tenant") {
      const tenant = labels[shape.tenant] ?? "";
      return (
        wildcard + labels.map((l, i) => (i === shape.tenant ? inCaseOf(tenant, this.tenants.for(tenant)) : l)).join(".")
      );
    }
    const split = labels.length - shape.orgLabels;
    const organisation = labels.slice(split).join(".");
    const hosts = labels.slice(0, split).map((l) => this.label(l, shape.reserved));
    const stand = shape.reserved ? organisation : inCaseOf(organisation, this.organisations.for(organisation));
    return wildcard + [...hosts, stand].join(".");
  }

  /** A server or organisation name standing alone; `WMSvc-EX01` counts, `EX01-backup` is another word. */
  word(word: string): string {
    const key = word.toLowerCase();
    if (this.serverNames.has(key)) return this.server(word);
    const organisation = this.organisationNames.get(key);
    if (organisation !== undefined) {
      return inCaseOf(word, this.organisations.for(organisation).split(".")[0] ?? "");
    }
    for (let dash = word.indexOf("-"); dash !== -1; dash = word.indexOf("-", dash + 1)) {
      const tail = word.slice(dash + 1);
      if (this.serverNames.has(tail.toLowerCase())) return word.slice(0, dash + 1) + this.server(tail);
    }
    return word;
  }

  dcRun(run: string): string {
    const component = /(DC ?= ?)([A-Za-z0-9-]+)/g;
    const parts = [...run.matchAll(component)];
    const values = parts.map((p) => p[2] ?? "");
    const rootFirst = !ROOT_LABEL.test(values[values.length - 1] ?? "") && ROOT_LABEL.test(values[0] ?? "");
    const name = (rootFirst ? [...values].reverse() : values).join(".");
    const mapped = this.domain(name).split(".");
    const ordered = rootFirst ? mapped.reverse() : mapped;
    if (ordered.length === values.length) {
      let i = 0;
      return run.replace(component, (_, key: string) => key + (ordered[i++] ?? ""));
    }
    const separator = /DC ?= ?[A-Za-z0-9-]+([ \t]*,[ \t]*|\/)/.exec(run)?.[1] ?? ",";
    const key = parts[0]?.[1] ?? "DC=";
    return ordered.map((value) => key + value).join(separator);
  }

  serverOrHost(name: string): string {
    return name.includes(".") ? this.domain(name) : this.server(name);
  }

  ipv4(address: string, line: string): string {
    // `#Version: 15.0.0.0` in a log header is a version, and the analysis reads it.
    if (/version/i.test(line)) return address;
    const octets = address.split(".").map(Number);
    if (octets.some((o) => o > 255)) return address;
    const [a = 0] = octets;
    if (a === 0 || a === 127 || address === "255.255.255.255") return address;
    return (isPrivateIpv4(octets) ? this.privateIps : this.publicIps).for(address);
  }

  ipv6Address(address: string): string {
    const groups = ipv6Groups(address);
    // Not an address (a time of day), or a range bound like ffff:ffff:…:ffff that names nobody.
    if (groups === undefined || groups.every((g) => /^(?:0+|ffff)$/i.test(g))) return address;
    return inCaseOf(address, this.ipv6.for(address.toLowerCase()));
  }

  /** A run of 16 or more hex digits; one without a letter is a number (a log file's ticks), not a thumbprint. */
  hexRun(hex: string): string {
    return /[a-f]/i.test(hex) ? this.hex.for(hex) : hex;
  }

  /** Hex digits followed by `...`: a thumbprint cut short, even when the part shown happens to be all digits. */
  cutHex(hex: string): string {
    return this.hex.for(hex);
  }

  separatedHex(text: string, separator: string): string {
    return this.hex.for(text.split(separator).join("")).replace(/(..)(?!$)/g, `$1${separator}`);
  }

  dnValue(key: string, value: string): string {
    if (WHOLE_HOST.test(value)) return this.domain(value);
    const bare = value.startsWith('"') ? value.slice(1, -1) : value;
    if (SHARED_ORGANISATIONS.has(bare.trim().toLowerCase())) return value;
    const table = this.dn.get(key.toUpperCase());
    if (table === undefined) return value;
    return inCaseOf(bare, table.for(bare.trim().replace(/\s+/g, " ")));
  }

  prompt(user: string, host: string): string {
    return `${inCaseOf(user, this.users.for(user))}@${this.server(host)}`;
  }

  email(local: string, domain: string): string {
    return `${inCaseOf(local, this.users.for(local))}@${this.domain(domain)}`;
  }
}
