// TODO(merge): callers in attestation engine move to can() — this file only keeps the name
// minutes-service.ts imports today; the policy is src/server/authz ("minutes.justera").
import "server-only";
import { can, type CommitteeScope } from "@/server/authz";
import type { Actor } from "@/server/auth";

/** The named approver must still hold the role the minutes name them in. */
export const canApproveMinutesAs = (actor: Actor, role: "CHAIR" | "MINUTES_CHECKER", scope: CommitteeScope): boolean => can(actor, "minutes.justera", { ...scope, as: role });
