// Saving one section: a new immutable version of the whole statement. Optimistic
// concurrency per section: the save names the version its text was based on. If others
// saved since, their changes to *other* sections are kept (the save is rebased onto the
// newest version); if they changed *this* section, nothing is written and the caller gets
// CONFLICT with the current text so that the user can choose — no typed word is lost.
//
// The statement row is locked (SELECT … FOR UPDATE) for the transaction, so concurrent
// saves are decided one after the other; the conditional update of currentVersion is the
// invariant that makes a lost update impossible even without the lock.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { readSection, sameJson, sectionId, withCaseOfficers, writeSection, type SectionRef, type SectionValue } from "../content";
import { hasReferralCompilation, withReferralCompilation } from "../referral-compilation";
import type { TSaveSectionInput, TStatementContent, TTemplateDefinition } from "../schemas";
import { CASE_OFFICERS_SELECT, caseOfficerNamesOf, hashStatementContent, resolveAttachments } from "./create-statement";
import { assertStatementEditable, loadStatementForEdit, parseStatementContent } from "./statement-access";

export type SaveSectionResult =
  | { status: "SAVED"; version: number; savedAt: string; rebased: boolean }
  | {
      status: "CONFLICT";
      currentVersion: number;
      /** The section as the other person saved it. */
      current: SectionValue;
      savedBy: string;
      savedAt: string;
    };

export type SaveStatementSectionOptions = { actor: Actor; input: TSaveSectionInput };

export const refOfInput = (input: TSaveSectionInput): SectionRef =>
  input.kind === "richText" ? { kind: "richText", sectionKey: input.sectionKey } : { kind: input.kind };

const assertTemplateHasSection = (definition: TTemplateDefinition, ref: SectionRef): void => {
  const known =
    ref.kind === "header" ||
    definition.sections.some((section) =>
      ref.kind === "richText" ? section.kind === "RICH_TEXT" && section.key === ref.sectionKey : section.kind === (ref.kind === "decisionPoints" ? "DECISION_POINTS" : "ATTACHMENTS"),
    );
  if (!known) throw new AppError("VALIDATION", `Template has no section ${sectionId(ref)}`, { userMessage: "Avsnittet finns inte i mallen." });
};

export const lockStatement = async (tx: Tx, statementId: string) => {
  const rows = await tx.$queryRaw<{ current_version: number; status: string }[]>`
    SELECT current_version, status::text AS status FROM statement WHERE id = ${statementId}::uuid FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", `Statement ${statementId} not found`);
  return { currentVersion: row.current_version, status: row.status as "DRAFT" | "IN_ATTESTATION" | "ATTESTED" };
};

/** Writes version `current + 1` with `content` (conditional on currentVersion) and its audit event. */
export const appendVersionInTx = async (
  tx: Tx,
  options: {
    actorId: string;
    statementId: string;
    caseId: string;
    current: number;
    content: TStatementContent;
    changedSection: string | null;
    restoredFromNumber?: number;
    action: "statement.save" | "statement.restore" | "statement.resolve_signers" | "statement.referral_compilation";
    /** More of what the event describes (counts, never text). */
    auditData?: Record<string, number>;
  },
) => {
  const number = options.current + 1;
  const { count } = await tx.statement.updateMany({
    where: { id: options.statementId, currentVersion: options.current, status: "DRAFT" },
    data: { currentVersion: number },
  });
  if (count === 0) throw new AppError("CONFLICT", "Statement changed during save");
  const version = await tx.statementVersion.create({
    data: {
      statementId: options.statementId,
      number,
      content: options.content as unknown as Prisma.InputJsonValue,
      contentHash: hashStatementContent(options.content),
      authorId: options.actorId,
      changedSection: options.changedSection,
      restoredFromNumber: options.restoredFromNumber ?? null,
    },
    select: { number: true, createdAt: true },
  });
  await recordAudit(tx, {
    actorId: options.actorId,
    action: options.action,
    entityType: "Statement",
    entityId: options.statementId,
    caseId: options.caseId,
    // Never the text: the audit log is readable more widely than a draft.
    data: { version: number, section: options.changedSection, ...(options.restoredFromNumber ? { restoredFrom: options.restoredFromNumber } : {}), ...options.auditData },
  });
  return version;
};

export const caseOfficerNamesInTx = async (tx: Tx, caseId: string) => caseOfficerNamesOf(await tx.case.findUniqueOrThrow({ where: { id: caseId }, select: CASE_OFFICERS_SELECT }));

export const saveStatementSection = async ({ actor, input: save }: SaveStatementSectionOptions): Promise<SaveSectionResult> => {
  const ref = refOfInput(save);
  return db.$transaction(async (tx) => {
    const { currentVersion, status } = await lockStatement(tx, save.statementId);
    const statement = await loadStatementForEdit(tx, actor, save.statementId);
    assertStatementEditable({ status: status as typeof statement.status });
    if (save.baseVersion > currentVersion) throw new AppError("VALIDATION", `Base version ${save.baseVersion} > current ${currentVersion}`);

    const numbers = save.baseVersion === currentVersion ? [currentVersion] : [save.baseVersion, currentVersion];
    const versions = await tx.statementVersion.findMany({
      where: { statementId: save.statementId, number: { in: numbers } },
      select: { number: true, content: true, createdAt: true, author: { select: { name: true } } },
    });
    const current = versions.find((version) => version.number === currentVersion);
    const base = versions.find((version) => version.number === save.baseVersion);
    if (!current || !base) throw new AppError("NOT_FOUND", "Statement version missing");
    const currentContent = parseStatementContent(current.content);
    // The Remissammanställning is saved like a template section once a refresh has created it.
    assertTemplateHasSection(hasReferralCompilation(currentContent) ? withReferralCompilation(statement.definition) : statement.definition, ref);

    const value: SectionValue =
      save.kind === "attachments"
        ? { kind: "attachments", value: await resolveAttachments(tx, statement.caseId, statement.case.caseNumber, save.value) }
        : save.kind === "richText"
          ? { kind: "richText", sectionKey: save.sectionKey, value: save.value }
          : save.kind === "header"
            ? { kind: "header", value: save.value }
            : { kind: "decisionPoints", value: save.value };
    const currentSection = readSection(currentContent, ref);

    if (base !== current) {
      const baseSection = readSection(parseStatementContent(base.content), ref);
      // Someone else changed this very section since the user's text was loaded.
      if (!sameJson(baseSection, currentSection) && !sameJson(value, currentSection)) {
        return { status: "CONFLICT", currentVersion, current: currentSection, savedBy: current.author.name, savedAt: current.createdAt.toISOString() };
      }
    }

    // Only this section changes, so comparing it is comparing the whole content.
    if (sameJson(value, currentSection)) {
      return { status: "SAVED", version: currentVersion, savedAt: current.createdAt.toISOString(), rebased: false };
    }
    // Every save names the case's handläggare as they are now (medhandläggare come and go).
    const content = withCaseOfficers(writeSection(currentContent, value), await caseOfficerNamesInTx(tx, statement.caseId));
    const version = await appendVersionInTx(tx, {
      actorId: actor.id,
      statementId: save.statementId,
      caseId: statement.caseId,
      current: currentVersion,
      content,
      changedSection: sectionId(ref),
      action: "statement.save",
    });
    return { status: "SAVED", version: version.number, savedAt: version.createdAt.toISOString(), rebased: save.baseVersion !== currentVersion };
  });
};
