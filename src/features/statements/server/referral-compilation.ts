// "Uppdatera från remissvaren": creates or refreshes the Remissammanställning of the sender's
// tjänsteutlåtande from its remissinstanser (../referral-compilation.ts merges without losing
// the handläggare's edits). A new version like any save, under the statement's row lock.
import "server-only";
import { db } from "@/server/db";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { loadCompilationInstances } from "@/features/referrals/server";
import { readSection, withCaseOfficers, writeSection } from "../content";
import { hasReferralCompilation, mergeReferralCompilation, REFERRAL_COMPILATION_KEY, type CompilationConflict } from "../referral-compilation";
import type { TRefreshReferralCompilationInput } from "../schemas";
import type { TRichText } from "../rich-text";
import { appendVersionInTx, caseOfficerNamesInTx, lockStatement } from "./save-statement-section";
import { assertStatementEditable, loadStatementForEdit, parseStatementContent } from "./statement-access";

export type RefreshReferralCompilationResult = {
  status: "SAVED" | "UNCHANGED";
  version: number;
  body: TRichText;
  added: number;
  updated: number;
  conflicts: CompilationConflict[];
};

export const refreshReferralCompilation = async ({ actor, input }: { actor: Actor; input: TRefreshReferralCompilationInput }): Promise<RefreshReferralCompilationResult> =>
  db.$transaction(async (tx) => {
    const { currentVersion, status } = await lockStatement(tx, input.statementId);
    const statement = await loadStatementForEdit(tx, actor, input.statementId);
    assertStatementEditable({ status });
    const instances = await loadCompilationInstances(tx, statement.caseId);
    if (instances.length === 0) {
      throw new AppError("INVALID_STATE", "Case was never sent on remiss", { userMessage: "Ärendet har inte skickats på remiss. Det finns inga remissvar att sammanställa." });
    }
    const current = await tx.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId: input.statementId, number: currentVersion } }, select: { content: true } });
    const content = parseStatementContent(current.content);
    const ref = { kind: "richText", sectionKey: REFERRAL_COMPILATION_KEY } as const;
    const existing = hasReferralCompilation(content) ? readSection(content, ref) : null;
    const merge = mergeReferralCompilation({
      body: existing?.kind === "richText" ? existing.value : null,
      basis: content.referralCompilation,
      instances,
      resolve: input.resolve,
    });
    const result = { body: merge.body, added: merge.added, updated: merge.updated, conflicts: merge.conflicts };
    if (!merge.changed) return { status: "UNCHANGED", version: currentVersion, ...result };
    const next = withCaseOfficers({ ...writeSection(content, { ...ref, value: merge.body }), referralCompilation: merge.basis }, await caseOfficerNamesInTx(tx, statement.caseId));
    const version = await appendVersionInTx(tx, {
      actorId: actor.id,
      statementId: input.statementId,
      caseId: statement.caseId,
      current: currentVersion,
      content: next,
      changedSection: REFERRAL_COMPILATION_KEY,
      action: "statement.referral_compilation",
      auditData: { added: merge.added, updated: merge.updated, conflicts: merge.conflicts.length },
    });
    return { status: "SAVED", version: version.number, ...result };
  });
