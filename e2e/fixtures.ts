import { type BrowserContext, test as base, expect, type Page } from "@playwright/test";

/**
 * Every e2e test proves the privacy promises as a side effect: it fails on any request that leaves the page's
 * origin, any CSP (or Trusted Types) violation, any uncaught page error and any console error.
 */

declare global {
  interface Window {
    __certflowViolations?: string[];
  }
}

export interface Guard {
  /** Everything that went wrong so far in the guarded context, including CSP violations still inside its pages. */
  problems(): Promise<string[]>;
  /**
   * For tests that provoke a problem on purpose (a blocked payload): problems matching `pattern` are expected, and
   * the test fails if none occurs.
   */
  expectProblem(pattern: RegExp): void;
}

function allowed(url: string, origin: string): boolean {
  if (url.startsWith("data:") || url.startsWith("blob:")) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Watches one browser context; tests that open more contexts (a fresh profile) guard those too. */
export async function guardContext(context: BrowserContext, origin: string): Promise<Guard> {
  const problems: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (allowed(url, origin)) return route.fallback();
    problems.push(`request to another origin: ${url}`);
    return route.abort("blockedbyclient");
  });
  // Requests the route cannot see (a service worker's, say) still show up here.
  context.on("request", (request) => {
    if (!allowed(request.url(), origin)) problems.push(`request to another origin: ${request.url()}`);
  });
  await context.addInitScript(() => {
    const violations: string[] = [];
    window.__certflowViolations = violations;
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const watchPage = (page: Page) => {
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
  };
  for (const page of context.pages()) watchPage(page);
  context.on("page", watchPage);

  const expected: RegExp[] = [];
  return {
    expectProblem(pattern) {
      expected.push(pattern);
    },
    async problems() {
      const violations: string[] = [];
      for (const page of context.pages()) {
        if (page.isClosed()) continue;
        const found = await page.evaluate(() => window.__certflowViolations ?? []).catch(() => []);
        violations.push(...found.map((v) => `CSP violation: ${v}`));
      }
      const all = [...new Set([...problems, ...violations])];
      const missing = expected.filter((pattern) => !all.some((problem) => pattern.test(problem)));
      return [
        ...all.filter((problem) => !expected.some((pattern) => pattern.test(problem))),
        ...missing.map((pattern) => `expected problem did not occur: ${pattern}`),
      ];
    },
  };
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context, baseURL }, use) => {
      if (baseURL === undefined) throw new Error("playwright.config.ts must set use.baseURL");
      const guard = await guardContext(context, new URL(baseURL).origin);
      await use(guard);
      expect(await guard.problems(), "requests to other origins, CSP violations or page errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
