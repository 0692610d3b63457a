import type { CmdletName } from "../types";

/**
 * Which cmdlet printed a record, judged by the property names it shows. Each
 * cmdlet has properties only it prints; the echo (`Get-SendConnector | fl`)
 * decides when the record is consistent with it.
 */
const SIGNATURES: readonly { cmdlet: CmdletName; strong: readonly string[]; weak: readonly string[] }[] = [
  {
    cmdlet: "Get-TransportService",
    strong: ["internaltransportcertificatethumbprint"],
    weak: ["maxoutboundconnections", "receiveprotocollogpath", "sendprotocollogpath"],
  },
  {
    cmdlet: "Get-ExchangeCertificate",
    strong: ["certificatedomains", "servicesstringform", "rootcatype", "isselfsigned", "hasprivatekey"],
    weak: ["thumbprint", "services", "subject", "issuer", "notafter", "notbefore", "publickeysize", "serialnumber"],
  },
  {
    cmdlet: "Get-HybridConfiguration",
    strong: ["receivingtransportservers", "sendingtransportservers", "onpremisessmarthost", "edgetransportservers"],
    weak: ["features", "domains", "clientaccessservers", "externalipaddresses", "serviceinstance"],
  },
  {
    cmdlet: "Get-InboundConnector",
    strong: ["tlssendercertificatename", "senderdomains", "restrictdomainstocertificate", "senderipaddresses"],
    weak: ["connectortype", "requiretls", "treatmessagesasinternal"],
  },
  {
    cmdlet: "Get-OutboundConnector",
    strong: ["tlssettings", "recipientdomains", "usemxrecord", "istransportrulescoped"],
    weak: ["connectortype", "smarthosts", "tlsdomain"],
  },
  {
    cmdlet: "Get-SendConnector",
    strong: [
      "addressspaces",
      "sourcetransportservers",
      "dnsroutingenabled",
      "smarthostauthmechanism",
      "ignorestarttls",
    ],
    weak: ["smarthosts", "tlsauthlevel", "tlsdomain", "cloudservicesmailenabled", "fqdn", "tlscertificatename"],
  },
  {
    cmdlet: "Get-ReceiveConnector",
    strong: [
      "authmechanism",
      "bindings",
      "permissiongroups",
      "remoteipranges",
      "transportrole",
      "tlsdomaincapabilities",
    ],
    weak: ["fqdn", "tlscertificatename", "banner", "maxinboundconnection", "requiretls"],
  },
  {
    cmdlet: "Get-ExchangeServer",
    strong: ["admindisplayversion", "serverrole", "isedgeserver", "ishubtransportserver", "isclientaccessserver"],
    weak: ["site", "edition", "fqdn"],
  },
];

/**
 * A record's strong and weak counts for every signature, packed four bits per signature into one 32-bit integer
 * each: a record shows each name once, no signature lists more than fifteen names of a kind, and there are at most
 * eight signatures. Counting then makes no object for each of the records of a large paste.
 */
const COUNT_BITS = 4;
const COUNT_MASK = (1 << COUNT_BITS) - 1;

/** For each property name, what it adds to the packed strong and weak counts. */
const SIGNED_BY = (() => {
  const by = new Map<string, { strong: number; weak: number }>();
  const add = (name: string, signature: number, strong: boolean) => {
    const known = by.get(name) ?? { strong: 0, weak: 0 };
    const one = 1 << (signature * COUNT_BITS);
    if (strong) known.strong += one;
    else known.weak += one;
    by.set(name, known);
  };
  SIGNATURES.forEach((sig, signature) => {
    if (sig.strong.length > COUNT_MASK || sig.weak.length > COUNT_MASK || SIGNATURES.length * COUNT_BITS > 32)
      throw new Error("the signatures outgrew their packed counts");
    for (const name of sig.strong) add(name, signature, true);
    for (const name of sig.weak) add(name, signature, false);
  });
  return by;
})();

/**
 * Best cmdlet for a record, given its properties by lower-case name; undefined when nothing fits. The record's
 * names are looked up in the signatures rather than every signature's names in the record: a record shows a dozen
 * names where the signatures hold some sixty, and this runs for every record.
 */
export function detectCmdlet(
  names: ReadonlyMap<string, unknown>,
  echo: CmdletName | undefined,
): CmdletName | undefined {
  let strong = 0;
  let weak = 0;
  names.forEach((_, name) => {
    const signed = SIGNED_BY.get(name);
    if (signed === undefined) return;
    strong += signed.strong;
    weak += signed.weak;
  });
  let best: { cmdlet: CmdletName; score: number } | undefined;
  for (let k = 0; k < SIGNATURES.length; k++) {
    const sig = SIGNATURES[k];
    if (sig === undefined) continue;
    const strongCount = (strong >>> (k * COUNT_BITS)) & COUNT_MASK;
    const weakCount = (weak >>> (k * COUNT_BITS)) & COUNT_MASK;
    const score = strongCount * 3 + weakCount;
    const plausible = strongCount > 0 || weakCount >= 2 || (sig.cmdlet === echo && weakCount >= 1);
    if (!plausible) continue;
    const bonus = sig.cmdlet === echo ? 2 : 0;
    if (!best || score + bonus > best.score) best = { cmdlet: sig.cmdlet, score: score + bonus };
  }
  return best?.cmdlet;
}
