import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileBytes, integer, NULL, names, SWITCH, str, strs, thumb, variable } from "./command";
import { literal, renderAssignment, renderPowerShell } from "./powershell";

/**
 * A reader of exactly the PowerShell subset the renderer emits: single-quoted
 * literals (doubled quotes, typographic quotes included), `[char]N` and `+`
 * inside parentheses. Anything else is an error — which is the point: a value
 * must never produce code.
 */
function evaluate(expr: string): string {
  const readLiteral = (s: string, i: number): [string, number] => {
    let out = "";
    let j = i + 1;
    while (j < s.length) {
      const c = s.charAt(j);
      if ("'‘’‚‛".includes(c)) {
        const next = s.charAt(j + 1);
        if (next !== "" && "'‘’‚‛".includes(next)) {
          out += c;
          j += 2;
          continue;
        }
        return [out, j + 1];
      }
      out += c;
      j++;
    }
    throw new Error("unterminated literal");
  };
  if (expr.startsWith("'")) {
    const [value, end] = readLiteral(expr, 0);
    if (end !== expr.length) throw new Error(`code after literal: ${expr.slice(end)}`);
    return value;
  }
  if (!expr.startsWith("(") || !expr.endsWith(")")) throw new Error(`not a literal: ${expr}`);
  const body = expr.slice(1, -1);
  let i = 0;
  let out = "";
  while (i < body.length) {
    if (body.startsWith("'", i) || "‘’‚‛".includes(body.charAt(i))) {
      const [v, end] = readLiteral(body, i);
      out += v;
      i = end;
    } else {
      const m = /^\[char\](\d+)/.exec(body.slice(i));
      if (!m?.[1]) throw new Error(`unexpected code: ${body.slice(i)}`);
      out += String.fromCodePoint(Number(m[1]));
      i += m[0].length;
    }
    if (i < body.length) {
      if (!body.startsWith(" + ", i)) throw new Error(`unexpected code: ${body.slice(i)}`);
      i += 3;
    }
  }
  return out;
}

describe("renderPowerShell", () => {
  it("renders the fix of KB 3058190 exactly", () => {
    expect(
      renderPowerShell({
        cmdlet: "Enable-ExchangeCertificate",
        parameters: [
          ["Server", str("EXHYB01")],
          ["Thumbprint", thumb("4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E")],
          ["Services", names("SMTP")],
        ],
      }),
    ).toBe(
      "Enable-ExchangeCertificate -Server 'EXHYB01' -Thumbprint 4F3E2D1C0B9A8F7E6D5C4B3A2F1E0D9C8B7A6F5E -Services SMTP",
    );
  });

  it("quotes an identity and a TlsCertificateName with an apostrophe in the issuer", () => {
    expect(
      renderPowerShell({
        cmdlet: "Set-ReceiveConnector",
        identity: "EX02\\Client Frontend EX02",
        parameters: [["TlsCertificateName", str("<I>CN=R11, O=Let's Encrypt, C=US<S>CN=*.northwind.com")]],
      }),
    ).toBe(
      "Set-ReceiveConnector 'EX02\\Client Frontend EX02' -TlsCertificateName '<I>CN=R11, O=Let''s Encrypt, C=US<S>CN=*.northwind.com'",
    );
  });

  it("clears with $null and passes switches", () => {
    expect(
      renderPowerShell({
        cmdlet: "Set-SendConnector",
        identity: "Outbound",
        parameters: [
          ["TlsCertificateName", NULL],
          ["Confirm", SWITCH],
        ],
      }),
    ).toBe("Set-SendConnector 'Outbound' -TlsCertificateName $null -Confirm");
  });

  it("passes variables the admin defines, and assigns a command's output to one", () => {
    expect(renderAssignment("SuccessorPfxPath", "<fill in: the path of the .pfx file>")).toBe(
      "$SuccessorPfxPath = '<fill in: the path of the .pfx file>'",
    );
    expect(
      renderPowerShell({
        cmdlet: "Read-Host",
        parameters: [
          ["AsSecureString", SWITCH],
          ["Prompt", str("Password of the successor's .pfx file")],
        ],
        assignTo: "SuccessorPfxPassword",
      }),
    ).toBe("$SuccessorPfxPassword = Read-Host -AsSecureString -Prompt 'Password of the successor''s .pfx file'");
    expect(
      renderPowerShell({
        cmdlet: "Import-ExchangeCertificate",
        parameters: [
          ["Server", str("EX01")],
          ["FileData", fileBytes("SuccessorPfxPath")],
          ["Password", variable("SuccessorPfxPassword")],
        ],
      }),
    ).toBe(
      "Import-ExchangeCertificate -Server 'EX01' -FileData ([System.IO.File]::ReadAllBytes($SuccessorPfxPath)) -Password $SuccessorPfxPassword",
    );
    expect(
      renderPowerShell({
        cmdlet: "Import-ExchangeCertificate",
        parameters: [["FileData", variable("Pfx", "FileData")]],
      }),
    ).toBe("Import-ExchangeCertificate -FileData $Pfx.FileData");
  });

  it("passes whole numbers and lists of strings, and refuses what is neither", () => {
    expect(
      renderPowerShell({
        cmdlet: "New-ExchangeCertificate",
        parameters: [
          ["DomainName", strs(["mail.contoso.com", "o'brien.contoso.com"])],
          ["KeySize", integer(2048)],
        ],
      }),
    ).toBe("New-ExchangeCertificate -DomainName 'mail.contoso.com','o''brien.contoso.com' -KeySize 2048");
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(() =>
        renderPowerShell({ cmdlet: "New-ExchangeCertificate", parameters: [["KeySize", integer(bad)]] }),
      ).toThrow();
    }
    expect(() =>
      renderPowerShell({ cmdlet: "New-ExchangeCertificate", parameters: [["DomainName", strs([])]] }),
    ).toThrow();
  });

  it("pipes a certificate into the cmdlet that renews it, quoting the piped command's values too", () => {
    expect(
      renderPowerShell({
        cmdlet: "Get-ExchangeCertificate",
        parameters: [
          ["Server", str("EX'01")],
          ["Thumbprint", thumb("7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F")],
        ],
        pipeTo: {
          cmdlet: "New-ExchangeCertificate",
          parameters: [
            ["Server", str("EX'01")],
            ["GenerateRequest", SWITCH],
            ["RequestFile", variable("RequestFile")],
          ],
        },
      }),
    ).toBe(
      "Get-ExchangeCertificate -Server 'EX''01' -Thumbprint 7E6F5A4B3C2D1E0F9A8B7C6D5E4F3A2B1C0D9E8F | New-ExchangeCertificate -Server 'EX''01' -GenerateRequest -RequestFile $RequestFile",
    );
    expect(() =>
      renderPowerShell({
        cmdlet: "Get-ExchangeCertificate",
        parameters: [],
        pipeTo: { cmdlet: "New-ExchangeCertificate", parameters: [["Bad name", SWITCH]] },
      }),
    ).toThrow();
  });

  it("refuses variable names that are not plain names", () => {
    for (const name of ["", "a b", "x;rm", "$x", "x)"]) {
      expect(() => renderAssignment(name, "v")).toThrow();
      expect(() =>
        renderPowerShell({ cmdlet: "Enable-ExchangeCertificate", parameters: [["Thumbprint", variable(name)]] }),
      ).toThrow();
      expect(() =>
        renderPowerShell({ cmdlet: "Import-ExchangeCertificate", parameters: [["FileData", fileBytes(name)]] }),
      ).toThrow();
      expect(() => renderPowerShell({ cmdlet: "Read-Host", parameters: [], assignTo: name })).toThrow();
      expect(() =>
        renderPowerShell({ cmdlet: "Import-ExchangeCertificate", parameters: [["FileData", variable("Pfx", name)]] }),
      ).toThrow();
    }
  });

  it("refuses a masked thumbprint and odd parameter names", () => {
    expect(() =>
      renderPowerShell({ cmdlet: "Enable-ExchangeCertificate", parameters: [["Thumbprint", thumb("ABC***")]] }),
    ).toThrow();
    expect(() => renderPowerShell({ cmdlet: "Get-ExchangeCertificate", parameters: [["X; rm", SWITCH]] })).toThrow();
  });

  it("keeps any pasted text inert and exact (property)", () => {
    const hostile = fc.string({
      unit: fc.oneof(
        fc.constantFrom(
          "'",
          "‘",
          "’",
          "‚",
          "‛",
          '"',
          "“",
          "`",
          "$",
          "(",
          ")",
          "{",
          "}",
          ";",
          "|",
          "&",
          "\n",
          "\r",
          "\u0000",
          "\u2028",
          "#",
          "<",
          ">",
          "@",
        ),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
      ),
      maxLength: 80,
    });
    fc.assert(
      fc.property(hostile, (value) => {
        expect(evaluate(literal(value))).toBe(value);
        const rendered = renderPowerShell({
          cmdlet: "Set-ReceiveConnector",
          identity: value,
          parameters: [["Fqdn", str(value)]],
        });
        const expected = `Set-ReceiveConnector ${literal(value)} -Fqdn ${literal(value)}`;
        expect(rendered).toBe(expected);
        expect(rendered.includes("\n")).toBe(false);
      }),
      { numRuns: 10_000 },
    );
  });
});
