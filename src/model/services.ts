import { EXCHANGE_SERVICES, type ExchangeService } from "./values";

/** What a Services value says: the services it names and any part that names none. */
export interface ServicesReading {
  readonly services: ExchangeService[];
  readonly unknown: string[];
}

/**
 * Flag string positions of the default Get-ExchangeCertificate table (domain doc F6.1.3).
 * The 7th letter (UMCallRouter) is not documented, so any non-dot counts there.
 */
const FLAG_LETTERS: readonly (readonly [string | undefined, ExchangeService])[] = [
  ["I", "IMAP"],
  ["P", "POP"],
  ["U", "UM"],
  ["W", "IIS"],
  ["S", "SMTP"],
  ["F", "Federation"],
  [undefined, "UMCallRouter"],
];

/**
 * `[Flags] enum AllowedServices` (Microsoft.Exchange.Management.SystemConfigurationTasks) as
 * ConvertTo-Json emits it. Bit order follows the flag-string positions.
 */
const FLAG_BITS: readonly (readonly [ExchangeService, number])[] = [
  ["IMAP", 1],
  ["POP", 2],
  ["UM", 4],
  ["IIS", 8],
  ["SMTP", 16],
  ["Federation", 32],
  ["UMCallRouter", 64],
];
const KNOWN_BITS = 127;
const MAX_FLAGS = 0x7fffffff;

/** A 6/7-character token counts as a flag string when most positions hold `.` or their own letter. */
const MIN_MATCHING_POSITIONS = 4;

/**
 * Reads an Exchange certificate `Services` value in any of its printed shapes:
 * the table flag string (`IP.WS..`), the list form (`IMAP, POP, IIS, SMTP`, `None`)
 * or the enum number. Returns undefined when the value is none of these.
 */
export function readServices(text: string | number): ServicesReading | undefined {
  if (typeof text === "number") return fromNumber(text);
  const value = text.trim();
  if (value === "" || value.length > 200) return undefined;
  if (/^\d{1,10}$/.test(value)) return fromNumber(Number(value));
  return fromFlags(value) ?? fromList(value);
}

function fromNumber(value: number): ServicesReading | undefined {
  if (!Number.isInteger(value) || value < 0 || value > MAX_FLAGS) return undefined;
  const services = FLAG_BITS.filter(([, bit]) => (value & bit) !== 0).map(([service]) => service);
  const rest = value & ~KNOWN_BITS;
  return { services, unknown: rest === 0 ? [] : [String(rest)] };
}

function fromFlags(value: string): ServicesReading | undefined {
  if (!/^[^\s,{}]{6,7}$/.test(value)) return undefined;
  const chars = [...value];
  const matching = chars
    .slice(0, 6)
    .filter((char, i) => char === "." || char.toUpperCase() === FLAG_LETTERS[i]?.[0]).length;
  if (matching < MIN_MATCHING_POSITIONS) return undefined;
  const services: ExchangeService[] = [];
  const unknown: string[] = [];
  chars.forEach((char, i) => {
    const position = FLAG_LETTERS[i];
    if (position === undefined || char === ".") return;
    const [letter, service] = position;
    services.push(service);
    if (letter !== undefined && char.toUpperCase() !== letter) unknown.push(char);
  });
  return { services, unknown };
}

function fromList(value: string): ServicesReading | undefined {
  const body = value.startsWith("{") && value.endsWith("}") ? value.slice(1, -1) : value;
  const tokens = body
    .split(",")
    .map((token) => token.trim())
    .filter((token) => token !== "");
  const found = new Set<ExchangeService>();
  const unknown: string[] = [];
  let recognised = 0;
  for (const token of tokens) {
    const lower = token.toLowerCase();
    const service = EXCHANGE_SERVICES.find((name) => name.toLowerCase() === lower);
    if (service !== undefined) found.add(service);
    else if (lower !== "none") {
      unknown.push(token);
      continue;
    }
    recognised += 1;
  }
  if (recognised === 0) return undefined;
  return { services: EXCHANGE_SERVICES.filter((service) => found.has(service)), unknown };
}
