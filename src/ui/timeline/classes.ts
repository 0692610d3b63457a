import type { TimelineEventKind, ValidityState } from "../../engine/timeline/types";
import styles from "./Timeline.module.css";

/** One colour per validity state, for the bars and the table alike. */
export const STATE_CLASS: Readonly<Record<ValidityState, string | undefined>> = {
  valid: styles.valid,
  expired: styles.expired,
  "not-yet-valid": styles.notYetValid,
  undated: styles.undated,
};

/** One colour per kind of change, for the markers and the list alike. */
export const KIND_CLASS: Readonly<Record<TimelineEventKind, string | undefined>> = {
  "presents-expired": styles.presentsExpired,
  switches: styles.switches,
  "internal-expired": styles.internalExpired,
  "becomes-valid": styles.becomesValid,
};
