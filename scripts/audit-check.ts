// npx tsx scripts/audit-check.ts — fails (exit 1) when a high or critical advisory hits a
// package installed in production. Asks the registry (`npm audit --omit=dev --json`); when
// its audit endpoint cannot be reached, checks the lockfile against the checked-in, dated
// list of reviewed advisories (security/reviewed-advisories.json) and says so.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { blockingFromNpmAudit, blockingFromReviewedList, isAuditReport, ZReviewedAdvisoriesSchema, type Finding } from "./lib/audit-advisories";

const root = path.resolve(import.meta.dirname, "..");
const REVIEWED_LIST = "security/reviewed-advisories.json";

const npmAudit = async (): Promise<unknown> => {
  // npm audit exits 1 both when it finds something and when the request fails: the JSON tells.
  const { stdout } = await promisify(execFile)("npm", ["audit", "--omit=dev", "--json"], { cwd: root, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }),
  );
  try {
    return JSON.parse(stdout) as unknown;
  } catch {
    return undefined;
  }
};

const main = async (): Promise<number> => {
  const today = new Date().toISOString().slice(0, 10);
  const lockfile = JSON.parse(await readFile(path.join(root, "package-lock.json"), "utf8")) as Parameters<typeof blockingFromReviewedList>[0];
  const reviewed = ZReviewedAdvisoriesSchema.parse(JSON.parse(await readFile(path.join(root, REVIEWED_LIST), "utf8")));
  const report = await npmAudit();
  let findings: Finding[];
  if (isAuditReport(report)) {
    findings = blockingFromNpmAudit(report, lockfile, reviewed, today);
    console.log("Säkerhetsgranskning: registrets npm audit (--omit=dev).");
  } else {
    findings = blockingFromReviewedList(lockfile, reviewed, today);
    console.log(
      `Säkerhetsgranskning: registrets audit-tjänst svarar inte; kontrollerar package-lock.json mot ${REVIEWED_LIST} (granskad ${reviewed.reviewedAt}, ${reviewed.advisories.length} sårbarheter).`,
    );
  }
  for (const finding of findings) {
    console.error(`${finding.severity}: ${finding.package} ${finding.version} – ${finding.id} ${finding.title}`);
  }
  console.log(findings.length === 0 ? "Inga höga eller kritiska sårbarheter i produktionsberoendena." : `${findings.length} höga eller kritiska sårbarheter i produktionsberoendena.`);
  return findings.length === 0 ? 0 : 1;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
