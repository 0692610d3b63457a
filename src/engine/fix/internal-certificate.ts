import type { Certificate } from "../../model/certificate";
import { isThumbprint } from "../../model/thumbprint";
import type { FixStep, RuleContext } from "../rules/types";
import { bool, type FixCommand, fileBytes, names, SWITCH, str, thumb, variable } from "./command";
import { certificateLabel, RERUN_HCW } from "./steps";

/**
 * Fix steps for the internal transport ("default SMTP") certificate, shared
 * by DEFAULT_CERT_OVERWRITTEN and DEFAULT_CERT_MISSING. Here -Force, which
 * answers Yes to "Overwrite the existing default SMTP certificate?", is the
 * point of the command (domain F3.3.1, F3.3.2), unlike everywhere else.
 */

export const FORCE_INTENDED =
  "-Force answers Yes to 'Overwrite the existing default SMTP certificate?': here that is intended, because making this certificate the internal transport certificate is the fix. Other certificates keep their services.";

/**
 * Make the server's own self-signed certificate the internal transport
 * certificate again when one is installed (F3.3.2); otherwise create one with
 * HealthChecker's recipe (F3.3.1), which needs the server's name.
 */
export function restoreInternalCertificate(server: string | undefined, own: Certificate | undefined): FixStep {
  if (own?.thumbprint !== undefined && isThumbprint(own.thumbprint)) {
    return {
      phase: "enable",
      why: `Make ${certificateLabel(own)}, the self-signed certificate ${server ?? "the server"} created for itself, the internal transport (default SMTP) certificate again.`,
      commands: [
        {
          cmdlet: "Enable-ExchangeCertificate",
          parameters: [
            ...(server ? ([["Server", str(server)]] as const) : []),
            ["Thumbprint", thumb(own.thumbprint.toUpperCase())],
            ["Services", names("SMTP")],
            ["Force", SWITCH],
          ],
        },
      ],
      warning: FORCE_INTENDED,
    };
  }
  if (server === undefined) {
    return {
      phase: "install",
      why: "On the server, create a new self-signed internal transport certificate with HealthChecker's recipe: New-ExchangeCertificate -Server <server> -PrivateKeyExportable $true -FriendlyName <server> -DomainName <server> -IncludeServerFQDN -Services SMTP -Force (2048-bit key by default).",
      commands: [],
      warning: FORCE_INTENDED,
    };
  }
  const create: FixCommand = {
    cmdlet: "New-ExchangeCertificate",
    parameters: [
      ["Server", str(server)],
      ["PrivateKeyExportable", bool(true)],
      ["FriendlyName", str(server)],
      ["DomainName", str(server)],
      ["IncludeServerFQDN", SWITCH],
      ["Services", names("SMTP")],
      ["Force", SWITCH],
    ],
  };
  return {
    phase: "install",
    why: `Create a new self-signed certificate for ${server} (CN=${server} plus its FQDN, 2048-bit key by default) and make it the internal transport certificate: HealthChecker's documented recipe.`,
    commands: [create],
    warning: FORCE_INTENDED,
  };
}

/**
 * After the internal transport certificate changed on an Edge server or on
 * Mailbox servers subscribed to one, the subscription carries the old one
 * (F3.2.5, F3.3.3). The cmdlets run on two machines with a file carried in
 * between, so they are two steps, and each asks for the paths it needs. The
 * same for every server: an organisation resubscribes each Edge server once.
 */
export const RECREATE_EDGE_SUBSCRIPTION: readonly FixStep[] = [
  {
    phase: "hybrid",
    why: "On each subscribed Edge server, export a new Edge Subscription file: EdgeSync keeps the old internal transport certificate until the subscription is recreated. Copy the file to a Mailbox server of the subscribed Active Directory site and import it there soon: the file's bootstrap account expires (after 24 hours by default).",
    commands: [
      {
        cmdlet: "Read-Host",
        parameters: [["Prompt", str("Path for the new Edge Subscription file, for example C:\\EdgeSubscription.xml")]],
        assignTo: "EdgeSubscriptionFile",
      },
      { cmdlet: "New-EdgeSubscription", parameters: [["FileName", variable("EdgeSubscriptionFile")]] },
    ],
    warning:
      "New-EdgeSubscription asks for confirmation because EdgeSync then manages the Edge server's Send connectors, accepted domains and remote domains from the organisation, replacing any made on the Edge itself.",
  },
  {
    phase: "hybrid",
    why: "On that Mailbox server, import each new Edge Subscription file into the Active Directory site whose Mailbox servers send mail through the Edge, then start EdgeSync so the Edge gets the new certificates now rather than at the next hourly run.",
    commands: [
      {
        cmdlet: "Read-Host",
        parameters: [["Prompt", str("Path of the Edge Subscription file copied from the Edge server")]],
        assignTo: "EdgeSubscriptionCopy",
      },
      {
        cmdlet: "Read-Host",
        parameters: [["Prompt", str("Active Directory site of the Mailbox servers that send through the Edge")]],
        assignTo: "EdgeSubscriptionSite",
      },
      {
        cmdlet: "New-EdgeSubscription",
        parameters: [
          ["FileData", fileBytes("EdgeSubscriptionCopy")],
          ["Site", variable("EdgeSubscriptionSite")],
        ],
      },
      { cmdlet: "Start-EdgeSynchronization", parameters: [] },
    ],
  },
];

/**
 * When the paste shows no Edge server, it may only be that none was pasted: ask whether any is subscribed, because
 * a subscribed one holds the old certificate until its subscription is recreated (F3.3.3).
 */
export const CHECK_EDGE_SUBSCRIPTIONS: FixStep = {
  phase: "inspect",
  why: "See whether Edge Transport servers are subscribed: the paste shows none, but any that Get-EdgeSubscription lists still holds the old internal transport certificate until its subscription is recreated. Paste Get-ExchangeServer | fl Name,ServerRole with the rest, and certflow adds the commands that recreate it.",
  commands: [{ cmdlet: "Get-EdgeSubscription", parameters: [] }],
};

/** Paste request for the internal transport certificate of a server. */
export function inspectInternalCertificate(server: string | undefined): FixStep {
  return {
    phase: "inspect",
    why: `Paste the internal transport certificate thumbprint${server ? ` of ${server}` : ""} and the certificates installed there, so certflow can tell which certificate it is.`,
    commands: [
      {
        cmdlet: "Get-TransportService",
        ...(server ? { identity: server } : {}),
        parameters: [],
        pipeTo: "Format-List",
      },
      { cmdlet: "Get-ExchangeCertificate", parameters: server ? [["Server", str(server)]] : [], pipeTo: "Format-List" },
    ],
  };
}

/**
 * An Edge server in the paste or the hybrid configuration, or EdgeSync's event 1035: the same for every server of
 * the analysis, so worked out once for it rather than by scanning every server for each finding.
 */
function edgeInOrganisation(ctx: RuleContext): boolean {
  let edge = edgeByAnalysis.get(ctx);
  if (edge === undefined) {
    edge =
      ctx.inventory.servers.some((s) => s.isEdge === true) ||
      (ctx.hybrid?.edgeTransportServers ?? []).length > 0 ||
      ctx.evidence((e) => e.type === "event" && e.code === "1035").length > 0;
    edgeByAnalysis.set(ctx, edge);
  }
  return edge;
}

const edgeByAnalysis = new WeakMap<RuleContext, boolean>();

/**
 * The whole repair after the internal transport certificate changes: the
 * certificate itself, the Edge Subscription where an Edge server is involved
 * (this server, one in the paste or the hybrid configuration, or EdgeSync's
 * event 1035) or else a check for one, and the wizard in hybrid setups (F3.3.3).
 */
export function repairInternalCertificate(
  ctx: RuleContext,
  server: string | undefined,
  own: Certificate | undefined,
): FixStep[] {
  const steps: FixStep[] = [restoreInternalCertificate(server, own)];
  const edge = ctx.isEdge(server) === true || edgeInOrganisation(ctx);
  steps.push(...(edge ? RECREATE_EDGE_SUBSCRIPTION : [CHECK_EDGE_SUBSCRIPTIONS]));
  if (ctx.hybrid) steps.push(RERUN_HCW);
  return steps;
}
