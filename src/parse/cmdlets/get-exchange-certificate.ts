import type { Certificate } from "../../model/certificate";
import { memoiseByString } from "../../model/memo";
import { readServices } from "../../model/services";
import { normaliseThumbprint } from "../../model/thumbprint";
import { shortServer } from "../prompt";
import type { MapContext } from "./context";
import type { Fields } from "./fields";
import { spanOf } from "./span";

/**
 * Get-ExchangeCertificate in any format: the default table (Thumbprint,
 * Services flags, Subject), `fl`, `fl *`, JSON and CSV all land here.
 */
export function mapCertificate(f: Fields, ctx: MapContext): Certificate {
  const truncated: string[] = [];
  const thumbText = f.text("Thumbprint");
  const thumb = thumbText === undefined ? undefined : normaliseThumbprint(thumbText);
  if (thumb && !thumb.complete) truncated.push("thumbprint");

  // Looked up once: ConvertTo-Json prints the flags as a number, the console as text; ServicesStringForm only
  // stands in when Services is not shown at all.
  const servicesValue = f.raw("Services");
  const servicesText = servicesValue ? f.text("Services", servicesValue) : f.text("ServicesStringForm");
  const services =
    servicesValue?.kind === "json" && typeof servicesValue.value === "number"
      ? readServices(servicesValue.value)
      : servicesText === undefined
        ? undefined
        : servicesOfText(servicesText);

  const domains = f.has("CertificateDomains") ? f.list("CertificateDomains") : f.list("DnsNameList");
  const identity = f.text("Identity");
  const server = ctx.echoServer ?? serverFromIdentity(identity);

  const result: Certificate = {
    kind: "certificate",
    server,
    thumbprint: thumb?.value,
    subject: f.optionalText("Subject"),
    issuer: f.optionalText("Issuer"),
    domains,
    services: services?.services,
    notBefore: f.date("NotBefore", ctx.dateOrder),
    notAfter: f.date("NotAfter", ctx.dateOrder),
    selfSigned: f.bool("IsSelfSigned"),
    hasPrivateKey: f.bool("HasPrivateKey"),
    status: f.optionalText("Status"),
    rootCAType: f.optionalText("RootCAType"),
    publicKeySize: f.int("PublicKeySize"),
    signatureAlgorithm: readableAlgorithm(f.optionalText("SignatureAlgorithm")),
    version: f.int("Version"),
    enhancedKeyUsage: f.list("EnhancedKeyUsageList"),
    friendlyName: f.optionalText("FriendlyName"),
    serialNumber: f.optionalText("SerialNumber"),
    truncated,
    origin: "cmdlet",
    source: spanOf(f, ctx),
  };
  for (const name of f.truncated) {
    const prop = PROPERTY[name.toLowerCase()];
    if (prop && !truncated.includes(prop)) truncated.push(prop);
  }
  return result;
}

/**
 * A paste's certificates print a handful of Services values (`IIS, SMTP`, `None`…), read once each. The readings
 * are shared between certificates, which treat them as read-only like every parsed value.
 */
const servicesOfText = memoiseByString((text: string) => readServices(text));

const PROPERTY: Readonly<Record<string, string>> = {
  thumbprint: "thumbprint",
  subject: "subject",
  issuer: "issuer",
  certificatedomains: "domains",
  dnsnamelist: "domains",
  services: "services",
  servicesstringform: "services",
  notbefore: "notBefore",
  notafter: "notAfter",
  status: "status",
  serialnumber: "serialNumber",
  friendlyname: "friendlyName",
  enhancedkeyusagelist: "enhancedKeyUsage",
};

/** `fl *` prints Identity as `SERVERFQDN\THUMBPRINT`. */
function serverFromIdentity(identity: string | undefined): string | undefined {
  if (!identity?.includes("\\")) return undefined;
  const host = identity.split("\\")[0] ?? "";
  return host.trim() === "" ? undefined : shortServer(host);
}

/** `fl *` prints the Oid object's type name, which says nothing. */
function readableAlgorithm(text: string | undefined): string | undefined {
  if (text === undefined || /^System\./.test(text)) return undefined;
  return text;
}
