export const INITIAL_BUDGET_KB: number;
export const ON_DEMAND_ONLY: readonly { readonly name: string; readonly marker: string }[];
export function gzipBytes(content: Buffer | string): number;
export interface ChunkReferences {
  readonly imports: string[];
  readonly dynamic: string[];
  readonly separate: string[];
}
export function chunkReferences(code: string): ChunkReferences;
export function htmlEntries(html: string): string[];
export interface Chunk extends ChunkReferences {
  readonly bytes: number;
  readonly gzip: number;
  /** Names from ON_DEMAND_ONLY whose marker the chunk holds. */
  readonly markers: string[];
}
export interface Build {
  readonly chunks: Map<string, Chunk>;
  readonly entries: string[];
}
export type Group = "initial" | "worker" | "on demand" | "unreferenced";
export function readBuild(dist: string): Build;
export function classify(build: Build): Map<string, Group>;
export function budgetVerdict(
  build: Build,
  groups: Map<string, Group>,
  budgetKb?: number,
): { readonly initialKb: number; readonly problems: string[] };
