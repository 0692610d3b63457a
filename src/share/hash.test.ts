import { describe, expect, it } from "vitest";
import { shareFragmentOf, withFragment } from "./hash";

describe("shareFragmentOf", () => {
  it.each([
    { href: "https://tools.example/certflow/#v1.q1YqUrIyrAUA", fragment: "#v1.q1YqUrIyrAUA" },
    { href: "file:///C:/Tools/certflow.html#v1.AA", fragment: "#v1.AA" },
    { href: "http://127.0.0.1:4173/#v2.future", fragment: "#v2.future" },
    { href: "http://127.0.0.1:4173/#v1", fragment: "#v1" },
    { href: "http://127.0.0.1:4173/#v1.a#b", fragment: "#v1.a#b" },
    { href: "http://127.0.0.1:4173/", fragment: undefined },
    { href: "http://127.0.0.1:4173/#", fragment: undefined },
    { href: "http://127.0.0.1:4173/#findings", fragment: undefined },
    { href: "http://127.0.0.1:4173/?v1.x", fragment: undefined },
  ])("finds $fragment in $href", ({ href, fragment }) => {
    expect(shareFragmentOf(href)).toBe(fragment);
  });
});

describe("withFragment", () => {
  it.each([
    { href: "http://h/app/", fragment: "#v1.x", url: "http://h/app/#v1.x" },
    { href: "http://h/app/#v1.old", fragment: "#v1.new", url: "http://h/app/#v1.new" },
    { href: "http://h/app/?q=1#v1.old", fragment: "", url: "http://h/app/?q=1" },
  ])("puts $fragment on $href", ({ href, fragment, url }) => {
    expect(withFragment(href, fragment)).toBe(url);
  });
});
