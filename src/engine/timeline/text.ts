/** The day of an instant, as the report and the flowcharts print dates: `2026-06-11`. */
export function dayText(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** A server in a sentence; a connector or certificate whose server the paste does not name says so. */
export function serverText(server: string | null): string {
  return server ?? "the server the paste does not name";
}
