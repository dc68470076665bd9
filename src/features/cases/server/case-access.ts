// TODO(merge): callers in attestation engine move to can() — this file only keeps the names
// src/features/attestation/server/* imports today; the policy is src/server/authz.
import "server-only";
import { can, type CaseScope } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";

export { CASE_SCOPE_SELECT, readableCasesWhere, toCaseScope, type CaseScope } from "@/server/authz";

export const canOnCase = (actor: Actor, action: "read" | "editStatement", scope: CaseScope): boolean => can(actor, action === "read" ? "case.read" : "statement.edit", scope);
