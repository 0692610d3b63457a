import { useCertflow } from "../../state/use-certflow";
import styles from "./LineLink.module.css";

/** A line reference that selects those lines in the paste box, so every claim can be checked against the paste. */
export function LineLink({ start, end }: { readonly start: number; readonly end: number }) {
  const selectLines = useCertflow((s) => s.selectLines);
  const single = start === end;
  return (
    <button type="button" className={styles.link} onClick={() => selectLines(start, end)}>
      {single ? `line ${start}` : `lines ${start}–${end}`}
      <span className="visually-hidden"> (select in the paste)</span>
    </button>
  );
}
