import { memo, type Ref, useMemo } from "react";
import type { ReportFinding } from "../../report/types";
import { CommandBlock } from "../fix/CommandBlock";
import { keyed } from "../fix/keyed";
import { LineLink } from "../lines/LineLink";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import styles from "./FindingItem.module.css";
import { lineRanges } from "./line-ranges";
import { RuleDocs } from "./RuleDocs";
import { SeverityBadge } from "./SeverityBadge";

/**
 * One finding: severity, rule id and title, message, the pasted lines it rests on, its fix and the rule's docs. A
 * finding about a whole organisation can rest on thousands of lines and carry a command per server: those show
 * their first ones, and more on request. `focusRef`: the finding is the first of several just shown.
 */
export const FindingItem = memo(function FindingItem({
  finding,
  focusRef,
}: {
  readonly finding: ReportFinding;
  readonly focusRef?: Ref<HTMLLIElement>;
}) {
  const title = finding.title;
  const ranges = useMemo(() => lineRanges(finding.lines), [finding.lines]);
  const rangePaging = usePaging(ranges.length, PAGE.findingLines);
  const commandPaging = usePaging(finding.fix.length, PAGE.findingCommands);
  const commands = keyed(finding.fix.slice(0, commandPaging.shown), (c) => c);
  return (
    <li
      className={`${styles.finding} ${styles[finding.severity] ?? ""}`}
      ref={focusRef}
      tabIndex={focusRef === undefined ? undefined : -1}
    >
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
            {ranges.slice(0, rangePaging.shown).map(([start, end], i) => (
              <span key={start} {...(i === rangePaging.firstNew ? { ref: rangePaging.focusRef, tabIndex: -1 } : {})}>
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
      <ShowMore paging={rangePaging} noun={["line range", "line ranges"]} />
      {finding.fix.length > 0 && (
        <div className={styles.fix}>
          <p className={styles.fixTitle}>Fix</p>
          {commands.map(([key, command], i) => (
            <CommandBlock
              key={key}
              command={command}
              {...(i === commandPaging.firstNew ? { focusRef: commandPaging.focusRef } : {})}
            />
          ))}
          <ShowMore paging={commandPaging} noun={["command", "commands"]} />
        </div>
      )}
      <RuleDocs rule={finding.rule} />
    </li>
  );
});
