export const CANDIDATES: readonly string[];
export const CHROMIUM_ARGS: readonly string[];
/** The Chromium binary to use (CHROMIUM_PATH, else the Debian/Ubuntu paths), or undefined when none is installed. */
export function findChromium(env?: Readonly<Record<string, string | undefined>>): string | undefined;
