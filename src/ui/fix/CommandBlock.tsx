import { useId } from "react";
import styles from "./CommandBlock.module.css";
import { CopyButton } from "./CopyButton";

/** One rendered PowerShell command, exactly as the report holds it, with its copy button. */
export function CommandBlock({ command }: { readonly command: string }) {
  const code = useId();
  return (
    <div className={styles.block}>
      <pre className={styles.pre}>
        <code id={code}>{command}</code>
      </pre>
      <CopyButton text={command} describedBy={code} />
    </div>
  );
}
