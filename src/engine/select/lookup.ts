import type { Direction } from "./build";
import type { Candidate, SelectionContext } from "./context";
import { chosenExpiryStep, chosenKeyStep, chosenSmtpStep } from "./steps/chosen";
import { eligibleStep } from "./steps/eligible";
import { fqdnMatchStep, fqdnNameStep } from "./steps/fqdn";
import { newestStep, preferCaStep } from "./steps/prefer";
import { type NoneReason, resultNoneStep, resultStarttlsStep } from "./steps/result";
import {
  type TlsNameKey,
  tlsnameCutStep,
  tlsnameMatchStep,
  tlsnameSetStep,
  tlsnameStatusStep,
  tlsnameSyntaxStep,
  tlsnameTiebreakStep,
} from "./steps/tlsname";
import type { SelectionStep, SelectionVia } from "./types";

/** What a connector contributes to the certificate lookup, inbound or outbound. */
export interface LookupRequest {
  readonly direction: Direction;
  readonly tlsCertificateName: string | undefined;
  /** The parser saw the value cut by the console width. */
  readonly tlsCertificateNameCut: boolean;
  readonly fqdn: string | undefined;
  readonly fqdnCut: boolean;
}

export interface Lookup {
  readonly steps: readonly SelectionStep[];
  readonly chosen: Candidate | null;
  readonly via: SelectionVia;
}

/** The name the connector stands for: its own Fqdn when whole, else the server FQDN. */
export function hostNameOf(fqdn: string | undefined, fqdnCut: boolean, ctx: SelectionContext): string | undefined {
  const own = fqdn?.trim() ?? "";
  if (own !== "") return fqdnCut ? undefined : own;
  return ctx.serverFqdn;
}

/**
 * Lookups made on each server, by question. A server's connectors mostly ask the same one (the server's FQDN, no
 * TlsCertificateName), and the answer depends only on the question and the server's context, so it is built once
 * per server and its steps are shared by those selections (steps are never changed once made).
 */
const answered = new WeakMap<SelectionContext, Map<number, ByName>>();

/**
 * Answers by the request's flags, then TlsCertificateName, then Fqdn: maps keyed by the connector's own values, so
 * asking builds no key text (an organisation asks once per connector and source server).
 */
type ByName = Map<string | undefined, Map<string | undefined, Lookup>>;

/** The certificate lookup shared by receive connectors (after the AuthMechanism gate) and send connectors. */
export function lookupCertificate(request: LookupRequest, ctx: SelectionContext): Lookup {
  const flags =
    (request.direction === "inbound" ? 4 : 0) + (request.tlsCertificateNameCut ? 2 : 0) + (request.fqdnCut ? 1 : 0);
  let onServer = answered.get(ctx);
  if (onServer === undefined) {
    onServer = new Map();
    answered.set(ctx, onServer);
  }
  let byName = onServer.get(flags);
  if (byName === undefined) {
    byName = new Map();
    onServer.set(flags, byName);
  }
  let byFqdn = byName.get(request.tlsCertificateName);
  if (byFqdn === undefined) {
    byFqdn = new Map();
    byName.set(request.tlsCertificateName, byFqdn);
  }
  let lookup = byFqdn.get(request.fqdn);
  if (lookup === undefined) {
    lookup = lookUp(request, ctx);
    byFqdn.set(request.fqdn, lookup);
  }
  return lookup;
}

function lookUp(request: LookupRequest, ctx: SelectionContext): Lookup {
  const set = tlsnameSetStep(request.tlsCertificateName, ctx, request.direction);
  if (set.value !== undefined) return tlsnamePath(set.value, [set.step], request, ctx);
  return fqdnPath([set.step], request, ctx);
}

function none(steps: readonly SelectionStep[], reason: NoneReason, direction: Direction): Lookup {
  return { steps: [...steps, resultNoneStep(reason, direction)], chosen: null, via: "None" };
}

function tlsnamePath(
  value: string,
  before: readonly SelectionStep[],
  request: LookupRequest,
  ctx: SelectionContext,
): Lookup {
  const { direction } = request;
  const steps = [...before];
  const syntax = tlsnameSyntaxStep(value, request.tlsCertificateNameCut);
  steps.push(syntax.step);
  let key: TlsNameKey;
  if (syntax.parsed.ok) {
    key = { kind: "exact", issuer: syntax.parsed.issuer, subject: syntax.parsed.subject };
  } else {
    const cut = tlsnameCutStep(syntax.parsed, direction);
    steps.push(cut.step);
    if (cut.prefix === undefined) return none(steps, "tlsname", direction);
    key = { kind: "prefix", prefix: cut.prefix };
  }
  const match = tlsnameMatchStep(key, value, hostNameOf(request.fqdn, request.fqdnCut, ctx), ctx, direction);
  steps.push(match.step);
  if (match.next.length === 0) return none(steps, "tlsname", direction);
  const status = tlsnameStatusStep(match.next, direction);
  steps.push(status.step);
  const [first, ...rest] = status.next;
  if (first === undefined) return none(steps, "tlsname", direction);
  const tie = tlsnameTiebreakStep([first, ...rest]);
  const { chosen } = tie;
  steps.push(
    tie.step,
    chosenKeyStep(chosen, direction),
    chosenSmtpStep(chosen, ctx, direction),
    chosenExpiryStep(chosen, ctx.asOf, "tlsname", direction),
    resultStarttlsStep(chosen, direction),
  );
  return { steps, chosen, via: "TlsCertificateName" };
}

function fqdnPath(before: readonly SelectionStep[], request: LookupRequest, ctx: SelectionContext): Lookup {
  const { direction } = request;
  const steps = [...before];
  const name = fqdnNameStep(request.fqdn, request.fqdnCut, ctx, direction);
  steps.push(name.step);
  const match = fqdnMatchStep(name.name, ctx);
  steps.push(match.step);
  if (match.next.length === 0) return none(steps, "fqdn", direction);
  const eligible = eligibleStep(match.next, ctx, direction);
  steps.push(eligible.step);
  if (eligible.next.length === 0) return none(steps, "fqdn", direction);
  const prefer = preferCaStep(eligible.next, ctx.asOf);
  steps.push(prefer.step);
  const [first, ...rest] = prefer.next;
  if (first === undefined) return none(steps, "fqdn", direction);
  const newest = newestStep([first, ...rest]);
  const { chosen } = newest;
  steps.push(
    newest.step,
    chosenSmtpStep(chosen, ctx, direction),
    chosenExpiryStep(chosen, ctx.asOf, "fqdn", direction),
    resultStarttlsStep(chosen, direction),
  );
  return { steps, chosen, via: name.via };
}
