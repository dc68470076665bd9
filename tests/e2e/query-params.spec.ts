// A NUL (or another control character, or bytes that are not UTF-8) in a query parameter
// gets a 400 with a Swedish message from every page and route — never a 500.
import { expect, test } from "@playwright/test";

const UNSAFE = ["q=%00", "q=a%00b", "q=%E2%80%AE", "q=%FF"];

test("a NUL in the public diarium's search gives 400 with a Swedish message, and a normal search still works", async ({ request }) => {
  const response = await request.get("/stockholm/offentligt-diarium?q=%00");
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Ogiltig adress: sökparametrarna innehåller otillåtna tecken.");
  expect((await request.get("/stockholm/offentligt-diarium?q=motion")).status()).toBe(200);
});

test("every page and route refuses unsafe query parameters before doing anything", async ({ request }) => {
  for (const path of ["/stockholm/offentligt-diarium", "/diarium", "/verifiera", "/logga-in", "/api/health", "/api/export/statement/00000000-0000-4000-8000-000000000000"]) {
    for (const query of UNSAFE) {
      const response = await request.get(`${path}?${query}`, { maxRedirects: 0 });
      expect(response.status(), `${path}?${query}`).toBe(400);
      expect(await response.text()).not.toMatch(/at .*\.js:\d+|Error:/);
    }
  }
});
