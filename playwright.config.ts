// End-to-end tests against the production build, started by `scripts/start.ts` on a
// throwaway embedded database. `npm test` builds first; `npx playwright test` alone
// expects an existing `.next` build (start.ts is told not to build: YTTRA_SKIP_BUILD=1).
//
// Environment (all optional):
//   E2E_PORT       port for the demo server started here (default 3100); the "from-scratch"
//                  project's empty installation listens on the next port
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
import { SCRATCH_INSTALLATION_ADMIN } from "./tests/e2e/support/scratch";

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
// The "from-scratch" project's installation: no demo data, only an installation
// administrator (created by scripts/user-create.ts before the server starts, so start.ts
// finds a user and seeds nothing). Not available against an external server.
const scratchPort = port + 1;
const scratchBaseURL = `http://127.0.0.1:${scratchPort}`;
const scratchDataDir = `${dataDir}-scratch`;
if (ownsDataDir && !externalBaseUrl) {
  process.on("exit", () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(scratchDataDir, { recursive: true, force: true });
  });
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

const serverOptions = (url: string) => ({
  cwd: root,
  url: `${url}/api/health`,
  timeout: 180_000,
  reuseExistingServer: false,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  // SIGTERM to the process group lets start.ts stop Next and PostgreSQL cleanly.
  gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
});

const serverEnv = (serverPort: number, url: string, serverDataDir: string) => ({
  PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH ?? ""}`,
  NODE_ENV: "production",
  PORT: String(serverPort),
  NEXTAUTH_URL: url,
  YTTRA_DATA_DIR: serverDataDir,
  YTTRA_SKIP_BUILD: "1",
  // A developer's DATABASE_URL must not leak into the throwaway test server.
  DATABASE_URL: "",
});

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
    { name: "chromium", use: browserUse, testIgnore: /(auth|security-actions|from-scratch)\.spec\.ts$/ },
    // Logging out voids every session of that user (session version), so the login/logout
    // tests run after all others instead of beside specs that use the same demo accounts.
    { name: "sessions", use: browserUse, testMatch: /auth\.spec\.ts$/, dependencies: ["chromium"] },
    // Compares database fingerprints around refused calls: nothing else may write meanwhile.
    { name: "security", use: browserUse, testMatch: /security-actions\.spec\.ts$/, dependencies: ["sessions"] },
    // A municipality set up in the browser from an installation with nothing but its administrator.
    ...(externalBaseUrl ? [] : [{ name: "from-scratch", use: { ...browserUse, baseURL: scratchBaseURL }, testMatch: /from-scratch\.spec\.ts$/ }]),
  ],
  webServer: externalBaseUrl
    ? undefined
    : [
        {
          command: "tsx --conditions=react-server scripts/start.ts",
          ...serverOptions(baseURL),
          // The attestation spec waits for the re-authentication window to pass.
          env: { ...serverEnv(port, baseURL, dataDir), YTTRA_REAUTH_MAX_AGE_SECONDS: "20" },
        },
        {
          command: [
            "tsx --conditions=react-server scripts/user-create.ts --installation",
            `--username ${SCRATCH_INSTALLATION_ADMIN.username} --name "${SCRATCH_INSTALLATION_ADMIN.name}"`,
            "&& exec tsx --conditions=react-server scripts/start.ts",
          ].join(" "),
          ...serverOptions(scratchBaseURL),
          env: { ...serverEnv(scratchPort, scratchBaseURL, scratchDataDir), YTTRA_NEW_USER_PASSWORD: SCRATCH_INSTALLATION_ADMIN.password },
        },
      ],
});
