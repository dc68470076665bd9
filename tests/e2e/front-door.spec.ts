// The public front door: the login page leads the public to the public diarium, the
// verification page and the tillgänglighetsredogörelse (which the law, DOS-lagen, requires
// and which every public page links in its footer); every page has a favicon.
import { expect, test } from "@playwright/test";
import { login } from "./support/auth";
import { throughMunicipalityChoice } from "./support/public";

// The public diarium's link is the unprefixed address: it leads to the municipality's own (/stockholm/…).
const PUBLIC_LINKS = [
  { name: "Offentligt diarium", href: "/offentligt-diarium", url: "/stockholm/offentligt-diarium", heading: "Offentligt diarium" },
  { name: "Verifiera ett dokument", href: "/verifiera", url: "/verifiera", heading: "Verifiera ett attesterat dokument" },
  { name: "Tillgänglighetsredogörelse", href: "/tillganglighet", url: "/tillganglighet", heading: "Tillgänglighetsredogörelse för Yttra" },
] as const;

const REFERENCE_CASE_ID = "00000000-0000-7000-8000-000000002001";

test("the login page links to the public diarium, the verification page and the accessibility statement", async ({ page }) => {
  for (const link of PUBLIC_LINKS) {
    await page.goto("/logga-in");
    const anchor = page.getByRole("navigation", { name: "Offentliga sidor" }).getByRole("link", { name: link.name });
    await expect(anchor).toHaveAttribute("href", link.href);
    await anchor.click();
    await throughMunicipalityChoice(page, link.heading);
    await expect(page).toHaveURL(link.url);
  }
});

test("every public page and the signed-in pages link the accessibility statement in their footer", async ({ page }) => {
  for (const path of ["/stockholm/offentligt-diarium", "/verifiera", "/tillganglighet"]) {
    await page.goto(path);
    await expect(page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" }), path).toHaveAttribute("href", "/tillganglighet");
  }
  await login(page, "clas.cederlid");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "Tillgänglighetsredogörelse" })).toHaveAttribute("href", "/tillganglighet");
});

test("the accessibility statement says what DOS-lagen and Digg's model require", async ({ page }) => {
  const response = await page.goto("/tillganglighet");
  expect(response?.status()).toBe(200);
  const main = page.getByRole("main");
  // Which law, and the compliance status in the law's own words.
  await expect(main).toContainText("lagen (2018:1937) om tillgänglighet till digital offentlig service");
  await expect(page.getByTestId("compliance-status")).toHaveText(/delvis förenlig/);
  // Known gaps, listed.
  await expect(main.getByRole("heading", { name: "Innehåll som inte är tillgängligt" })).toBeVisible();
  expect(await main.locator("#brister + p + ul > li").count()).toBeGreaterThan(3);
  // How to report inaccessibility, and enforcement by Digg with its report form.
  await expect(main.getByRole("heading", { name: "Rapportera brister i webbplatsens tillgänglighet" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Anmäl bristande tillgänglighet hos Digg" })).toHaveAttribute("href", "https://www.digg.se/tdosanmalan");
  // How it was tested, and when.
  await expect(main.getByRole("heading", { name: "Hur vi testat webbplatsen" })).toBeVisible();
  await expect(main).toContainText("självskattning");
  await expect(main.locator("time")).toHaveCount(2);
  for (const time of await main.locator("time").all()) await expect(time).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}$/);
});

test("the favicon is served, and every page's icon link resolves", async ({ page, request }) => {
  test.setTimeout(90_000);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/^image\//);

  const failed: string[] = [];
  page.on("response", (response) => {
    if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
  });
  const iconsOf = async (path: string) => {
    await page.goto(path);
    const hrefs = await page.locator('head link[rel~="icon"]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(hrefs.length, `${path} has an icon link`).toBeGreaterThan(0);
    for (const href of hrefs) expect((await request.get(href)).status(), href).toBe(200);
  };
  for (const path of ["/logga-in", "/stockholm/offentligt-diarium", "/verifiera", "/tillganglighet"]) await iconsOf(path);
  await login(page, "clas.cederlid");
  await iconsOf("/");
  expect(failed, "responses with an error status while loading the pages").toEqual([]);
});

test("the director's title reads the same in the header as in the statement he attested", async ({ page }) => {
  await login(page, "lee.orberson");
  const roles = await page.getByTestId("current-roles").textContent();
  const headerTitle = roles!.split(",")[0]!.trim();
  expect(headerTitle).toBe("Stadsdelsdirektör");
  await page.goto(`/arenden/${REFERENCE_CASE_ID}/tjansteutlatande/forhandsgranska`);
  await expect(page.getByRole("main")).toContainText(`Lee Orberson, ${headerTitle.toLocaleLowerCase("sv-SE")}`);
});
