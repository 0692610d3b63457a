import buttons from "../layout/OutlineButton.module.css";
import { counted, moreLabel } from "./pages";
import styles from "./ShowMore.module.css";
import type { Paging } from "./use-paging";

/**
 * Under a list that shows only its first items: how many of how many, and the buttons that show more. Gone once
 * every item shows. `noun` names the items, singular and plural.
 */
export function ShowMore({ paging, noun }: { readonly paging: Paging; readonly noun: readonly [string, string] }) {
  const { shown, total, step, revealing } = paging;
  if (shown >= total) return null;
  const next = Math.min(step, total - shown);
  return (
    <div className={styles.more}>
      <span className={styles.count}>
        Showing {shown.toLocaleString("en-US")} of {counted(total, noun)}
        {revealing ? "…" : "."}
      </span>
      <button type="button" className={buttons.outline} onClick={paging.more} disabled={revealing}>
        {moreLabel(next, noun)}
      </button>
      {next < total - shown && (
        <button type="button" className={buttons.outline} onClick={paging.all} disabled={revealing}>
          Show all {counted(total, noun)}
        </button>
      )}
    </div>
  );
}
