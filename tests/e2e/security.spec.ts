import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { login } from "./support/auth";
import { createStatement, registerSimpleCase, writeSections } from "./support/cases";

// Request-wide policies of src/proxy.ts against the built server: a nonce-based CSP on
// every HTML page, and refusal of state-changing requests from another site.

const REQUIRED_DIRECTIVES = ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"];

/** Checks one HTML response's policy; returns its nonce. */
const expectNoncePolicy = (url: string, headers: Record<string, string>, html: string): string => {
  const policy = headers["content-security-policy"];
  expect(policy, `${url}: Content-Security-Policy`).toBeTruthy();
  const directives = policy!.split(";").map((directive) => directive.trim());
  for (const required of REQUIRED_DIRECTIVES) expect(directives, `${url}: ${required}`).toContain(required);
  const scriptSrc = directives.find((directive) => directive.startsWith("script-src "));
  expect(scriptSrc, `${url}: script-src`).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc!)![1]!;
  // Every script in the page carries the nonce (or it would not run).
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length, `${url}: scripts`).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag, `${url}: ${tag}`).toContain(`nonce="${nonce}"`);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Served over http here: no HSTS (it is sent only when NEXTAUTH_URL is https, see src/proxy.test.ts).
  expect(headers["strict-transport-security"]).toBeUndefined();
  return nonce;
};

/** Follows same-site links from `start` (GET, no JavaScript) and checks every HTML page found. */
const crawl = async (request: APIRequestContext, start: string[], limit: number): Promise<string[]> => {
  const seen = new Set<string>(start);
  const queue = [...start];
  const checked: string[] = [];
  while (queue.length > 0 && checked.length < limit) {
    const path = queue.shift()!;
    const response = await request.get(path);
    const headers = response.headers();
    if (!headers["content-type"]?.startsWith("text/html")) continue;
    const html = await response.text();
    const nonce = expectNoncePolicy(path, headers, html);
    if (checked.length < 3) {
      // A fresh nonce for every response.
      const again = await request.get(path);
      expect(expectNoncePolicy(path, again.headers(), await again.text())).not.toBe(nonce);
    }
    checked.push(path);
    for (const [, href] of html.matchAll(/<a\b[^>]*\bhref="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, "&");
      if (link.startsWith("/api/") || seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
  return checked;
};

test.describe("Content-Security-Policy", () => {
  test("public pages and the 404 page carry a nonce policy", async ({ request }) => {
    for (const path of ["/logga-in", "/stockholm/offentligt-diarium", "/verifiera", "/tillganglighet", "/finns-inte-alls"]) {
      const response = await request.get(path);
      expectNoncePolicy(path, response.headers(), await response.text());
    }
  });

  for (const username of ["clas.cederlid", "sekreterare", "admin"]) {
    test(`every page ${username} can reach carries a fresh nonce policy`, async ({ page }) => {
      test.setTimeout(120_000);
      await login(page, username);
      const checked = await crawl(page.request, ["/"], 60);
      expect(checked.length).toBeGreaterThan(5);
    });
  }

  test("the app runs under the policy without violations, the editor included", async ({ browser }) => {
    test.setTimeout(120_000);
    const violations: string[] = [];
    const watchedPage = async (username: string) => {
      const page = await (await browser.newContext()).newPage();
      page.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
      });
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`));
      });
      await login(page, username);
      return page;
    };
    const registrar = await watchedPage("registrator");
    const caseId = await registerSimpleCase(registrar, `CSP-prov ${Date.now()}`);
    const officer = await watchedPage("clas.cederlid");
    await officer.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Diarium" }).click();
    await expect(officer.getByRole("heading", { level: 1 })).toBeVisible();
    await createStatement(officer, caseId);
    // The editor (tiptap) loads, takes text and saves it through a server action.
    await writeSections(officer, ["sammanfattning"], "Skrivet under en strikt Content-Security-Policy.");
    await officer.getByRole("link", { name: "Förhandsgranska" }).first().click();
    await expect(officer.getByText("Skrivet under en strikt Content-Security-Policy.")).toBeVisible();
    expect(violations).toEqual([]);
  });
});

/** Submits a new KLASSA class in the browser and returns the server action request it made. */
const captureCreateClassAction = async (page: Page, code: string) => {
  await page.goto("/admin/klassning");
  const newClass = page.getByRole("region", { name: "Ny klass" });
  await newClass.getByLabel(/^Kod/).fill(code);
  await newClass.getByLabel(/^Rubrik/).fill("CSRF-prov");
  const [request] = await Promise.all([
    page.waitForRequest((candidate) => candidate.method() === "POST" && Boolean(candidate.headers()["next-action"])),
    newClass.getByRole("button", { name: "Lägg till klass" }).click(),
  ]);
  await expect(newClass.getByRole("status")).toHaveText("Klassen är tillagd.");
  return request;
};

test.describe("cross-site requests", () => {
  test("a server action replayed with a foreign or null Origin is refused and changes nothing", async ({ page, baseURL }) => {
    test.setTimeout(90_000);
    await login(page, "admin");
    const suffix = Date.now() % 100_000;
    const original = `8.${suffix}.1`;
    const captured = await captureCreateClassAction(page, original);
    const headers = captured.headers();
    const replay = (code: string, origin: string) =>
      page.request.fetch(captured.url(), {
        method: "POST",
        headers: { "content-type": headers["content-type"]!, "next-action": headers["next-action"]!, accept: "text/x-component", origin },
        data: Buffer.from(captured.postDataBuffer()!.toString("latin1").replace(original, code), "latin1"),
      });

    for (const [code, origin] of [[`8.${suffix}.2`, "https://evil.test"], [`8.${suffix}.3`, "null"]] as const) {
      const response = await replay(code, origin);
      expect(response.status()).toBe(403);
      expect(await response.json()).toEqual({ ok: false, error: "Förfrågan kom inte från Yttra och avvisades." });
    }
    // The same replay from the site itself works: the refusal above is the Origin's doing.
    expect((await replay(`8.${suffix}.4`, new URL(baseURL!).origin)).status()).toBe(200);

    await page.goto("/admin/klassning");
    await expect(page.getByRole("rowheader", { name: `8.${suffix}.4`, exact: true })).toBeVisible();
    for (const refused of [`8.${suffix}.2`, `8.${suffix}.3`]) await expect(page.getByRole("rowheader", { name: refused, exact: true })).toHaveCount(0);
  });

  test("route handlers refuse state-changing requests from another site", async ({ request }) => {
    for (const [method, path, origin] of [
      ["POST", "/api/filer", "https://evil.test"],
      ["POST", "/api/auth/signout", "null"],
      ["PUT", "/api/export/statement/00000000-0000-7000-8000-000000000000", "https://evil.test"],
      ["DELETE", "/api/health", "https://evil.test"],
    ] as const) {
      const response = await request.fetch(path, { method, headers: { origin }, data: "x" });
      expect(response.status(), `${method} ${path}`).toBe(403);
    }
  });
});

test.describe("redirect after login", () => {
  test("a callbackUrl with a control character (/%09/evil.test) is refused before any page, and nothing leaves the site", async ({ page, baseURL }) => {
    // The proxy's URL check refuses control characters in every query with a Swedish 400;
    // safeRedirectPath would drop the target too (src/lib/safe-redirect.test.ts).
    const response = await page.goto("/logga-in?callbackUrl=/%09/evil.test");
    expect(response?.status()).toBe(400);
    await expect(page.getByText(/otillåtna tecken/)).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  for (const callbackUrl of ["/%5Cevil.test", "//evil.test", "http://evil.test", "/%5C/evil.test"]) {
    test(`stays on the site for callbackUrl=${callbackUrl}`, async ({ page, baseURL }) => {
      await page.goto(`/logga-in?callbackUrl=${callbackUrl}`);
      await page.getByLabel("Användarnamn", { exact: true }).fill("registrator");
      await page.getByLabel("Lösenord", { exact: true }).fill("demo");
      await page.getByRole("button", { name: "Logga in", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Mina ärenden" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
      // Signed in already: the login page redirects at once, also on the server.
      await page.goto(`/logga-in?callbackUrl=${callbackUrl}`);
      await expect(page.getByRole("heading", { name: "Mina ärenden" })).toBeVisible();
      expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    });
  }
});
