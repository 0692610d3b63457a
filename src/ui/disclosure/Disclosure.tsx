import { type ReactNode, useState } from "react";

/**
 * A `<details>` whose content is built only once it is first opened: for an organisation's report a closed form
 * would otherwise render thousands of `<option>`s nobody asked for.
 */
export function Disclosure({
  summary,
  className,
  children,
}: {
  readonly summary: string;
  readonly className?: string;
  readonly children: () => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary>{summary}</summary>
      {opened && children()}
    </details>
  );
}
