// End-to-end tests against the production build, started by `scripts/start.ts` on a
// throwaway embedded database. `npm test` builds first; `npx playwright test` alone
// expects an existing `.next` build (start.ts is told not to build: YTTRA_SKIP_BUILD=1).
//
// Environment (all optional):
//   E2E_PORT       port for the server started here (default 3100)
//   E2E_BASE_URL   test an already running local server instead of starting one
//   CHROMIUM_PATH  the Chromium binary (default /usr/bin/chromium; Playwright's own
//                  browser downloads are not available on our machines)
//   CI             retries once
//   YTTRA_E2E_DATA_DIR  keep the server's data here instead of a throwaway temp dir
//                  (not removed afterwards; for debugging a failed run)
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

const root = import.meta.dirname;
const isCI = Boolean(process.env.CI);

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** E2E tests create cases, users and documents: never point them at a real installation. */
const assertLocalUrl = (value: string): string => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`E2E_BASE_URL is not a URL: ${value}`);
  }
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`E2E_BASE_URL must point to this machine (localhost/127.0.0.1), not ${url.hostname}. Refusing to run.`);
  }
  return url.origin;
};

const externalBaseUrl = process.env.E2E_BASE_URL ? assertLocalUrl(process.env.E2E_BASE_URL) : undefined;
const port = Number.parseInt(process.env.E2E_PORT ?? "3100", 10);
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;

// The config is evaluated by the runner and again by every worker. Only the runner
// starts the server, so only the runner picks the data directory (workers inherit it
// through the environment) and removes it when it exits, after the server has stopped.
const ownsDataDir = !process.env.YTTRA_E2E_DATA_DIR;
const dataDir = (process.env.YTTRA_E2E_DATA_DIR ??= path.join(
  tmpdir(),
  `yttra-e2e-${process.pid}-${Date.now().toString(36)}`,
));
if (ownsDataDir && !externalBaseUrl) {
  process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
}

const browserUse = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  forbidOnly: isCI,
  workers: 2,
  retries: isCI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    locale: "sv-SE",
    timezoneId: "Europe/Stockholm",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    { name: "chromium", use: browserUse, testIgnore: /(auth|security-actions)\.spec\.ts$/ },
    // Logging out voids every session of that user (session version), so the login/logout
    // tests run after all others instead of beside specs that use the same demo accounts.
    { name: "sessions", use: browserUse, testMatch: /auth\.spec\.ts$/, dependencies: ["chromium"] },
    // Compares database fingerprints around refused calls: nothing else may write meanwhile.
    { name: "security", use: browserUse, testMatch: /security-actions\.spec\.ts$/, dependencies: ["sessions"] },
  ],
  webServer: externalBaseUrl
    ? undefined
    : {
        command: "tsx --conditions=react-server scripts/start.ts",
        cwd: root,
        url: `${baseURL}/api/health`,
        timeout: 180_000,
        reuseExistingServer: false,
        stdout: "pipe",
        stderr: "pipe",
        // SIGTERM to the process group lets start.ts stop Next and PostgreSQL cleanly.
        gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
        env: {
          PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
          NODE_ENV: "production",
          PORT: String(port),
          NEXTAUTH_URL: baseURL,
          YTTRA_DATA_DIR: dataDir,
          YTTRA_SKIP_BUILD: "1",
          // The attestation spec waits for this to pass to see the re-authentication step.
          YTTRA_REAUTH_MAX_AGE_SECONDS: "20",
          // A developer's DATABASE_URL must not leak into the throwaway test server.
          DATABASE_URL: "",
        },
      },
});
