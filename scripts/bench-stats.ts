/** The arithmetic of the benchmark, kept apart so it can be tested. */

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/**
 * Least-squares slope of log(y) over log(x): 1 means time grows linearly with size, 2 quadratically.
 * Needs at least two distinct sizes.
 */
export function logLogSlope(points: readonly { readonly x: number; readonly y: number }[]): number {
  if (points.length < 2) throw new Error("a slope needs at least two points");
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * ((ys[i] ?? 0) - my);
    den += (x - mx) ** 2;
  });
  if (den === 0) throw new Error("a slope needs at least two distinct sizes");
  return num / den;
}

export function megabytes(bytes: number): number {
  return bytes / 1_000_000;
}
