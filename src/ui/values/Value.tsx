import styles from "./Value.module.css";

type Shown = string | boolean | number | null | readonly string[];

function asText(value: Exclude<Shown, null>): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return value;
  return value.length === 0 ? "none" : value.join(", ");
}

/**
 * One value from the report as plain text. `null` (the paste did not hold it) shows as a dash; a value the
 * console cut off is marked so nobody mistakes it for the whole value. The value is bidi-isolated: a right-to-left
 * override in a pasted name cannot reorder what surrounds it.
 */
export function Value({
  value,
  cut = false,
  mono = false,
}: {
  readonly value: Shown;
  readonly cut?: boolean;
  readonly mono?: boolean;
}) {
  if (value === null) {
    return (
      <span className={styles.unknown}>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">not in the paste</span>
      </span>
    );
  }
  return (
    <span className={mono ? styles.mono : undefined}>
      <bdi>{asText(value)}</bdi>
      {cut && (
        <span className={styles.cut} title="The console cut this value off: it is not the whole value">
          cut off
        </span>
      )}
    </span>
  );
}
