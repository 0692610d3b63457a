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

/** For each property name, the signatures it counts in and whether as a strong one. */
const SIGNED_BY = (() => {
  const by = new Map<string, { readonly signature: number; readonly strong: boolean }[]>();
  const add = (name: string, signature: number, strong: boolean) => {
    const known = by.get(name);
    if (known === undefined) by.set(name, [{ signature, strong }]);
    else known.push({ signature, strong });
  };
  SIGNATURES.forEach((sig, signature) => {
    for (const name of sig.strong) add(name, signature, true);
    for (const name of sig.weak) add(name, signature, false);
  });
  return by;
})();

/**
 * Best cmdlet for a record, given its property names in lower case (each once); undefined when nothing fits.
 * The record's names are looked up in the signatures rather than every signature's names in the record: a record
 * shows a dozen names where the signatures hold some sixty, and this runs for every record.
 */
export function detectCmdlet(names: Iterable<string>, echo: CmdletName | undefined): CmdletName | undefined {
  const strong = new Uint8Array(SIGNATURES.length);
  const weak = new Uint8Array(SIGNATURES.length);
  for (const name of names) {
    const signed = SIGNED_BY.get(name);
    if (signed === undefined) continue;
    for (const { signature, strong: isStrong } of signed) {
      if (isStrong) strong[signature] = (strong[signature] ?? 0) + 1;
      else weak[signature] = (weak[signature] ?? 0) + 1;
    }
  }
  let best: { cmdlet: CmdletName; score: number } | undefined;
  for (const [k, sig] of SIGNATURES.entries()) {
    const strongCount = strong[k] ?? 0;
    const weakCount = weak[k] ?? 0;
    const score = strongCount * 3 + weakCount;
    const plausible = strongCount > 0 || weakCount >= 2 || (sig.cmdlet === echo && weakCount >= 1);
    if (!plausible) continue;
    const bonus = sig.cmdlet === echo ? 2 : 0;
    if (!best || score + bonus > best.score) best = { cmdlet: sig.cmdlet, score: score + bonus };
  }
  return best?.cmdlet;
}
