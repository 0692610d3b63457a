import { normaliseThumbprint } from "../../model/thumbprint";
import { addMissing, type FactsDraft } from "./make-evidence";

/**
 * Puts a thumbprint read from text into `presentedThumbprint` only when it is a
 * whole SHA-1; a masked or cut one goes to `missing` so nobody matches on it.
 */
export function setThumbprint(facts: FactsDraft, raw: string, label = "thumbprint"): void {
  const value = raw.trim().replace(/\.+$/, "");
  if (value === "") return;
  if (/[x*]{3,}/i.test(value)) {
    addMissing(facts, `${label} (masked)`);
    return;
  }
  const thumb = normaliseThumbprint(value);
  if (thumb === undefined) return;
  if (thumb.complete) {
    facts.presentedThumbprint = thumb.value;
    return;
  }
  const digits = thumb.value.replace(/[^0-9A-F]/g, "").length;
  addMissing(facts, `${label} (cut to ${digits} of 40 hex digits)`);
}
