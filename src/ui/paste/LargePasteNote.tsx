import { useCertflow } from "../../state/use-certflow";
import styles from "./LargePasteNote.module.css";
import { pasteSize } from "./StatusLine.messages";

/** Says why the box shows only the start of a large paste, and offers to start over. */
export function LargePasteNote({ id }: { readonly id: string }) {
  const size = useCertflow((s) => s.text.length);
  const setText = useCertflow((s) => s.setText);
  return (
    <p id={id} className={styles.note}>
      This paste is {pasteSize(size)}, too large to show in the box: it shows the first lines, read-only. All of it is
      analysed.{" "}
      <button type="button" className={styles.clear} onClick={() => setText("")}>
        Clear the paste
      </button>
    </p>
  );
}
