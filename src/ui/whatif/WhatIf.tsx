import { useId, useMemo } from "react";
import type { Report, ReportCertificate } from "../../report/types";
import { useCertflow } from "../../state/use-certflow";
import { Disclosure } from "../disclosure/Disclosure";
import { CommandBlock } from "../fix/CommandBlock";
import { CopyButton } from "../fix/CopyButton";
import section from "../layout/Section.module.css";
import { PAGE } from "../paging/pages";
import { ShowMore } from "../paging/ShowMore";
import { usePaging } from "../paging/use-paging";
import { describeEdit } from "./describe";
import { useWhatIf } from "./use-what-if";
import styles from "./WhatIf.module.css";
import { WhatIfAddCertificate } from "./WhatIfAddCertificate";
import { WhatIfCertificate } from "./WhatIfCertificate";
import { WhatIfDiffView } from "./WhatIfDiffView";
import { WhatIfFqdn } from "./WhatIfFqdn";

function hasThumbprint(c: ReportCertificate): c is ReportCertificate & { readonly thumbprint: string } {
  return c.thumbprint !== null;
}

/** Servers the paste names, in paste order; the server option when it names none. */
function serversOf(report: Report, option: string): string[] {
  const named = [
    ...report.certificates.map((c) => c.server),
    ...report.connectors.filter((c) => c.direction === "receive").map((c) => c.server),
  ];
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of named) {
    if (s === null || seen.has(s.toLowerCase())) continue;
    seen.add(s.toLowerCase());
    out.push(s);
  }
  return out.length > 0 || option.trim() === "" ? out : [option.trim()];
}

/** Try certificate and connector changes on the paste and see what would change, before running anything. */
export function WhatIf({ report }: { readonly report: Report }) {
  const heading = useId();
  const text = useCertflow((s) => s.text);
  const asOf = useCertflow((s) => s.asOf);
  const server = useCertflow((s) => s.server);
  const edits = useCertflow((s) => s.whatIfEdits);
  const addEdit = useCertflow((s) => s.addWhatIfEdit);
  const removeEdit = useCertflow((s) => s.removeWhatIfEdit);
  const clear = useCertflow((s) => s.clearWhatIf);
  const state = useWhatIf(text, asOf, server, edits);
  const hybridConfigured = useMemo(
    () => report.blocks.some((b) => b.cmdlet === "Get-HybridConfiguration"),
    [report.blocks],
  );
  const servers = useMemo(() => serversOf(report, server), [report, server]);
  // Only certificates that can be named: on their own server, or on the server option for a paste that names none.
  const certificates = useMemo(
    () => report.certificates.filter(hasThumbprint).filter((c) => (c.server ?? server.trim()) !== ""),
    [report.certificates, server],
  );
  const paging = usePaging(certificates.length, PAGE.whatIfCertificates);
  const commands = state.status === "done" ? state.result.commands : [];

  return (
    <section className={`${section.section} ${styles.section}`} aria-labelledby={heading}>
      <h2 id={heading}>What if</h2>
      <p className={styles.intro}>
        Try a change here: certflow recomputes what every connector would present and which findings would change.
        Nothing runs on your servers; copy the commands when the result is what you want.
      </p>
      <ul className={styles.certs}>
        {certificates.slice(0, paging.shown).map((cert, i) => (
          <WhatIfCertificate
            key={`${cert.server} ${cert.thumbprint}`}
            cert={cert}
            server={cert.server ?? server.trim()}
            connectors={report.connectors}
            hybridConfigured={hybridConfigured}
            onEdit={addEdit}
            {...(i === paging.firstNew ? { focusRef: paging.focusRef } : {})}
          />
        ))}
      </ul>
      <ShowMore paging={paging} noun={["certificate to try", "certificates to try"]} />
      <Disclosure className={styles.more} summary="Set a receive connector's FQDN">
        {() => <WhatIfFqdn connectors={report.connectors} onEdit={addEdit} />}
      </Disclosure>
      <Disclosure className={styles.more} summary="Add a certificate">
        {() => <WhatIfAddCertificate servers={servers} onEdit={addEdit} />}
      </Disclosure>
      {edits.length > 0 && (
        <>
          <h3>Pending edits</h3>
          <ol className={styles.edits}>
            {edits.map((edit, i) => (
              // Edits have no identity of their own and are appended, undone or cleared: the position is the key.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <li key={i}>
                <p className={styles.why}>
                  {describeEdit(edit)}{" "}
                  <button type="button" onClick={() => removeEdit(i)}>
                    Undo this edit
                  </button>
                </p>
                {commands[i] !== undefined && <CommandBlock command={commands[i]} />}
              </li>
            ))}
          </ol>
          <div className={styles.actions}>
            {commands.length > 0 && <CopyButton text={commands.join("\n")} label="Copy all commands" />}
            <button type="button" onClick={clear}>
              Clear what-if
            </button>
          </div>
          <div aria-live="polite">
            {state.status === "running" && <p className={styles.muted}>Recomputing…</p>}
            {state.status === "error" && <p role="alert">The what-if could not be computed: {state.message}</p>}
          </div>
          {state.status === "done" && (
            <>
              {state.result.unmatched.map((u) => (
                <p key={u.index} className={styles.warning}>
                  Edit {u.index + 1} changed nothing: {u.reason}.
                </p>
              ))}
              <WhatIfDiffView diff={state.result.diff} />
            </>
          )}
        </>
      )}
    </section>
  );
}
