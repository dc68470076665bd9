// Confidential cases (OSL: Case.secrecyReference set) in the meeting documents. An agenda
// item or § whose case is confidential is shown in full only to those who may read the case
// (`can(actor, "case.read")`: its handläggare, registrator, chefer, nämndsekreterare) and to
// the committee's ordförande and justerare, who must read what they justera. Everyone else
// who reads the committee's meetings sees it masked the way the diarium masks the case: the
// dnr stays, the title becomes "Sekretessmarkerat ärende", no handläggare, and förslag,
// beslut, yrkanden and reservationer give way to one line "Sekretess enligt <bestämmelse>.".
// Masking is for display only: the minutes' snapshot and the hash a justering binds are
// always the full content, so the pages, the exports and /verifiera agree on what was justerat.
// The texts and the rule come from the one masking of every channel (features/cases/secrecy.ts).
import "server-only";
import { can, CASE_SCOPE_SELECT, toCaseScope, type CaseScopeRow, type CommitteeScope } from "@/server/authz";
import { caseHiddenFrom, type SecrecyViewer } from "@/features/cases/server";
import { CONFIDENTIAL_CASE_TITLE, secrecyNotice } from "@/features/cases/secrecy";
import type { Db, Tx } from "@/server/db";
import type { MinutesParagraph } from "./minutes-content";

/**
 * "system": the export job, which authorized when the export was requested. "public": a
 * channel outside the app's access control (the kallelse by e-mail), which sees every
 * confidential item masked.
 */
export type MeetingViewer = SecrecyViewer | "system";

/**
 * The confidential cases among `caseIds` that the viewer may not see in full, each with its
 * secrecy reference. The marking is read from the case now, not from a snapshot: a case
 * marked confidential after the justering is masked from then on.
 */
export const maskedCases = async (client: Db | Tx, viewer: MeetingViewer, scope: CommitteeScope, caseIds: readonly (string | null)[]): Promise<Map<string, string>> => {
  if (viewer === "system" || (viewer !== "public" && can(viewer, "minutes.readInFull", scope))) return new Map();
  const ids = [...new Set(caseIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await client.case.findMany({ where: { id: { in: ids }, secrecyReference: { not: null } }, select: { id: true, ...CASE_SCOPE_SELECT } });
  return hiddenCases(viewer, rows);
};

/** Of cases already read (with CASE_SCOPE_SELECT), those hidden from the viewer, each with its secrecy reference. */
export const hiddenCases = (viewer: SecrecyViewer, rows: readonly (CaseScopeRow & { id: string })[]): Map<string, string> =>
  new Map(rows.flatMap((row) => (row.secrecyReference !== null && caseHiddenFrom(viewer, toCaseScope(row)) ? [[row.id, row.secrecyReference] as const] : [])));

/** The secrecy reference when the item's case is masked for this viewer, else null. */
export const maskOf = (masked: ReadonlyMap<string, string>, caseId: string | null): string | null => (caseId ? (masked.get(caseId) ?? null) : null);

/** A § as a viewer without access to its case sees it (pages and exports alike). */
export const maskParagraph = (paragraph: MinutesParagraph, secrecyReference: string): MinutesParagraph => ({
  ...paragraph,
  title: CONFIDENTIAL_CASE_TITLE,
  decisionPoints: [secrecyNotice(secrecyReference)],
  motions: [],
  votes: null,
  opinions: [],
});
