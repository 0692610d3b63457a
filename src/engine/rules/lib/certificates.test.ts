import { describe, expect, it } from "vitest";
import { emptyInventory } from "../../../model/inventory";
import { makeCert, thumb } from "../../../model/test-builders";
import { ruleContext } from "../../context";
import { sourcesOf, withThumbprint } from "./certificates";

const at = (line: number) => ({ block: 0, startLine: line, endLine: line });

describe("sourcesOf", () => {
  // One certificate printed twice on EX01 (a table row and its `| fl` record), a record whose thumbprint the
  // console cut, one without a thumbprint, and the same thumbprint on EX02.
  const listed = makeCert({ thumbprint: thumb("A1"), source: at(1) });
  const row = makeCert({ thumbprint: thumb("A1"), source: at(10) });
  const cut = makeCert({ thumbprint: thumb("A1"), truncated: ["thumbprint"], source: at(20) });
  const bare = makeCert({ thumbprint: undefined, source: at(30) });
  const elsewhere = makeCert({ server: "EX02", thumbprint: thumb("A1"), source: at(40) });
  const ctx = ruleContext(
    { ...emptyInventory(), certificates: [listed, row, cut, bare, elsewhere] },
    [],
    new Date("2026-01-15T00:00:00Z"),
    [],
  );

  it("gives every record of the server with the same whole thumbprint, in the paste's order", () => {
    expect(sourcesOf(ctx, row)).toEqual([at(1), at(10)]);
  });

  it("gives a record with a cut thumbprint its own lines and those of the whole ones it may be", () => {
    expect(sourcesOf(ctx, cut)).toEqual([at(1), at(10), at(20)]);
  });

  it("gives a record without a thumbprint only its own lines", () => {
    expect(sourcesOf(ctx, bare)).toEqual([at(30)]);
    expect(sourcesOf(ctx, elsewhere)).toEqual([at(40)]);
  });
});

describe("withThumbprint", () => {
  it("groups a list by thumbprint in its order, leaves out certificates without one, and is built once per list", () => {
    const a = makeCert({ thumbprint: thumb("A1") });
    const b = makeCert({ thumbprint: thumb("B2") });
    const c = makeCert({ thumbprint: thumb("A1"), server: "EX02" });
    const list = [a, b, makeCert({ thumbprint: undefined }), c];
    const index = withThumbprint(list);
    expect([...index.entries()]).toEqual([
      [thumb("A1"), [a, c]],
      [thumb("B2"), [b]],
    ]);
    expect(withThumbprint(list)).toBe(index);
  });
});
