import { readdirSync, readFileSync } from "node:fs";

/** The real pastes from ../shared/samples, copied into the repo as fixtures. */
const dir = new URL("./__fixtures__/", import.meta.url);

export function fixture(name: string): string {
  return readFileSync(new URL(name, dir), "utf8");
}

export function fixtureNames(): string[] {
  return readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort();
}
