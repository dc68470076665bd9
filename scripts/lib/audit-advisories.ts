// The decision of scripts/audit-check.ts: which high or critical advisories hit a package
// that is installed in production. Pure, so the test can feed it a lockfile and a report.
import semver from "semver";
import { z } from "@/lib/zod";

const BLOCKING = new Set(["high", "critical", "unknown"]);

const ZAcceptedSchema = z.object({ reason: z.string().min(1), reviewAgainBy: z.iso.date() }).strict();

export const ZReviewedAdvisoriesSchema = z
  .object({
    reviewedAt: z.iso.date(),
    note: z.string(),
    advisories: z.array(
      z
        .object({
          id: z.string().regex(/^GHSA-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/),
          package: z.string().min(1),
          severity: z.enum(["low", "moderate", "high", "critical", "unknown"]),
          vulnerable: z.string().refine((range) => semver.validRange(range) !== null, { error: "not a semver range" }),
          title: z.string().min(1),
          /** A high/critical advisory judged unreachable in production. */
          accepted: ZAcceptedSchema.optional(),
        })
        .strict(),
    ),
  })
  .strict();
export type TReviewedAdvisories = z.infer<typeof ZReviewedAdvisoriesSchema>;

export type Finding = { id: string; package: string; version: string; severity: string; title: string };

type Lockfile = { packages?: Record<string, { version?: string; dev?: boolean; link?: boolean }> };

/** name → installed versions of every package `npm install --omit=dev` installs (lockfile v2/v3). */
export const productionPackages = (lockfile: Lockfile): Map<string, Set<string>> => {
  const installed = new Map<string, Set<string>>();
  for (const [location, entry] of Object.entries(lockfile.packages ?? {})) {
    if (location === "" || entry.dev || entry.link || !entry.version) continue;
    const name = location.slice(location.lastIndexOf("node_modules/") + "node_modules/".length);
    installed.set(name, (installed.get(name) ?? new Set()).add(entry.version));
  }
  return installed;
};

const isAccepted = (reviewed: TReviewedAdvisories, id: string, today: string): boolean =>
  reviewed.advisories.some((advisory) => advisory.id === id && advisory.accepted && advisory.accepted.reviewAgainBy >= today);

/** Fallback without the registry: the reviewed list against the lockfile. */
export const blockingFromReviewedList = (lockfile: Lockfile, reviewed: TReviewedAdvisories, today: string): Finding[] => {
  const installed = productionPackages(lockfile);
  return reviewed.advisories.flatMap((advisory) =>
    BLOCKING.has(advisory.severity) && !isAccepted(reviewed, advisory.id, today)
      ? [...(installed.get(advisory.package) ?? [])]
          .filter((version) => semver.satisfies(version, advisory.vulnerable, { includePrerelease: true }))
          .map((version) => ({ id: advisory.id, package: advisory.package, version, severity: advisory.severity, title: advisory.title }))
      : [],
  );
};

type AuditVia = { name?: string; title?: string; url?: string; severity?: string; range?: string };
export type NpmAuditReport = { auditReportVersion?: number; vulnerabilities?: Record<string, { severity?: string; via?: (string | AuditVia)[] }> };

/** An `npm audit --json` answer with a report in it (not the error object of a failed request). */
export const isAuditReport = (value: unknown): value is NpmAuditReport =>
  typeof value === "object" && value !== null && (value as NpmAuditReport).auditReportVersion === 2;

/** Online: the registry's report, minus advisories accepted in the reviewed list. */
export const blockingFromNpmAudit = (report: NpmAuditReport, lockfile: Lockfile, reviewed: TReviewedAdvisories, today: string): Finding[] => {
  const installed = productionPackages(lockfile);
  return Object.entries(report.vulnerabilities ?? {}).flatMap(([name, vulnerability]) =>
    (vulnerability.via ?? []).flatMap((via) => {
      if (typeof via === "string" || !BLOCKING.has(via.severity ?? "unknown")) return [];
      const id = via.url?.split("/").pop() ?? via.title ?? name;
      if (isAccepted(reviewed, id, today)) return [];
      return [{ id, package: name, version: [...(installed.get(name) ?? [])].join(", "), severity: via.severity ?? "unknown", title: via.title ?? "" }];
    }),
  );
};
