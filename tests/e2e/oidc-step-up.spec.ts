// Step-up with the municipality's login, in Chromium: an attester who signs in only
// through OIDC, and whose login has grown older than the re-authentication window, is sent
// through the provider's own login page again (prompt=login) and then attests.
// The spec starts its own OpenID Connect provider (oidc-provider, devInteractions: its own
// login and consent pages) and its own Yttra server (scripts/start.ts on the existing build,
// a throwaway embedded database) configured with OIDC_* pointing at that provider.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { startOidcProvider, type OidcTestProvider } from "../support/oidc-provider";
import { login } from "./support/auth";
import { createStatement, registerSimpleCase, writeSections } from "./support/cases";

const root = path.resolve(import.meta.dirname, "..", "..");
// Long enough for the step-up and the attestation to land within it on a loaded machine.
const REAUTH_SECONDS = 30;
const LINDA_SUB = "idp-linda-palo";

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });

let appUrl = "";
let dataDir = "";
let idp: OidcTestProvider | undefined;
let app: ChildProcess | undefined;

/** SQL on the spec's own throwaway database (the embedded cluster in dataDir). */
const sql = async (text: string, values: unknown[]): Promise<void> => {
  const pidFile = await readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8");
  const port = Number.parseInt(pidFile.split("\n")[3] ?? "", 10);
  const password = (await readFile(path.join(dataDir, "postgres-password"), "utf8")).trim();
  const client = new pg.Client({ host: "127.0.0.1", port, user: "yttra", password, database: "yttra" });
  await client.connect();
  try {
    await client.query(text, values);
  } finally {
    await client.end();
  }
};

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  idp = await startOidcProvider({
    appUrl,
    clientId: "yttra-e2e",
    clientSecret: "yttra-e2e-oidc-client-secret",
    // Linked to linda.palo on first login through her e-mail address in the demo data.
    accounts: [{ sub: LINDA_SUB, email: "linda.palo@yttra.example", name: "Linda Palo" }],
  });
  dataDir = await mkdtemp(path.join(tmpdir(), "yttra-e2e-oidc-"));
  app = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      NEXTAUTH_URL: appUrl,
      YTTRA_DATA_DIR: dataDir,
      YTTRA_SKIP_BUILD: "1",
      YTTRA_REAUTH_MAX_AGE_SECONDS: String(REAUTH_SECONDS),
      DATABASE_URL: "",
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: "yttra-e2e",
      OIDC_CLIENT_SECRET: "yttra-e2e-oidc-client-secret",
      OIDC_NAME: "Kommunens inloggning",
    },
  });
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (app.exitCode !== null) throw new Error(`The OIDC test server exited with code ${app.exitCode}`);
    if (await fetch(`${appUrl}/api/health`).then((response) => response.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error("The OIDC test server did not start");
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Linda signs in only through the municipality's login: no password in Yttra to confirm with.
  await sql("UPDATE app_user SET password_hash = NULL WHERE username = $1", ["linda.palo"]);
});

test.afterAll(async () => {
  if (app?.pid && app.exitCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    // start.ts stops Next and PostgreSQL on SIGTERM to its process group.
    process.kill(-app.pid, "SIGTERM");
    await exited;
  }
  await idp?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const newPage = async (browser: Browser): Promise<Page> => (await browser.newContext({ baseURL: appUrl, locale: "sv-SE", timezoneId: "Europe/Stockholm" })).newPage();

/** The provider's own login page (devInteractions: any password), and its consent page on the first login. */
const loginAtProvider = async (page: Page, { consent }: { consent: boolean }) => {
  await expect(page).toHaveURL(new RegExp(`^${idp!.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(LINDA_SUB);
  await page.locator('input[name="password"]').fill("valfritt");
  await page.getByRole("button", { name: "Sign-in" }).click();
  if (consent) await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => url.origin === appUrl);
};

test("an OIDC attester whose login is older than the window logs in again at the provider and then attests", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `E2E OIDC-attestering ${Date.now()}`;

  const clas = await newPage(browser);
  await login(clas, "clas.cederlid");
  const caseId = await registerSimpleCase(clas, title);
  await createStatement(clas, caseId);
  await writeSections(clas, ["sammanfattning", "arendet", "synpunkter"], "Förvaltningen har inget att invända.");
  await clas.goto(`/arenden/${caseId}/attestering`);
  await expect(clas.getByLabel("Attestant 1").locator("option:checked")).toHaveText(/Linda Palo/);
  await clas.getByRole("button", { name: "Skicka på attestering" }).click();
  await expect(clas.getByTestId("attestation-status")).toHaveText("På attestering", { timeout: 30_000 });

  const linda = await newPage(browser);
  await linda.goto("/logga-in");
  await linda.getByRole("button", { name: "Logga in med Kommunens inloggning" }).click();
  await loginAtProvider(linda, { consent: true });
  await expect(linda.getByRole("heading", { name: "Mina ärenden" })).toBeVisible();

  // Her password is kept at the provider: Yttra's "Byt lösenord" says so instead of offering a form.
  await linda.getByRole("link", { name: "Byt lösenord" }).click();
  await expect(linda.getByRole("heading", { name: "Byt lösenord" })).toBeVisible();
  await expect(linda.getByText("Du loggar in med kommunens inloggning. Ditt lösenord byter du där.")).toBeVisible();
  await expect(linda.getByLabel(/^Nuvarande lösenord/)).toHaveCount(0);

  // Let the login at the provider grow older than the window.
  await linda.waitForTimeout((REAUTH_SECONDS + 2) * 1000);
  await linda.goto(`/arenden/${caseId}/attestering`);
  await expect(linda.getByRole("heading", { name: "Din attestering" })).toBeVisible();
  await expect(linda.getByTestId("step-up-login")).toBeVisible();
  await expect(linda.getByRole("button", { name: "Attestera" })).toHaveCount(0);

  // The provider still has Linda's session, yet asks her to log in (prompt=login).
  await linda.getByRole("button", { name: "Logga in igen" }).click();
  await loginAtProvider(linda, { consent: false });
  await expect(linda).toHaveURL(`${appUrl}/arenden/${caseId}/attestering`);
  await expect(linda.getByTestId("step-up-login")).toHaveCount(0);
  await linda.getByRole("button", { name: "Attestera" }).click();
  await expect(linda.getByRole("heading", { name: "Din attestering" })).toBeHidden({ timeout: 30_000 });

  await clas.reload();
  await expect(clas.getByTestId("attestation-status")).toHaveText("På attestering");
  await expect(clas.getByText(/Linda Palo/).first()).toBeVisible();
});
