// TODO(merge): callers in attestation engine move to can() — this file only keeps the names
// src/features/attestation/server/* imports today; the policy is src/server/authz.
// For eligibleAttesters and the assignee's "still holds the role" check the engine takes the
// one coverage primitive: usersCoveringWhere(roles, chainScope(scope)) and
// holdsRoleCovering(actor, [role], chainScope(scope)). Note: today those two match the exact
// unit (avdelningschef of the department, director of the förvaltning); coverage also admits
// the role held higher up (e.g. a DIRECTOR membership on the committee).
import "server-only";
import { can, type CaseScope } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";

export { CASE_SCOPE_SELECT, readableCasesWhere, toCaseScope, type CaseScope } from "@/server/authz";

export const canOnCase = (actor: Actor, action: "read" | "editStatement", scope: CaseScope): boolean => can(actor, action === "read" ? "case.read" : "statement.edit", scope);
