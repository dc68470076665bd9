// Who may see secrecy-marked content, for ../secrecy.ts. A viewer is a user or "public": a
// channel that leaves the app's access control (e-mail, the public copy of a document),
// which sees what the public diarium shows. A confidential case is hidden from those who
// may not read it; a confidential handling's content from those who may not read the
// case's confidential content (src/server/authz: "document.read").
import "server-only";
import type { Actor } from "@/server/auth/actor";
import type { SecrecyMask } from "../secrecy";
import { can, toCaseScope, type CaseScope, type CaseScopeRow } from "@/server/authz";

export type SecrecyViewer = Actor | "public";

/** True when the viewer may not see the case at all (it is confidential and they may not read it). */
export const caseHiddenFrom = (viewer: SecrecyViewer, scope: CaseScope): boolean => scope.confidential && (viewer === "public" || !can(viewer, "case.read", scope));

/** True when the viewer may not see the content of a handling carrying its own secrecy marking. */
export const documentHiddenFrom = (viewer: SecrecyViewer, scope: CaseScope, documentSecrecyReference: string | null): boolean =>
  documentSecrecyReference !== null && (viewer === "public" || !can(viewer, "document.read", { case: scope, confidential: true }));

export type CaseSecrecyRow = CaseScopeRow;

/** The mask of one case for one viewer, given the case's handlingar that matter to the caller. */
export const secrecyMaskFor = (viewer: SecrecyViewer, caseRow: CaseSecrecyRow, documents: readonly { id: string; secrecyReference: string | null }[]): SecrecyMask => {
  const scope = toCaseScope(caseRow);
  return {
    case: caseHiddenFrom(viewer, scope) ? caseRow.secrecyReference : null,
    documents: new Map(
      documents.flatMap((document) => (document.secrecyReference !== null && documentHiddenFrom(viewer, scope, document.secrecyReference) ? [[document.id, document.secrecyReference] as const] : [])),
    ),
  };
};
