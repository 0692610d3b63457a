import { startTransition, useCallback, useEffect, useRef, useState } from "react";
import { nextLimit } from "./pages";

export interface Paging {
  /** How many items to render: the first `shown` of the list. */
  readonly shown: number;
  readonly total: number;
  readonly step: number;
  /** Items are still being added after "Show all". */
  readonly revealing: boolean;
  /** Index of the first item the last "Show more" or "Show all" added; it takes the focus. */
  readonly firstNew: number | null;
  more(): void;
  all(): void;
  /** The ref for the item at `firstNew`. */
  readonly focusRef: (element: HTMLElement | null) => void;
}

/**
 * The first `step` items of a list, and more on request. "Show all" adds one page per task, each render
 * interruptible, so even thousands of items never keep the page busy for long; the first added item takes the
 * focus, so keyboard and screen reader users continue where the new items start.
 */
export function usePaging(total: number, step: number): Paging {
  const [limit, setLimit] = useState(step);
  const [target, setTarget] = useState(step);
  const [firstNew, setFirstNew] = useState<number | null>(null);
  const focusPending = useRef(false);
  const shown = Math.min(limit, total);
  const revealing = shown < Math.min(target, total);

  // One page per task: each added page schedules the next.
  useEffect(() => {
    if (shown >= Math.min(target, total)) return;
    const timer = setTimeout(() => startTransition(() => setLimit((l) => nextLimit(l, step, total, target))), 0);
    return () => clearTimeout(timer);
  }, [shown, step, total, target]);

  const reveal = (to: number) => {
    focusPending.current = true;
    setFirstNew(shown);
    setTarget(to);
    setLimit(nextLimit(shown, step, total, to));
  };

  const focusRef = useCallback((element: HTMLElement | null) => {
    if (element === null || !focusPending.current) return;
    focusPending.current = false;
    element.focus({ preventScroll: true });
  }, []);

  return {
    shown,
    total,
    step,
    revealing,
    firstNew,
    more: () => reveal(shown + step),
    all: () => reveal(total),
    focusRef,
  };
}
