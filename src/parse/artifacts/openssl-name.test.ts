import { describe, expect, it } from "vitest";
import { opensslNameToWindows } from "./openssl-name";

describe("opensslNameToWindows", () => {
  it.each([
    ["/DC=com/DC=contoso/DC=int/CN=Contoso Subordinate CA", "CN=Contoso Subordinate CA, DC=int, DC=contoso, DC=com"],
    ["/CN=exchange01.int.contoso.com", "CN=exchange01.int.contoso.com"],
    [
      "DC = com, DC = contoso, DC = int, CN = Contoso Subordinate CA",
      "CN=Contoso Subordinate CA, DC=int, DC=contoso, DC=com",
    ],
    [
      "C = US, ST = Washington, O = Contoso\\, Ltd, CN = mail.contoso.com",
      'CN=mail.contoso.com, O="Contoso, Ltd", S=Washington, C=US',
    ],
    ["CN=mail.contoso.com,O=Contoso,ST=WA,C=US", "CN=mail.contoso.com, O=Contoso, S=WA, C=US"],
    ['CN=mail.contoso.com, O="Contoso, Ltd", C=US', 'CN=mail.contoso.com, O="Contoso, Ltd", C=US'],
    ["/C=US/emailAddress=a@b.c/CN=x", "CN=x, E=a@b.c, C=US"],
    ["not a name", "not a name"],
  ])("%s", (openssl, windows) => {
    expect(opensslNameToWindows(openssl)).toBe(windows);
  });
});
