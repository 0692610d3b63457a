import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { MAX_SHARE_BYTES } from "../src/limits";
import { toBase64Url } from "../src/share/base64url";
import { deflateShare } from "../src/share/codec";
import { inputChecksum, makeEnvelope, type ShareInput } from "../src/share/envelope";
import { expect, test } from "./fixtures";

/**
 * An XSS corpus in every place pasted or shared text reaches the page: certificate subjects, issuers and domains,
 * connector names, TlsCertificateName values, FQDNs, event text, share-link fields and file names. Nothing may run
 * (every payload would set `window.__pwned`, open a dialog or break the CSP, and the guard fails the test on any CSP
 * or Trusted Types violation), and every payload must be on the page as the literal text that was pasted.
 */

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const AS_OF = "2025-06-01";
const story = readFileSync(new URL("../src/__stories__/stale-tlsname-after-renewal.txt", import.meta.url), "utf8");
const event12014 = readFileSync(
  new URL("../src/parse/__fixtures__/09-event-12014-fet-tlscertname-old-cert-removed.txt", import.meta.url),
  "utf8",
);

/** `TAG` becomes the payload's name and the field it sits in, so each placement is looked for on its own. */
const PAYLOADS: Readonly<Record<string, string>> = {
  img: `<img src=x onerror="window.__pwned='TAG'">`,
  script: `"><script>window.__pwned="TAG"</script>`,
  "javascript-url": `javascript:window.__pwned="TAG"`,
  template: `{{constructor.constructor("window.__pwned='TAG'")()}}`,
  // A JavaScript template placeholder, as text.
  "template-literal": "$" + "{window.__pwned='TAG'}",
  svg: `<svg onload="window.__pwned='TAG'"><circle r=9 /></svg>`,
  mathml: `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='TAG'">`,
  textarea: `</textarea><img src=x onerror="window.__pwned='TAG'">`,
  iframe: `<iframe srcdoc="<script>parent.__pwned='TAG'</script>"></iframe>`,
  link: `<a href="javascript:window.__pwned='TAG'">TAG</a>`,
  style: "<style>@import url(//evil.invalid/TAG.css)</style>",
  rtl: `\u202e<b onmouseover="window.__pwned='TAG'">gnp.TAG.exe</b>\u202c`,
};

const DIGICERT = "CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US";
const STALE_TLS_NAME = "<I>CN=GeoTrust TLS RSA CA G1";

type Field = "subject" | "issuer" | "connector" | "tlsname" | "fqdn" | "event" | "domain";

/**
 * The stale-TlsCertificateName story with the payload in the self-signed certificate's subject, the renewed
 * certificate's issuer (shown in the fix command built from it), the connector's name and Fqdn; then in the connector's
 * TlsCertificateName and an event 12014 naming the connector; then among the renewed certificate's domains, which a
 * connector whose Fqdn that certificate does not cover lists in its finding. Separate pastes, so that a payload
 * that breaks one value (a quote in a TlsCertificateName) cannot hide the verdict another placement is shown in.
 */
function pastes(payload: (field: Field) => string): { text: string; fields: Field[] }[] {
  const names = story
    .replace("Subject            : CN=EX01\n", `Subject            : CN=EX01 ${payload("subject")}\n`)
    .replace(`Issuer             : ${DIGICERT}`, `Issuer             : ${DIGICERT} ${payload("issuer")}`)
    .replaceAll("Default Frontend EX01", `Default Frontend ${payload("connector")}`)
    .replace("Fqdn                  : EX01.contoso.local", `Fqdn                  : ${payload("fqdn")}`);
  const tlsNameAndEvent = `${story.replace(
    `TlsCertificateName    : ${STALE_TLS_NAME}`,
    `TlsCertificateName    : ${STALE_TLS_NAME} ${payload("tlsname")}`,
  )}

${event12014
  .replace("<Receive Connector Name>", `Frontend ${payload("event")}`)
  .replaceAll("<I><Cert Issuer Details><S><Cert Subject Details>", "mail.contoso.com")}`;
  const domains = story
    .replace(
      "{mail.contoso.com, autodiscover.contoso.com}",
      `{mail.contoso.com, autodiscover.contoso.com, ${payload("domain")}}`,
    )
    .replace("Fqdn                  : EX01.contoso.local", "Fqdn                  : relay.fabrikam.com")
    .replace(
      `TlsCertificateName    : ${STALE_TLS_NAME}, OU=www.digicert.com, O=DigiCert Inc, C=US`,
      `TlsCertificateName    : <I>${DIGICERT}`,
    );
  return [
    { text: names, fields: ["subject", "issuer", "connector", "fqdn"] },
    { text: tlsNameAndEvent, fields: ["tlsname", "event"] },
    { text: domains, fields: ["domain"] },
  ];
}

/** Fails on any dialog; tests read the list at the end. */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return dialogs;
}

/** Nothing ran and nothing the payloads would add is in the document. */
async function expectNothingRan(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toEqual([]);
  const injected = await page.evaluate(() => ({
    handlers: document.querySelectorAll("[onerror],[onload],[onmouseover],[onclick],[srcdoc]").length,
    frames: document.querySelectorAll("iframe, object, embed").length,
    inlineScripts: [...document.scripts].filter((s) => s.src === "").length,
    scriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
    styles: document.querySelectorAll("body style").length,
    polluted: Object.keys(Object.prototype).length,
  }));
  expect(injected).toEqual({ handlers: 0, frames: 0, inlineScripts: 0, scriptLinks: 0, styles: 0, polluted: 0 });
}

/** Text of the page as a reader sees it, without the paste box (which holds every payload by design). */
async function shownText(page: Page): Promise<string> {
  const hide = (display: string) =>
    page.evaluate((value) => {
      for (const box of document.querySelectorAll("textarea")) box.style.display = value;
    }, display);
  await hide("none");
  // biome-ignore lint/performance/useDomNodeTextContent: what a reader sees is the rendered text, not textContent.
  const text = await page.locator("body").innerText();
  await hide("");
  return text;
}

const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Literal; or inside a PowerShell single-quoted string (quotes doubled) in a fix command; or, in text the artifact
 * readers normalise (event text), without its invisible bidi controls.
 */
function shownLiterally(shown: string, value: string): boolean {
  return [value, value.replaceAll("'", "''"), value.replace(BIDI_CONTROLS, "")].some((form) => shown.includes(form));
}

/**
 * Event text written over with `<Name>` tokens is how people anonymise it (fixtures 09 and 29), so the event reader
 * takes a value holding one for a placeholder and does not repeat it.
 */
const PLACEHOLDER_TOKEN = /<[A-Za-z][A-Za-z0-9 ._'-]{0,80}>/;

function mustShow(field: Field, value: string): boolean {
  return field !== "event" || !PLACEHOLDER_TOKEN.test(value);
}

/** Emptying the box first clears the last report, so the "Read …" line waited for belongs to this paste. */
async function pasteAndWait(page: Page, text: string): Promise<void> {
  const box = page.getByLabel("PowerShell output");
  const done = page.getByText(/^Read \d+ blocks?;/);
  await box.fill("");
  await expect(done).toHaveCount(0);
  await box.fill(text);
  await expect(done).toBeVisible();
}

for (const [name, template] of Object.entries(PAYLOADS)) {
  test(`the ${name} payload stays text in every field it is pasted into`, async ({ page }) => {
    const dialogs = watchDialogs(page);
    await page.goto("./");
    await page.getByLabel("As of").fill(AS_OF);
    const payload = (field: Field) => template.replaceAll("TAG", `${name}/${field}`);
    for (const { text, fields } of pastes(payload)) {
      await pasteAndWait(page, text);
      await page.getByRole("figure").first().locator('g[role="button"]').first().click();
      const shown = await shownText(page);
      for (const field of fields.filter((f) => mustShow(f, payload(f)))) {
        expect(shownLiterally(shown, payload(field)), `${name} in the ${field}`).toBe(true);
      }
      await expectNothingRan(page, dialogs);
    }
  });
}

test("share-link fields: payloads in the text and the server name come back as text", async ({ page }) => {
  const dialogs = watchDialogs(page);
  const server = PAYLOADS.img?.replaceAll("TAG", "server") ?? "";
  const text = `Thumbprint         : 5E4325D6195B5E2932EAE402F515172DC827D083\nSubject            : CN=${PAYLOADS.svg?.replaceAll("TAG", "share-text")}\nServices           : IIS, SMTP`;
  const fragment = (await deflateShare({ text, asOf: AS_OF, server })).fragment();
  await page.goto(`./${fragment}`);
  await expect(page.getByLabel("PowerShell output")).toHaveValue(text);
  await expect(page.getByLabel("Server name (for output that names none)")).toHaveValue(server);
  await expect(page.getByRole("table", { name: `Certificates on ${server}` })).toBeVisible();
  const shown = await shownText(page);
  expect(shown).toContain(server);
  expect(shown).toContain(PAYLOADS.svg?.replaceAll("TAG", "share-text"));
  await expectNothingRan(page, dialogs);
});

/** A fragment from a hand-made envelope, as an attacker would craft it (the codec only writes well-formed ones). */
async function craftedFragment(json: string): Promise<string> {
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return `#v1.${toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()))}`;
}

test("a crafted link with payloads in unknown fields and a __proto__ key loads only its input", async ({ page }) => {
  const dialogs = watchDialogs(page);
  const input: ShareInput = { text: `Subject : CN=${PAYLOADS.img?.replaceAll("TAG", "crafted")}`, asOf: AS_OF };
  const json = JSON.stringify({ ...makeEnvelope(input), html: PAYLOADS.script }).replace(
    '"v":1',
    `"__proto__":{"polluted":${JSON.stringify(PAYLOADS.svg)}},"v":1`,
  );
  await page.goto(`./${await craftedFragment(json)}`);
  await expect(page.getByLabel("PowerShell output")).toHaveValue(input.text);
  await expect(page.getByText(/^Read \d+ blocks?;/)).toBeVisible();
  await expectNothingRan(page, dialogs);
});

test("a crafted link with a payload as its date is refused without echoing it", async ({ page }) => {
  const dialogs = watchDialogs(page);
  const input = { text: "x", asOf: `${AS_OF}${PAYLOADS.img?.replaceAll("TAG", "date")}` };
  await page.goto(`./${await craftedFragment(JSON.stringify({ v: 1, input, sum: inputChecksum(input) }))}`);
  await expect(page.getByRole("alert")).toContainText("Nothing was loaded.");
  await expect(page.getByRole("alert")).not.toContainText("<img");
  await expect(page.getByLabel("PowerShell output")).toHaveValue("");
  await expectNothingRan(page, dialogs);
});

test("a link that would unpack beyond the share limit is refused before it is unpacked further", async ({ page }) => {
  const bomb = `{"v":1,"input":{"text":"${"A".repeat(MAX_SHARE_BYTES)}"}}`;
  const fragment = await craftedFragment(bomb);
  expect(fragment.length).toBeLessThan(MAX_SHARE_BYTES / 100);
  await page.goto(`./${fragment}`);
  await expect(page.getByRole("alert")).toContainText(
    `This share link unpacks to more than ${MAX_SHARE_BYTES / 1024 / 1024} MB, which certflow does not open. Nothing was loaded.`,
  );
  await expect(page.getByLabel("PowerShell output")).toHaveValue("");
});

test("file names: a .certflow file and a dropped text file named like payloads are opened as data", async ({
  page,
}) => {
  const dialogs = watchDialogs(page);
  await page.goto("./");
  const text = `Subject : CN=${PAYLOADS.textarea?.replaceAll("TAG", "file")}`;
  const name = `${PAYLOADS.img?.replaceAll("TAG", "file-name")}.certflow`;
  await page.getByLabel("Open .certflow file").setInputFiles({
    name,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(makeEnvelope({ text, asOf: AS_OF }))),
  });
  await expect(page.getByLabel("PowerShell output")).toHaveValue(text);
  await expectNothingRan(page, dialogs);

  const dropped = story.replace(
    "Subject            : CN=EX01\n",
    `Subject            : CN=${PAYLOADS.mathml?.replaceAll("TAG", "drop")}\n`,
  );
  const transfer = await page.evaluateHandle(
    ([content, fileName]) => {
      const data = new DataTransfer();
      data.items.add(new File([content], fileName, { type: "text/plain" }));
      return data;
    },
    [dropped, `${PAYLOADS.rtl?.replaceAll("TAG", "drop-name")}.txt`] as const,
  );
  await page.getByLabel("PowerShell output").dispatchEvent("drop", { dataTransfer: transfer });
  await expect(page.getByLabel("PowerShell output")).toHaveValue(dropped);
  // The .certflow file's result stays on screen until the dropped text's analysis lands: wait for the new one.
  await expect.poll(() => shownText(page)).toContain(PAYLOADS.mathml?.replaceAll("TAG", "drop"));
  await expectNothingRan(page, dialogs);
});
