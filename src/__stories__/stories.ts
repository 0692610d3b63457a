import { readFileSync } from "node:fs";

/** The composed console sessions of this folder, for tests. */
export function story(name: string): string {
  return readFileSync(new URL(`./${name}.txt`, import.meta.url), "utf8");
}
