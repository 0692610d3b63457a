import type { Certificate } from "../../model/certificate";
import type { ReceiveConnector, SendConnector } from "../../model/connector";
import { sameDn } from "../../model/distinguished-name";
import { certificateNames, coversName } from "../../model/hostname";
import type { Inventory } from "../../model/inventory";
import type { HybridConfiguration } from "../../model/server";
import { isThumbprint } from "../../model/thumbprint";
import {
  formatTlsCertificateName,
  matchesTlsCertificateName,
  parseTlsCertificateName,
} from "../../model/tls-certificate-name";
import { type FixArgument, fileBytes, names, SWITCH, str, thumb, variable } from "../fix/command";
import { renderAssignment, renderComment, renderPowerShell } from "../fix/powershell";
import { certificateLabel, connectorIdentity } from "../fix/steps";
import { hasCloudCapability, hybridScope, isHybridSendConnector, scopeServers } from "../hybrid/scope";
import { listText } from "../rules/lib/labels";
import { sameServer } from "../select/context";
import type { Selection } from "../select/types";
import type { CertificateDescription } from "../whatif/edits";
import type { RenewalRequest } from "./request";
import type { PlanOutcome, RenewalStep } from "./types";

/** The values only the admin has, defined once in the plan's first lines so no command pretends to know them. */
export const PFX_PATH = "SuccessorPfxPath";
export const PFX_PASSWORD = "SuccessorPfxPassword";
export const SUCCESSOR_THUMBPRINT = "SuccessorThumbprint";

type Draft = Omit<RenewalStep, "step">;

/**
 * The ordered renewal plan (pure): import the successor on every server
 * holding the old certificate and enable it for SMTP there, point every
 * TlsCertificateName that named the old one at the successor (only when the
 * issuer or subject changes, domain F1.2.1), re-run the Hybrid Configuration
 * Wizard where hybrid mail uses it, and remove the old certificate last.
 * `selections` are the engine's for the paste as it is: they say which
 * connectors present the old certificate by their FQDN.
 */
export function planRenewal(
  inventory: Inventory,
  selections: readonly Selection[],
  request: RenewalRequest,
): PlanOutcome {
  const oldThumb = request.old.replace(/\s/g, "").toUpperCase();
  if (!isThumbprint(oldThumb)) return { ok: false, reason: `${request.old} is not a whole thumbprint (40 hex digits)` };
  const holders = inventory.certificates.filter((c) => c.thumbprint?.toUpperCase() === oldThumb);
  const old = holders[0];
  if (old === undefined) return { ok: false, reason: `the certificate ${oldThumb} is not in the paste` };
  if (!old.issuer || !old.subject || old.truncated.includes("issuer") || old.truncated.includes("subject")) {
    return {
      ok: false,
      reason: `the issuer or subject of ${oldThumb} is cut off in the paste, so certflow cannot tell what names it; paste Get-ExchangeCertificate | Format-List`,
    };
  }
  if (holders.some((c) => c.server === undefined)) {
    return {
      ok: false,
      reason: `the paste does not say which server holds ${oldThumb}; paste Get-ExchangeCertificate -Server <name> or fill in the Server option`,
    };
  }
  const successor = request.successor;
  const successorThumb = successor.thumbprint?.replace(/\s/g, "").toUpperCase();
  if (successorThumb === oldThumb) return { ok: false, reason: "the successor is the certificate being replaced" };

  const servers = unique(holders.map((c) => c.server as string));
  const oldName = { issuer: old.issuer, subject: old.subject };
  const newName = formatTlsCertificateName(successor.issuer, successor.subject);
  const sameName = sameDn(old.issuer, successor.issuer) && sameDn(old.subject, successor.subject);
  const thumbArg: FixArgument =
    successorThumb !== undefined && isThumbprint(successorThumb)
      ? thumb(successorThumb)
      : variable(SUCCESSOR_THUMBPRINT);
  const oldLabel = certificateLabel(old);
  const newLabel = `the successor ${successor.subject}, issued by ${successor.issuer}${thumbArg.kind === "thumbprint" ? ` (${successorThumb})` : ""}`;
  const onServer = (c: ReceiveConnector) => servers.some((s) => sameServer(s, c.server));

  const receive = inventory.receiveConnectors.filter((c) => namesIt(c.tlsCertificateName, oldName));
  const send = inventory.sendConnectors.filter((c) => namesIt(c.tlsCertificateName, oldName));
  const hybrids = inventory.hybridConfigurations.filter((h) => namesIt(h.tlsCertificateName, oldName));
  const hybridInvolved =
    hybrids.length > 0 ||
    send.some(isHybridSendConnector) ||
    receive.some((c) => onServer(c) && hasCloudCapability(c) === true);

  const steps: Draft[] = [];
  for (const server of servers) {
    steps.push(importStep(server, newLabel, sameName));
    steps.push(enableStep(server, holders, thumbArg, newLabel));
  }
  if (sameName) {
    const kept = [
      ...receive.filter(onServer).map((c) => `receive connector '${connectorIdentity(c) ?? c.name}'`),
      ...send.map((c) => `send connector '${connectorIdentity(c) ?? c.name}'`),
      ...hybrids.map(() => "the hybrid configuration"),
    ];
    if (kept.length > 0) steps.push(keepNamesStep(servers, kept, old, successor));
  } else {
    for (const c of receive.filter(onServer)) steps.push(receiveStep(c, oldLabel, newName));
    for (const c of send) steps.push(sendStep(c, servers, oldLabel, newName));
    for (const h of hybrids) steps.push(hybridStep(h, servers, oldLabel, newName));
  }
  if (hybridInvolved && inventory.hybridConfigurations.length > 0) {
    steps.push(hcwStep(inventory.hybridConfigurations, servers, successor));
  }
  for (const server of servers) steps.push(removeStep(server, oldThumb, oldLabel, inventory, sameName, send));

  return {
    ok: true,
    plan: {
      old: { thumbprint: oldThumb, label: oldLabel, servers },
      successor: { label: newLabel, tlsCertificateName: newName, thumbprintKnown: thumbArg.kind === "thumbprint" },
      sameName,
      setup: setupLines(thumbArg.kind !== "thumbprint"),
      steps: steps.map((s, i) => ({ step: i + 1, ...s })),
      notes: planNotes({ inventory, selections, servers, receive, oldThumb, successor, hybridInvolved }),
    },
  };
}

function unique(items: readonly string[]): string[] {
  const out: string[] = [];
  for (const item of items) if (!out.some((s) => sameServer(s, item))) out.push(item);
  return out;
}

/** Does a TlsCertificateName value name this issuer and subject (domain F4.6)? */
function namesIt(value: string | undefined, name: { issuer: string; subject: string }): boolean {
  if (value === undefined || value.trim() === "") return false;
  const parsed = parseTlsCertificateName(value);
  return parsed.ok && matchesTlsCertificateName(name, parsed);
}

function setupLines(needThumbprint: boolean): string[] {
  return [
    renderComment(
      "Fill in the value in angle brackets below, then run these lines first, in the same shell as the steps.",
    ),
    renderAssignment(
      PFX_PATH,
      "<fill in: path of the successor's .pfx file (with its private key), as this shell sees it>",
    ),
    renderPowerShell({
      cmdlet: "Read-Host",
      parameters: [
        ["AsSecureString", SWITCH],
        ["Prompt", str("Password of the successor's .pfx file")],
      ],
      assignTo: PFX_PASSWORD,
    }),
    ...(needThumbprint
      ? [
          renderAssignment(
            SUCCESSOR_THUMBPRINT,
            "<fill in: the successor's thumbprint, 40 hex digits, as Import-ExchangeCertificate prints it>",
          ),
        ]
      : []),
  ];
}

function importStep(server: string, newLabel: string, sameName: boolean): Draft {
  return {
    action: "import",
    servers: [server],
    title: `Import the successor on ${server}`,
    why: `Import ${newLabel} with its private key on ${server}, which holds the certificate being replaced. This form of Import-ExchangeCertificate has no -Services, so it enables nothing and asks nothing about the default SMTP certificate.`,
    commands: [
      renderPowerShell({
        cmdlet: "Import-ExchangeCertificate",
        parameters: [
          ["Server", str(server)],
          ["FileData", fileBytes(PFX_PATH)],
          ["Password", variable(PFX_PASSWORD)],
        ],
      }),
    ],
    warning: `Run the next step straight after this one. Exchange does not check that a certificate it matches is enabled for SMTP, so a newer certificate that is not yet enabled can be chosen and the handshake then fails; the Exchange Team's advice is to import a certificate only when you are ready to assign it to SMTP (domain F1.1.9).${sameName ? " With the same issuer and subject, every TlsCertificateName that named the old certificate matches this one at once (F1.2.1)." : ""}`,
    effects: [{ kind: "import", server }],
  };
}

function enableStep(server: string, holders: readonly Certificate[], thumbArg: FixArgument, newLabel: string): Draft {
  const oldHere = holders.find((c) => sameServer(c.server, server));
  const others = (oldHere?.services ?? []).filter((s) => s !== "SMTP");
  const also =
    others.length > 0
      ? ` The certificate being replaced is also enabled for ${others.join(", ")} on ${server}; this plan covers SMTP only (certflow's domain notes are about SMTP), so assign ${others.length === 1 ? "that service" : "those services"} to the successor the way your renewal procedure does.`
      : "";
  return {
    action: "enable",
    servers: [server],
    title: `Enable the successor for SMTP on ${server}`,
    why: `Enable ${newLabel} for SMTP on ${server}; enabling SMTP also gives the transport service read access to its private key (F3.2.3). Service assignments only add (F3.2.1).${also}`,
    commands: [
      renderPowerShell({
        cmdlet: "Enable-ExchangeCertificate",
        parameters: [
          ["Server", str(server)],
          ["Thumbprint", thumbArg],
          ["Services", names("SMTP")],
        ],
      }),
    ],
    warning:
      "PowerShell asks 'Overwrite the existing default SMTP certificate?': answer N (No). Replacing the default (internal transport) certificate breaks direct trust with Edge and EdgeSync until the subscription is recreated (KB 2989382, domain F3.2.4, F3.2.5). certflow's domain notes give no switch that answers No for you: -Force answers Yes and replaces the default (F3.2.1), so leave it out and answer the prompt.",
    effects: [{ kind: "enable", server }],
  };
}

function receiveStep(c: ReceiveConnector, oldLabel: string, newName: string): Draft {
  const identity = connectorIdentity(c) ?? `${c.server}\\${c.name}`;
  return {
    action: "receive-connector",
    servers: [c.server as string],
    title: `Point receive connector '${identity}' at the successor`,
    why: `Its TlsCertificateName names ${oldLabel} by issuer and subject. The successor's differ, and with TlsCertificateName set Exchange does not fall back to the connector's FQDN: once the old certificate is gone, a stale name leaves the connector without STARTTLS (domain F1.2.1, F1.2.2).`,
    commands: [
      renderPowerShell({
        cmdlet: "Set-ReceiveConnector",
        identity,
        parameters: [["TlsCertificateName", str(newName)]],
      }),
    ],
    effects: [
      {
        kind: "edit",
        edit: { kind: "set-tlsname", connectorKind: "receive", connector: identity, value: newName },
      },
    ],
  };
}

function sendStep(c: SendConnector, servers: readonly string[], oldLabel: string, newName: string): Draft {
  const identity = connectorIdentity(c) ?? "(unnamed send connector)";
  const sources = c.sourceTransportServers ?? [];
  const missing = sources.filter((s) => !servers.some((h) => sameServer(h, s)));
  return {
    action: "send-connector",
    servers: sources.length > 0 ? sources : servers,
    title: `Point send connector '${identity}' at the successor`,
    why: `Its TlsCertificateName names ${oldLabel}. Each source server (${listText(sources.length > 0 ? sources : ["not in the paste"])}) looks the name up in its own store, and a name that matches nothing fails with 454 4.7.5 (domain E7.13); the steps above put the successor on every server that held the old certificate.`,
    commands: [
      renderPowerShell({ cmdlet: "Set-SendConnector", identity, parameters: [["TlsCertificateName", str(newName)]] }),
    ],
    ...(missing.length > 0
      ? {
          warning: `${listText(missing)} ${missing.length === 1 ? "is a source server" : "are source servers"} of this connector but ${missing.length === 1 ? "does" : "do"} not hold the certificate being replaced, so this plan imports nothing there: the connector fails there with 454 4.7.5 until the successor is installed (E7.13).`,
        }
      : {}),
    effects: [
      { kind: "edit", edit: { kind: "set-tlsname", connectorKind: "send", connector: identity, value: newName } },
    ],
  };
}

function hybridStep(h: HybridConfiguration, servers: readonly string[], oldLabel: string, newName: string): Draft {
  const scoped = scopeServers(hybridScope(h));
  return {
    action: "hybrid-configuration",
    servers: scoped.length > 0 ? scoped : servers,
    title: "Name the successor in the hybrid configuration",
    why: `The hybrid configuration's TlsCertificateName names ${oldLabel}; every hybrid transport server needs a certificate with the name it holds, and HealthChecker compares the connectors with it (domain F5.1.1, F5.3.3).`,
    commands: [
      renderPowerShell({ cmdlet: "Set-HybridConfiguration", parameters: [["TlsCertificateName", str(newName)]] }),
    ],
    effects: [{ kind: "edit", edit: { kind: "set-hybrid-tlsname", value: newName } }],
  };
}

function keepNamesStep(
  servers: readonly string[],
  kept: readonly string[],
  old: Certificate,
  successor: CertificateDescription,
): Draft {
  const newerFrom = later(successor.notBefore, old.notBefore?.iso);
  const newerTo = later(successor.notAfter, old.notAfter?.iso);
  const order =
    newerFrom && newerTo
      ? " With both installed, Exchange presents the successor: it has the newer NotBefore (Learn's rule) and the later NotAfter (the Exchange Team blog's rule, domain F1.2.3)."
      : "";
  return {
    action: "keep-names",
    servers,
    title: "Leave every TlsCertificateName as it is",
    why: `The successor has the same issuer and subject as the certificate being replaced, and TlsCertificateName is matched on issuer and subject only, so ${listText(kept)} keep matching without a command (domain F1.2.1).${order}`,
    commands: [],
    ...(newerFrom && newerTo
      ? {}
      : {
          warning:
            "The successor does not have both a newer NotBefore and a later NotAfter than the certificate being replaced, and Exchange's sources disagree on which of the two decides among certificates with the same name (domain F1.2.3, D1): until the old certificate is removed, either may be presented.",
        }),
    effects: [],
  };
}

function later(value: string, than: string | null | undefined): boolean {
  const a = Date.parse(value);
  const b = than ? Date.parse(than) : Number.NaN;
  return !Number.isNaN(a) && !Number.isNaN(b) && a > b;
}

function hcwStep(
  hybrids: readonly HybridConfiguration[],
  servers: readonly string[],
  successor: CertificateDescription,
): Draft {
  const scoped = unique(hybrids.flatMap((h) => scopeServers(hybridScope(h))));
  return {
    action: "hcw",
    servers: scoped.length > 0 ? scoped : servers,
    title: "Re-run the Hybrid Configuration Wizard",
    why: `Run the Hybrid Configuration Wizard again (or its 'Update Secure Mail Certificate for Connectors' option) and choose the successor, so the Exchange Online connectors agree with on-premises: Exchange Online's inbound connector checks the name on the certificate your servers present (TlsSenderCertificateName) and its outbound connector validates the one they answer with (domain F5.2.4–F5.2.6). The wizard lists only certificates whose RootCAType is ThirdParty and that are on every selected transport server (F5.1.2).${successor.selfSigned ? " A self-signed successor is not supported for hybrid mail flow (F5.1.1)." : ""}`,
    commands: [],
    effects: [],
  };
}

function removeStep(
  server: string,
  oldThumb: string,
  oldLabel: string,
  inventory: Inventory,
  sameName: boolean,
  send: readonly SendConnector[],
): Draft {
  const warnings: string[] = [];
  const internal = inventory.transportServices.find((t) => sameServer(t.server, server));
  if (internal?.internalTransportCertificateThumbprint?.toUpperCase() === oldThumb) {
    warnings.push(
      `On ${server} the certificate being replaced is also the internal transport (default SMTP) certificate: removing it leaves ${server} without one (events 12012 and 12013, domain F3.3.4, F3.3.5). Make another certificate the default first, as the DEFAULT_CERT_OVERWRITTEN finding's fix does (F3.3.1, F3.3.2).`,
    );
  }
  const tagged = sameName
    ? send.filter((c) => (c.sourceTransportServers ?? []).some((s) => sameServer(s, server)))
    : [];
  if (tagged.length > 0) {
    warnings.push(
      `Remove-ExchangeCertificate refuses to remove a certificate that a send connector's TlsCertificateName refers to (domain F4.9), and ${listText(tagged.map((c) => `'${connectorIdentity(c)}'`))} still names this issuer and subject, which the successor shares. certflow's sources do not say whether that check tells two certificates with the same name apart. If it refuses, the documented workaround is: stop the transport service, clear the send connector's TlsCertificateName, remove the certificate, set TlsCertificateName again and start the service.`,
    );
  }
  return {
    action: "remove",
    servers: [server],
    title: `Remove the old certificate from ${server}`,
    why: `Remove ${oldLabel} from ${server} last, once every connector on ${server} presents the successor: while both are installed, a certificate with the old name can still be chosen.`,
    commands: [
      renderPowerShell({
        cmdlet: "Remove-ExchangeCertificate",
        parameters: [
          ["Server", str(server)],
          ["Thumbprint", thumb(oldThumb)],
        ],
      }),
    ],
    ...(warnings.length > 0 ? { warning: warnings.join(" ") } : {}),
    effects: [{ kind: "edit", edit: { kind: "remove-certificate", server, thumbprint: oldThumb } }],
  };
}

interface NoteInput {
  readonly inventory: Inventory;
  readonly selections: readonly Selection[];
  readonly servers: readonly string[];
  readonly receive: readonly ReceiveConnector[];
  readonly oldThumb: string;
  readonly successor: CertificateDescription;
  readonly hybridInvolved: boolean;
}

function planNotes(input: NoteInput): string[] {
  const { inventory, selections, servers, receive, oldThumb, successor } = input;
  const notes: string[] = [];
  const successorNames = certificateNames(successor);
  for (const s of selections) {
    if (s.certificate?.thumbprint?.toUpperCase() !== oldThumb || s.via === "TlsCertificateName") continue;
    const where = `${s.connectorKind === "send" ? "Send" : "Receive"} connector '${s.connector}'${s.server ? ` on ${s.server}` : ""}`;
    if (s.fqdn !== undefined && successorNames.some((n) => coversName(n, s.fqdn as string))) {
      notes.push(
        `${where} finds its certificate by the name ${s.fqdn}, which the successor covers: it changes over by itself once the successor is enabled for SMTP, no command needed.`,
      );
    } else {
      notes.push(
        `${where} presents the certificate being replaced through its FQDN${s.fqdn ? ` ${s.fqdn}` : ""}, which the successor does not cover: after the removal it presents another certificate or none. Add the name to the successor or change the connector's FQDN.`,
      );
    }
  }
  for (const c of receive) {
    if (servers.some((s) => sameServer(s, c.server))) continue;
    notes.push(
      `Receive connector '${connectorIdentity(c)}' names the old certificate's issuer and subject, but ${c.server ?? "its server"} does not hold the certificate being replaced: the plan leaves it alone.`,
    );
  }
  const cut = [
    ...inventory.receiveConnectors.filter((c) => servers.some((s) => sameServer(s, c.server))),
    ...inventory.sendConnectors,
  ].filter((c) => c.truncated.includes("tlsCertificateName"));
  for (const c of cut) {
    notes.push(
      `The TlsCertificateName of ${c.kind === "send-connector" ? "send" : "receive"} connector '${connectorIdentity(c)}' is cut off in the paste, so certflow cannot tell whether it names the certificate being replaced; paste it with Format-List.`,
    );
  }
  const twins = inventory.certificates.filter(
    (c) =>
      c.thumbprint?.toUpperCase() !== oldThumb &&
      c.thumbprint?.toUpperCase() !== successor.thumbprint?.toUpperCase() &&
      servers.some((s) => sameServer(s, c.server)) &&
      c.issuer !== undefined &&
      c.subject !== undefined &&
      inventory.certificates.some(
        (o) =>
          o.thumbprint?.toUpperCase() === oldThumb &&
          sameDn(o.issuer ?? "", c.issuer ?? "") &&
          sameDn(o.subject ?? "", c.subject ?? ""),
      ),
  );
  for (const c of twins) {
    notes.push(
      `${certificateLabel(c)} on ${c.server} has the same issuer and subject as the certificate being replaced but another thumbprint; the plan does not remove it.`,
    );
  }
  if (!input.hybridInvolved && inventory.hybridConfigurations.length > 0) {
    notes.push(
      "Neither the hybrid configuration nor a hybrid connector names the certificate being replaced, so the plan does not re-run the Hybrid Configuration Wizard.",
    );
  }
  const edge =
    inventory.servers.some((s) => s.isEdge === true && servers.some((h) => sameServer(h, s.name))) ||
    inventory.hybridConfigurations.some((h) => (h.edgeTransportServers ?? []).length > 0);
  if (edge) {
    notes.push(
      "Edge Transport servers are involved: run the certificate steps in each Edge server's own shell (domain F8.6), and remember that send connectors reach the Edge through EdgeSync, which fails on a TlsCertificateName longer than 256 characters (F4.11).",
    );
  }
  notes.push(
    "certflow's domain notes do not say whether the transport services pick up a newly enabled certificate or a changed TlsCertificateName without a restart; after each change, check that the connector still offers 250-STARTTLS in its EHLO answer (domain E7.10).",
  );
  return notes;
}
