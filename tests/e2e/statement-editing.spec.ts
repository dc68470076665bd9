// Drafting the tjänsteutlåtande in the browser: concurrent edits of one section end in the
// conflict view without losing either text; typing offline is saved once back online; and
// hostile content never runs in the preview. Works on an open demo case without a statement
// (the reference statement is attested and locked); each run types its own unique words.
import { randomBytes } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { login } from "./support/auth";

/** "Remiss från Länsstyrelsen" in the demo data: open, handled by clas.cederlid, no statement yet. */
const DRAFT_CASE_ID = "00000000-0000-7000-8000-000000002003";
const editorUrl = `/arenden/${DRAFT_CASE_ID}/tjansteutlatande`;

const token = (label: string) => `${label}${randomBytes(4).toString("hex")}`;

const openEditor = async (browser: Browser): Promise<{ context: BrowserContext; page: Page }> => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, "clas.cederlid");
  await page.goto(editorUrl);
  const create = page.getByRole("button", { name: "Skapa tjänsteutlåtande" });
  if (await create.isVisible()) await create.click();
  await expect(page.getByTestId("editor-sammanfattning")).toBeVisible();
  return { context, page };
};

/** Types at the very end of a section's text (a new paragraph). */
const typeAtEnd = async (page: Page, section: string, text: string) => {
  const editor = page.getByTestId(`editor-${section}`);
  await editor.click();
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
};

test.describe("tjänsteutlåtande", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a second save of the same section shows the conflict view and 'Behåll båda' keeps both texts", async ({ browser }) => {
    const first = await openEditor(browser);
    const second = await openEditor(browser);
    const mine = token("Första");
    const theirs = token("Andra");

    await typeAtEnd(first.page, "sammanfattning", `Tillägg ${mine}.`);
    await expect(first.page.getByTestId("status-sammanfattning")).toContainText("Sparat");

    await typeAtEnd(second.page, "sammanfattning", `Tillägg ${theirs}.`);
    const conflict = second.page.getByTestId("conflict-panel");
    await expect(conflict).toBeVisible();
    await expect(second.page.getByTestId("conflict-theirs")).toContainText(mine);
    await expect(second.page.getByTestId("conflict-mine")).toContainText(theirs);
    await conflict.getByRole("button", { name: "Behåll båda" }).click();
    await expect(second.page.getByTestId("status-sammanfattning")).toContainText("Sparat");
    await expect(second.page.getByTestId("editor-sammanfattning")).toContainText(mine);
    await expect(second.page.getByTestId("editor-sammanfattning")).toContainText(theirs);

    await first.page.goto(`${editorUrl}/forhandsgranska`);
    await expect(first.page.getByTestId("document-view")).toContainText(mine);
    await expect(first.page.getByTestId("document-view")).toContainText(theirs);
    await first.context.close();
    await second.context.close();
  });

  test("text typed while offline is saved when the connection is back", async ({ browser }) => {
    const { context, page } = await openEditor(browser);
    const words = token("Nätverksavbrott");
    await context.setOffline(true);
    await typeAtEnd(page, "synpunkter", `Skrivet utan nät ${words}.`);
    await expect(page.getByTestId("status-synpunkter")).toContainText("ingen anslutning");
    await context.setOffline(false);
    await expect(page.getByTestId("status-synpunkter")).toContainText("Sparat", { timeout: 20_000 });
    await page.goto(`${editorUrl}/forhandsgranska`);
    await expect(page.getByTestId("document-view")).toContainText(words);
    await context.close();
  });

  test("hostile text and pasted HTML never run in the preview", async ({ browser }) => {
    const { context, page } = await openEditor(browser);
    page.on("dialog", (dialog) => {
      throw new Error(`A dialog opened: ${dialog.message()}`);
    });
    const words = token("Fientligt");
    await typeAtEnd(page, "arendets-beredning", `${words} <script>alert('x')</script><img src=x onerror=alert(1)>`);
    await page.getByTestId("editor-arendets-beredning").evaluate((element) => {
      const data = new DataTransfer();
      data.setData(
        "text/html",
        '<p onclick="alert(1)" style="color:red">Klistrat <img src="x" onerror="alert(2)"><a href="javascript:alert(3)">länk</a><svg onload="alert(4)"></svg><script>alert(5)</script><iframe src="javascript:alert(6)"></iframe></p>',
      );
      data.setData("text/plain", "Klistrat länk");
      element.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.getByTestId("editor-arendets-beredning").blur();
    await expect(page.getByTestId("status-arendets-beredning")).toContainText("Sparat");

    await page.goto(`${editorUrl}/forhandsgranska`);
    const document = page.getByTestId("document-view");
    await expect(document).toContainText(`${words} <script>alert('x')</script><img src=x onerror=alert(1)>`);
    const unsafe = await document.evaluate((root) => {
      const findings: string[] = [];
      for (const element of [root, ...Array.from(root.querySelectorAll("*"))]) {
        if (["SCRIPT", "IMG", "SVG", "IFRAME", "STYLE"].includes(element.tagName.toUpperCase())) findings.push(element.tagName);
        for (const attribute of Array.from(element.attributes)) {
          if (/^on/i.test(attribute.name) || attribute.name === "style") findings.push(`${element.tagName} ${attribute.name}`);
          if (/^\s*javascript:/i.test(attribute.value)) findings.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      return findings;
    });
    expect(unsafe).toEqual([]);
    await context.close();
  });
});
