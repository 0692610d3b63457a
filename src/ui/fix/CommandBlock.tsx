import { type Ref, useId } from "react";
import styles from "./CommandBlock.module.css";
import { CopyButton } from "./CopyButton";

/**
 * One rendered PowerShell command, exactly as the report holds it, with its copy button. `focusRef`: the block is
 * the first of several just shown, and takes the focus.
 */
export function CommandBlock({
  command,
  focusRef,
}: {
  readonly command: string;
  readonly focusRef?: Ref<HTMLDivElement>;
}) {
  const code = useId();
  return (
    <div className={styles.block} ref={focusRef} tabIndex={focusRef === undefined ? undefined : -1}>
      <pre className={styles.pre}>
        <code id={code}>{command}</code>
      </pre>
      <CopyButton text={command} describedBy={code} />
    </div>
  );
}
