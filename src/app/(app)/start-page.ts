// The start page's data, per role: each role's sections read only what that role works with,
// and what two roles share (bevakning) is read once. The page and
// tests/integration/query-budget.integration.test.ts both call this.
import "server-only";
import { listAttestInbox, listReturnedToMe } from "@/features/attestation/server/attestation-queries";
import { summarizeDeadlines } from "@/features/diarium/server/deadlines";
import { countRecentlyRegistered, listDiariumCases } from "@/features/diarium/server/diarium-list";
import { listMyOpenCases } from "@/features/diarium/server/my-cases";
import { getSecretaryOverview, listJusteringInbox } from "@/features/meetings/server/work-queues";
import { hasRole, type Actor } from "@/server/auth";

export const RECENTLY_REGISTERED_SHOWN = 5;

const when = <T>(condition: boolean, load: () => Promise<T>): Promise<T | null> => (condition ? load() : Promise.resolve(null));

export const loadStartPage = async (actor: Actor) => {
  const caseOfficer = hasRole(actor, "CASE_OFFICER");
  const attester = hasRole(actor, "DEPARTMENT_HEAD", "DIRECTOR");
  const registrar = hasRole(actor, "REGISTRAR");
  const [deadlines, justering, inbox, secretary, recentCount, recent, myCases, returned] = await Promise.all([
    when(caseOfficer || attester, () => summarizeDeadlines({ actor })),
    when(hasRole(actor, "CHAIR", "MINUTES_CHECKER"), () => listJusteringInbox(actor)),
    when(attester, () => listAttestInbox(actor)),
    when(hasRole(actor, "COMMITTEE_SECRETARY"), () => getSecretaryOverview({ actor })),
    when(registrar, () => countRecentlyRegistered({ actor })),
    when(registrar, () => listDiariumCases({ actor, params: {}, pageSize: RECENTLY_REGISTERED_SHOWN })),
    when(caseOfficer, () => listMyOpenCases({ actor })),
    when(caseOfficer, () => listReturnedToMe(actor)),
  ]);
  return {
    justering,
    attester: attester && inbox && deadlines ? { inbox, deadlines, unit: hasRole(actor, "DIRECTOR") ? "i förvaltningen" : "på avdelningen" } : null,
    secretary,
    registrar: recentCount !== null && recent ? { count: recentCount, latest: recent } : null,
    caseOfficer: myCases && returned && deadlines ? { myCases, returned, deadlines } : null,
  };
};

export type StartPageData = Awaited<ReturnType<typeof loadStartPage>>;
