import { expect, test } from "@playwright/test";
import { login } from "./support/auth";

const DEMO_USERS = [
  { username: "clas.cederlid", name: "Clas Cederlid", role: "Handläggare" },
  { username: "linda.palo", name: "Linda Palo", role: "Avdelningschef" },
  { username: "lee.orberson", name: "Lee Orberson", role: "Stadsdelsdirektör" },
  { username: "sekreterare", name: "Karin Sjöberg", role: "Nämndsekreterare" },
  { username: "registrator", name: "Johan Ek", role: "Registrator" },
  { username: "ordforande", name: "Maria Lindqvist", role: "Ordförande" },
  { username: "justerare", name: "Anders Berglund", role: "Justerare" },
  { username: "admin", name: "Systemförvaltare Yttra", role: "Administratör" },
];

test.describe("inloggning", () => {
  test("sends a visitor without a session to the Swedish login page", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/logga-in/);
    await expect(page.getByRole("heading", { name: "Logga in" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "sv");
  });

  for (const user of DEMO_USERS) {
    test(`${user.username} logs in, sees name and role, and logs out`, async ({ page }) => {
      await login(page, user.username);
      await expect(page.getByTestId("current-user")).toHaveText(user.name);
      await expect(page.getByTestId("current-roles")).toContainText(user.role);
      await page.getByRole("button", { name: "Logga ut" }).click();
      await expect(page).toHaveURL(/\/logga-in/);
      await page.goto("/");
      await expect(page).toHaveURL(/\/logga-in/);
    });
  }

  test("a session token copied before logout no longer works after it", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, "registrator");
    const saved = await context.storageState();
    await page.getByRole("button", { name: "Logga ut" }).click();
    await expect(page).toHaveURL(/\/logga-in/);

    const replay = await browser.newContext({ storageState: saved });
    const replayPage = await replay.newPage();
    await replayPage.goto("/");
    await expect(replayPage).toHaveURL(/\/logga-in/);
    await context.close();
    await replay.close();
  });

  test("shows Swedish messages for empty fields and wrong passwords", async ({ page }) => {
    await page.goto("/logga-in");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByText("Ange ditt användarnamn.")).toBeVisible();
    await expect(page.getByText("Ange ditt lösenord.")).toBeVisible();

    await page.getByLabel("Användarnamn", { exact: true }).fill("clas.cederlid");
    await page.getByLabel("Lösenord", { exact: true }).fill("fel-lösenord");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByText("Fel användarnamn eller lösenord.")).toBeVisible();
  });

  test("answers junk input with the same message and no server error", async ({ page, request }) => {
    for (const username of ["x".repeat(10_240), "\u202e😀<script>alert(1)</script>", "' OR 1=1 --"]) {
      await page.goto("/logga-in");
      await page.getByLabel("Användarnamn", { exact: true }).fill(username);
      await page.getByLabel("Lösenord", { exact: true }).fill("demo");
      await page.getByRole("button", { name: "Logga in", exact: true }).click();
      await expect(page.getByText("Fel användarnamn eller lösenord.")).toBeVisible();
    }
    // Straight to the endpoint, past the form's maxlength.
    const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken: csrf.csrfToken, username: "a".repeat(10_240), password: "\u0000".repeat(2000), json: "true" },
    });
    expect(response.status()).toBeLessThan(500);
  });

  test("throttles repeated wrong passwords with its own message", async ({ page }) => {
    // An unknown account: throttling treats it exactly like a real one and no other test uses it.
    await page.goto("/logga-in");
    await page.getByLabel("Användarnamn", { exact: true }).fill("strypt.konto");
    const password = page.getByLabel("Lösenord", { exact: true });
    for (let attempt = 0; attempt < 5; attempt++) {
      await password.fill(`fel-${attempt}`);
      await page.getByRole("button", { name: "Logga in", exact: true }).click();
      // The answer empties the field: wait for it, or the next fill races the answer (the
      // message of the attempt before is still shown) and the next submit is empty.
      await expect(password).toHaveValue("");
      await expect(page.getByText("Fel användarnamn eller lösenord.")).toBeVisible();
    }
    await page.getByLabel("Lösenord", { exact: true }).fill("fel-igen");
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
    await expect(page.getByText("För många misslyckade inloggningar")).toBeVisible();
  });

  test("shows a Swedish 404 page", async ({ page }) => {
    const response = await page.goto("/finns-inte-alls");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Sidan finns inte" })).toBeVisible();
  });
});
