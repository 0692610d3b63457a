import type { DateOrder } from "../../model/dates";

/** What a mapper knows beyond the record itself. */
export interface MapContext {
  readonly block: number;
  readonly dateOrder: DateOrder | undefined;
  /** Server named by the command echo (`-Server EX01`), if any. */
  readonly echoServer: string | undefined;
}
