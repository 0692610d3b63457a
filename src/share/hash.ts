/**
 * The share fragment lives in the page address. It is read from `location.href`, not `location.hash`, because
 * Firefox percent-decodes the latter; it is written with `replaceState` so sharing adds no history entry.
 */

const SHARE_FRAGMENT = /^#v\d/;

/** `#v1.…` (or a later or broken `#vN…`) when the address carries a share link; other fragments are not ours. */
export function shareFragmentOf(href: string): string | undefined {
  const at = href.indexOf("#");
  if (at === -1) return undefined;
  const fragment = href.slice(at);
  return SHARE_FRAGMENT.test(fragment) ? fragment : undefined;
}

/** The address with its fragment replaced (or removed, for ""). */
export function withFragment(href: string, fragment: string): string {
  const at = href.indexOf("#");
  return (at === -1 ? href : href.slice(0, at)) + fragment;
}

export function readShareFragment(): string | undefined {
  return shareFragmentOf(location.href);
}

/** Puts the fragment in the address bar and returns the whole link. */
export function writeShareFragment(fragment: string): string {
  const url = withFragment(location.href, fragment);
  history.replaceState(history.state, "", url);
  return url;
}

/** Once the input changes, the link in the address bar no longer shows it, and a reload must not bring it back. */
export function clearShareFragment(): void {
  if (shareFragmentOf(location.href) === undefined) return;
  history.replaceState(history.state, "", withFragment(location.href, ""));
}
