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
 * Best cmdlet for a record, given whether it has a property (asked with lower-case names); undefined when nothing
 * fits. The record's `Fields` answers, so the names are not folded and collected a second time.
 */
export function detectCmdlet(
  has: (lowerCaseName: string) => boolean,
  echo: CmdletName | undefined,
): CmdletName | undefined {
  let best: { cmdlet: CmdletName; score: number } | undefined;
  for (const sig of SIGNATURES) {
    const strong = countIn(sig.strong, has);
    const weak = countIn(sig.weak, has);
    const score = strong * 3 + weak;
    const plausible = strong > 0 || weak >= 2 || (sig.cmdlet === echo && weak >= 1);
    if (!plausible) continue;
    const bonus = sig.cmdlet === echo ? 2 : 0;
    if (!best || score + bonus > best.score) best = { cmdlet: sig.cmdlet, score: score + bonus };
  }
  return best?.cmdlet;
}

/** How many of `names` the record has; counted without building a list, as this runs for every record. */
function countIn(names: readonly string[], has: (lowerCaseName: string) => boolean): number {
  let count = 0;
  for (const name of names) if (has(name)) count += 1;
  return count;
}
