import type { DateOrder } from "../../model/dates";
import { readDate } from "../../model/dates";
import { memoiseByString } from "../../model/memo";
import type { DateValue } from "../../model/values";
import { readCollection } from "../format/collection";
import type { RawRecord, RawValue } from "../format/types";
import { blankPrefixLength } from "../white-space";

/**
 * Property names folded to lower case once per paste: its records print the same few dozen names, and the
 * mappers ask for the same few dozen, record after record.
 */
export class LowerCaseNames {
  private readonly known = new Map<string, string>();
  /**
   * The names of the record folded last, by place, with their lower case: the records of a block print the same
   * names in the same order (a list's records the very same strings), so most are answered without a lookup.
   */
  private readonly lastNames: string[] = [];
  private readonly lastLowers: string[] = [];

  of(name: string): string {
    let lower = this.known.get(name);
    if (lower === undefined) {
      lower = name.toLowerCase();
      this.known.set(name, lower);
    }
    return lower;
  }

  /** `of` for the `place`-th name of a record, its names asked in order from the first. */
  ofNameAt(place: number, name: string): string {
    const lower = this.lastLowers[place];
    if (lower !== undefined && this.lastNames[place] === name) return lower;
    const folded = this.of(name);
    this.lastNames[place] = name;
    this.lastLowers[place] = folded;
    return folded;
  }
}

/**
 * Typed access to a generic record, whatever reader produced it: list, table
 * and CSV give text, JSON gives typed values. Property names are matched
 * case-insensitively because admins type `fl thumbprint,subject`.
 */
export class Fields {
  private readonly byName = new Map<string, RawValue>();
  /** Property names (as asked for) whose value was cut. */
  readonly truncated: string[] = [];
  /** The NotBefore and NotAfter texts a list, table or CSV record shows, trimmed, for the paste's date-order vote. */
  readonly dates: string[] = [];

  constructor(
    readonly record: RawRecord,
    private readonly names: LowerCaseNames,
  ) {
    // forEach, not for…of: no [name, value] pair is built for each field of every record.
    let place = 0;
    record.fields.forEach((value, name) => {
      const lower = names.ofNameAt(place++, name);
      this.byName.set(lower, value);
      if ((lower === "notbefore" || lower === "notafter") && value.kind === "text") {
        const raw = value.text.trim();
        if (raw !== "") this.dates.push(raw);
      }
    });
  }

  has(name: string): boolean {
    return this.byName.has(this.names.of(name));
  }

  /** The record's properties by their names in lower case. */
  byLowerCaseName(): ReadonlyMap<string, RawValue> {
    return this.byName;
  }

  raw(name: string): RawValue | undefined {
    return this.byName.get(this.names.of(name));
  }

  private note(name: string, value: RawValue): void {
    if (value.truncated && !this.truncated.includes(name)) this.truncated.push(name);
  }

  /**
   * Text of a property: undefined when absent (or only a .NET type name was printed), "" when shown empty. `v` is
   * its value when the caller has already fetched it.
   */
  text(name: string, v: RawValue | undefined = this.raw(name)): string | undefined {
    if (!v || isTypeName(v)) return undefined;
    this.note(name, v);
    if (v.kind === "text") return v.text.trim();
    return jsonText(v.value);
  }

  /** Text, with "" (shown empty) folded to undefined for properties where empty means unset. */
  optionalText(name: string): string | undefined {
    const t = this.text(name);
    return t === "" ? undefined : t;
  }

  /** Items of a multi-valued property; `v` is its value when the caller has already fetched it. */
  list(name: string, v: RawValue | undefined = this.raw(name)): readonly string[] | undefined {
    if (!v || isTypeName(v)) return undefined;
    this.note(name, v);
    if (v.kind === "json") {
      if (Array.isArray(v.value)) return v.value.map((x) => jsonText(x)).filter((x) => x !== "");
      if (v.value === null || v.value === undefined) return [];
      const t = jsonText(v.value);
      return readCollection(t).items;
    }
    const c = collectionOf(v.text);
    if (c.truncated && !this.truncated.includes(name)) this.truncated.push(name);
    return c.items;
  }

  bool(name: string): boolean | undefined {
    const v = this.raw(name);
    if (!v) return undefined;
    if (v.kind === "json" && typeof v.value === "boolean") return v.value;
    const t = (v.kind === "text" ? v.text : jsonText(v.value)).trim().toLowerCase();
    if (t === "true" || t === "$true") return true;
    if (t === "false" || t === "$false") return false;
    return undefined;
  }

  int(name: string): number | undefined {
    const v = this.raw(name);
    if (!v) return undefined;
    if (v.kind === "json" && typeof v.value === "number") return Number.isInteger(v.value) ? v.value : undefined;
    const t = (v.kind === "text" ? v.text : jsonText(v.value)).replace(/[\s,]/g, "");
    return /^\d+$/.test(t) ? Number.parseInt(t, 10) : undefined;
  }

  date(name: string, order: DateOrder | undefined): DateValue | undefined {
    const t = this.text(name);
    if (t === undefined || t === "") return undefined;
    return datesIn(order)(t);
  }
}

/**
 * Multi-valued properties repeat across a paste's records (every connector's AuthMechanism and PermissionGroups,
 * every server's copy of a certificate's domains), read once per text. The items are shared between records,
 * which treat them as read-only like every parsed value.
 */
const collectionOf = memoiseByString(readCollection);

/**
 * A paste's certificates share a few dates (a renewal run, a CA's validity), read once per date order. The
 * values are shared between certificates, which treat them as read-only like every parsed value.
 */
const DATES = {
  dayFirst: memoiseByString((text: string) => readDate(text, "day-first")),
  monthFirst: memoiseByString((text: string) => readDate(text, "month-first")),
  unknown: memoiseByString((text: string) => readDate(text, undefined)),
};

function datesIn(order: DateOrder | undefined): (text: string) => DateValue {
  if (order === "day-first") return DATES.dayFirst;
  if (order === "month-first") return DATES.monthFirst;
  return DATES.unknown;
}

/**
 * Flattens a JSON value the way the console would print it. Exchange objects
 * serialised by ConvertTo-Json carry nested objects (an ADObjectId for
 * `Server`); their `Name` is what the console shows.
 */
export function jsonText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(jsonText).join(", ");
  if (typeof value === "object") {
    const o = value as Record<string, unknown>;
    // An SmtpX509Identifier (TlsCertificateName) serialises as its parts (domain F4.2).
    if (typeof o.CertificateIssuer === "string" && typeof o.CertificateSubject === "string")
      return `<I>${o.CertificateIssuer}<S>${o.CertificateSubject}`;
    for (const key of ["Name", "name", "DisplayName", "Value", "value"]) {
      if (key in o) return jsonText(o[key]);
    }
  }
  return "";
}

/**
 * Export-Csv and `Format-Table` of nested objects print the .NET type name
 * (`Microsoft.Exchange.Data.MultiValuedProperty\`1[…]`) instead of the value:
 * the value is then unknown, not that text.
 */
function isTypeName(v: RawValue): boolean {
  if (v.kind !== "text") return false;
  // Every value read is asked this; one that does not begin with S, M or D is answered without trimming it.
  const first = v.text.charCodeAt(blankPrefixLength(v.text));
  if (first !== 83 && first !== 77 && first !== 68) return false;
  return /^(?:System|Microsoft|Deserialized)\.[\w.`+]+(?:\[.*\])?$/.test(v.text.trim());
}
