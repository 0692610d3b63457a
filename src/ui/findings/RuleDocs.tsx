import { useEffect, useState } from "react";
import styles from "./RuleDocs.module.css";
import { documentationLinks, loadRuleInfo, type RuleInfo } from "./rule-docs";

/** A rule's documentation, folded: what it detects, the Exchange behaviour behind it, the fix, and its sources. */
export function RuleDocs({ rule }: { readonly rule: string }) {
  const [info, setInfo] = useState<RuleInfo | undefined>(undefined);
  useEffect(() => {
    let current = true;
    loadRuleInfo(rule).then(
      (found) => {
        if (current) setInfo(found);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [rule]);
  if (info === undefined) return null;
  const links = documentationLinks(info.docs.sources);
  return (
    <details className={styles.docs}>
      <summary>About {rule}</summary>
      <dl className={styles.list}>
        <dt>What it detects</dt>
        <dd>{info.docs.summary}</dd>
        <dt>How Exchange behaves</dt>
        <dd>{info.docs.behaviour}</dd>
        <dt>How to fix it</dt>
        <dd>{info.docs.fix}</dd>
        {links.length > 0 && (
          <>
            <dt>Sources</dt>
            <dd>
              <ul className={styles.sources}>
                {links.map((href) => (
                  <li key={href}>
                    <a href={href} rel="noreferrer">
                      {href}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </details>
  );
}
