import { describe, expect, it } from "vitest";
import { readCollection } from "./collection";

describe("readCollection", () => {
  it.each([
    ["{avalonelectrotech.local}", ["avalonelectrotech.local"], false],
    ["{MOS-MAIL, MOS-MAIL.avalonelectrotech.local}", ["MOS-MAIL", "MOS-MAIL.avalonelectrotech.local"], false],
    ["{}", [], false],
    ["  {[::]:25, 0.0.0.0:25}  ", ["[::]:25", "0.0.0.0:25"], false],
    [
      "{a.contoso.com, b.contoso.com, c.contoso.com, d.contoso.com...}",
      ["a.contoso.com", "b.contoso.com", "c.contoso.com", "d.contoso.com"],
      true,
    ],
    ["{a.contoso.com, b.contoso.com\u2026}", ["a.contoso.com", "b.contoso.com"], true],
    ["{a.contoso.com, b.contoso.com, ...}", ["a.contoso.com", "b.contoso.com"], true],
    ["{FreeBusy, MoveMailbox, SecureMai", ["FreeBusy", "MoveMailbox", "SecureMai"], true],
    [
      "Tls, Integrated, BasicAuth, BasicAuthRequireTLS, ExchangeServer",
      ["Tls", "Integrated", "BasicAuth", "BasicAuthRequireTLS", "ExchangeServer"],
      false,
    ],
    ["AnonymousUsers, ExchangeServers,", ["AnonymousUsers", "ExchangeServers"], false],
    ["mail.contoso.com", ["mail.contoso.com"], false],
    ["", [], false],
    ["{ , a ,, b }", ["a", "b"], false],
  ])("%j → %j (cut: %s)", (text, items, truncated) => {
    expect(readCollection(text)).toEqual({ items, truncated });
  });
});
