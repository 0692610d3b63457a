import type { SourceSpan } from "../../model/source";
import type { MapContext } from "./context";
import type { Fields } from "./fields";

export function spanOf(f: Fields, ctx: MapContext): SourceSpan {
  return { block: ctx.block, startLine: f.record.startLine, endLine: f.record.endLine };
}
