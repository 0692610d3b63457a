import { addMissing, type FactsDraft } from "./make-evidence";
import { isTlsCertificateNameForm, placeholdersIn } from "./text";

type NamedFact = "lookedFor" | "fqdn" | "connector" | "server";

/**
 * Records a name read from pasted text (events, HealthChecker). Values the author replaced with a
 * placeholder, or that the paste lost, go to `missing` instead: a rule must
 * ask for them, never match on them. A `<I>…<S>…` value keeps its form so a
 * rule can still tell it is a TlsCertificateName.
 */
export function setNamed(facts: FactsDraft, key: NamedFact, label: string, raw: string | undefined): void {
  if (raw === undefined) {
    addMissing(facts, `${label} (not in the pasted text)`);
    return;
  }
  const value = raw.trim();
  if (value === "") {
    addMissing(facts, `${label} (empty in the paste)`);
    return;
  }
  const placeholders = placeholdersIn(value);
  if (isTlsCertificateNameForm(value)) {
    facts[key] = value;
    for (const p of placeholders) addMissing(facts, `${label} part (placeholder ${p})`);
    return;
  }
  if (placeholders.length > 0) {
    addMissing(facts, `${label} (placeholder ${value})`);
    return;
  }
  facts[key] = value;
}
