import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { blockingFromNpmAudit, blockingFromReviewedList, isAuditReport, ZReviewedAdvisoriesSchema } from "../scripts/lib/audit-advisories";

const root = path.resolve(import.meta.dirname, "..");
const lockfile = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as { packages: Record<string, { version?: string; dev?: boolean }> };
const reviewed = ZReviewedAdvisoriesSchema.parse(JSON.parse(readFileSync(path.join(root, "security/reviewed-advisories.json"), "utf8")));
const TODAY = "2026-12-01";

const withPackage = (location: string, entry: { version: string; dev?: boolean }) => ({ ...lockfile, packages: { ...lockfile.packages, [location]: entry } });

describe("audit check", () => {
  it("finds no high or critical reviewed advisory in the production dependencies of this lockfile", () => {
    expect(blockingFromReviewedList(lockfile, reviewed, TODAY)).toEqual([]);
  });

  it("refuses the nodemailer 7 that was installed before the upgrade", () => {
    const findings = blockingFromReviewedList(withPackage("node_modules/nodemailer", { version: "7.0.13" }), reviewed, TODAY);
    expect(findings.map((finding) => finding.id)).toEqual(expect.arrayContaining(["GHSA-p6gq-j5cr-w38f", "GHSA-2x7j-588g-ccc2", "GHSA-v53p-9fqp-m79j"]));
    expect(findings.every((finding) => finding.package === "nodemailer" && finding.version === "7.0.13")).toBe(true);
  });

  it("finds a vulnerable copy nested under another package, and ignores development-only packages", () => {
    expect(blockingFromReviewedList(withPackage("node_modules/next-auth/node_modules/nodemailer", { version: "9.0.0" }), reviewed, TODAY)).not.toEqual([]);
    expect(blockingFromReviewedList(withPackage("node_modules/smtp-server/node_modules/nodemailer", { version: "9.0.0", dev: true }), reviewed, TODAY)).toEqual([]);
  });

  it("lets an accepted advisory pass only until its review date", () => {
    const accepting = {
      ...reviewed,
      advisories: reviewed.advisories.map((advisory) =>
        advisory.id === "GHSA-p6gq-j5cr-w38f" ? { ...advisory, accepted: { reason: "raw is never used", reviewAgainBy: "2026-12-31" } } : advisory,
      ),
    };
    const old = withPackage("node_modules/nodemailer", { version: "9.0.0" });
    expect(blockingFromReviewedList(old, accepting, TODAY).map((finding) => finding.id)).not.toContain("GHSA-p6gq-j5cr-w38f");
    expect(blockingFromReviewedList(old, accepting, "2027-01-01").map((finding) => finding.id)).toContain("GHSA-p6gq-j5cr-w38f");
  });

  it("reads the registry's report: high and critical advisories block, moderate ones and transitive mentions do not", () => {
    const report = {
      auditReportVersion: 2,
      vulnerabilities: {
        nodemailer: { severity: "high", via: [{ name: "nodemailer", title: "raw bypass", url: "https://github.com/advisories/GHSA-p6gq-j5cr-w38f", severity: "high", range: "<=9.0.0" }] },
        "next-auth": { severity: "high", via: ["nodemailer"] },
        pdfkit: { severity: "moderate", via: [{ name: "pdfkit", title: "x", url: "https://github.com/advisories/GHSA-aaaa-bbbb-cccc", severity: "moderate" }] },
      },
    };
    expect(isAuditReport(report)).toBe(true);
    expect(isAuditReport({ statusCode: 405, error: { summary: "" } })).toBe(false);
    expect(blockingFromNpmAudit(report, lockfile, reviewed, TODAY)).toEqual([
      { id: "GHSA-p6gq-j5cr-w38f", package: "nodemailer", version: "10.6.1", severity: "high", title: "raw bypass" },
    ]);
  });
});
