import { useId } from "react";
import type { ReportFinding, Severity } from "../../report/types";
import { keyed } from "../fix/keyed";
import { FindingItem } from "./FindingItem";
import styles from "./Findings.module.css";
import { groupFindings } from "./group";
import { SeverityBadge } from "./SeverityBadge";
import { findingsSummary } from "./summary";

const GROUP_TITLE: Readonly<Record<Severity, string>> = { error: "Errors", warning: "Warnings", info: "Info" };

// A rule fires once per affected object, so rule + object identifies a finding.
function findingKey(finding: ReportFinding): string {
  return [finding.rule, finding.server, finding.connector, finding.thumbprint, finding.lines.join(",")].join("\u0000");
}

/**
 * The region outside checks look for by name: a summary line, then every finding grouped by severity, server and
 * connector, each with its rule id.
 */
export function Findings({ findings }: { readonly findings: readonly ReportFinding[] }) {
  const heading = useId();
  return (
    <section className={styles.section} aria-labelledby={heading}>
      <h2 id={heading}>Findings</h2>
      <p className={styles.summary}>{findingsSummary(findings)}</p>
      {groupFindings(findings).map(({ severity, count, servers }) => (
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
                    {keyed(group, findingKey).map(([key, finding]) => (
                      <FindingItem key={key} finding={finding} />
                    ))}
                  </ul>
                </div>
              ))}
            </div>
          ))}
        </div>
      ))}
    </section>
  );
}
