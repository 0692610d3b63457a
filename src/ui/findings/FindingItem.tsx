import type { ReportFinding } from "../../report/types";
import { CommandBlock } from "../fix/CommandBlock";
import { keyed } from "../fix/keyed";
import { LineLink } from "../lines/LineLink";
import styles from "./FindingItem.module.css";
import { lineRanges } from "./line-ranges";
import { RuleDocs } from "./RuleDocs";
import { SeverityBadge } from "./SeverityBadge";

/** One finding: severity, rule id and title, message, the pasted lines it rests on, its fix and the rule's docs. */
export function FindingItem({ finding }: { readonly finding: ReportFinding }) {
  const title = finding.title;
  const ranges = lineRanges(finding.lines);
  return (
    <li className={`${styles.finding} ${styles[finding.severity] ?? ""}`}>
      <p className={styles.head}>
        <SeverityBadge severity={finding.severity} /> <code className={styles.rule}>{finding.rule}</code>
        {title !== undefined && <span className={styles.title}> {title}</span>}
      </p>
      <p className={styles.message}>{finding.message}</p>
      <p className={styles.meta}>
        {finding.basis === "evidence" ? "From pasted evidence" : "From the configuration"}
        {ranges.length > 0 && (
          <>
            {", "}rests on{" "}
            {ranges.map(([start, end], i) => (
              <span key={start}>
                {i > 0 && ", "}
                <LineLink start={start} end={end} />
              </span>
            ))}
          </>
        )}
        {finding.thumbprint !== null && (
          <>
            {"; certificate "}
            <code>{finding.thumbprint}</code>
          </>
        )}
      </p>
      {finding.fix.length > 0 && (
        <div className={styles.fix}>
          <p className={styles.fixTitle}>Fix</p>
          {keyed(finding.fix, (c) => c).map(([key, command]) => (
            <CommandBlock key={key} command={command} />
          ))}
        </div>
      )}
      <RuleDocs rule={finding.rule} />
    </li>
  );
}
