import { useId, useMemo } from "react";
import type { ReportFinding, Severity } from "../../report/types";
import { keyed } from "../fix/keyed";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { FindingItem } from "./FindingItem";
import styles from "./Findings.module.css";
import { firstFindings, groupFindings, inGroupOrder } from "./group";
import { SeverityBadge } from "./SeverityBadge";
import { findingsSummary } from "./summary";

const GROUP_TITLE: Readonly<Record<Severity, string>> = { error: "Errors", warning: "Warnings", info: "Info" };

// A rule fires once per affected object, so rule + object identifies a finding.
function findingKey(finding: ReportFinding): string {
  return [finding.rule, finding.server, finding.connector, finding.thumbprint, finding.lines.join(",")].join("\u0000");
}

/**
 * The region outside checks look for by name: a summary line, then the findings grouped by severity, server and
 * connector, each with its rule id. The summary and the severity headings count every finding; a long list shows
 * its first findings, in that order, and more on request.
 */
export function Findings({ findings }: { readonly findings: readonly ReportFinding[] }) {
  const heading = useId();
  const groups = useMemo(() => groupFindings(findings), [findings]);
  const ordered = useMemo(() => inGroupOrder(groups), [groups]);
  // Keyed once for the whole list: a page more does not key every finding again.
  const keys = useMemo(() => new Map(keyed(ordered, findingKey).map(([key, finding]) => [finding, key])), [ordered]);
  const paging = usePaging(ordered.length, PAGE.findings);
  const visible = useMemo(() => firstFindings(groups, paging.shown), [groups, paging.shown]);
  const firstNew = paging.firstNew === null ? undefined : ordered[paging.firstNew];
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Findings</h2>
      <p className={styles.summary}>{findingsSummary(findings)}</p>
      {visible.map(({ severity, count, servers }) => (
        <div key={severity} className={styles.severity}>
          <h3>
            <SeverityBadge severity={severity} text={`${GROUP_TITLE[severity]} (${count})`} />
          </h3>
          {servers.map(({ server, connectors }) => (
            <div key={server ?? ""} className={styles.server}>
              <h4>{server === null ? "Server not named in the paste" : `On ${server}`}</h4>
              {connectors.map(({ connector, findings: group }) => (
                <div key={connector ?? ""} className={styles.connector}>
                  <h5>{connector ?? "Certificates and server settings"}</h5>
                  <ul className={styles.list}>
                    {group.map((finding) => (
                      <FindingItem
                        key={keys.get(finding)}
                        finding={finding}
                        {...(finding === firstNew ? { focusRef: paging.focusRef } : {})}
                      />
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ))}
        </div>
      ))}
      <ShowMore paging={paging} noun={["finding", "findings"]} />
    </section>
  );
}
