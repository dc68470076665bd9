// "Skapa tjänsteutlåtande": a draft from the municipality's default template, prefilled
// from the case (motion, department, union consultations, chosen attachments) and the
// organisation (who signs).
// Version 1 holds the prefill; every later save is a new version.
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { authorize, CASE_SCOPE_SELECT, toCaseScope } from "@/server/authz";
import { canonicalJson, type CanonicalValue } from "@/lib/canonical-json";
import { formatDocumentNumber } from "@/lib/case-number";
import { sha256Hex } from "@/lib/hash";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { defaultDecisionPoint, describeUnionConsultation, lowerFirst, proposerOf, withCaseOfficers, type CaseOfficerNames } from "../content";
import { bulletList, doc, EMPTY_DOC, paragraph, type TRichText } from "../rich-text";
import { ZCreateStatementSchema, type TAttachment, type TStatementContent, type TTemplateDefinition } from "../schemas";
import { STATEMENT_EDIT_REFUSED } from "./statement-access";
import { ensureDefaultTemplate, templatesForCommittee, type StatementTemplateRow } from "./templates";

export const hashStatementContent = (content: TStatementContent): string => sha256Hex(canonicalJson(content as unknown as CanonicalValue));

type MotionForPrefill = { authors: { name: string; party: string | null }[]; proposals: { text: string }[] } | null;

const joinNames = (names: string[]): string =>
  names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} och ${names[names.length - 1]}`;

/** "Andréa Hedin (M) har skrivit en motion där det föreslås att" + the att-satser as a list. */
export const motionPrefill = (motion: MotionForPrefill): TRichText => {
  if (!motion || motion.authors.length === 0) return EMPTY_DOC;
  const authors = joinNames(motion.authors.map((author) => (author.party ? `${author.name} (${author.party})` : author.name)));
  const proposals = motion.proposals.map((proposal) => proposal.text.trim()).filter(Boolean);
  if (proposals.length === 0) return doc(paragraph(`${authors} har skrivit en motion.`));
  return doc(paragraph(`${authors} har skrivit en motion där det föreslås att`), bulletList(...proposals.map((text) => [paragraph(text)])));
};

type UnionConsultationForPrefill = { forum: string; date: Date };

/**
 * "Ärendet har beretts inom avdelningen för samhälle och service. De fackliga organisationerna
 * informerades på förvaltningsgrupp den 16 april 2024." Every recorded union consultation,
 * oldest first: each is part of how the case was prepared (förvaltningsgrupp, then FSG …).
 */
export const preparationPrefill = (departmentName: string, unionConsultations: readonly UnionConsultationForPrefill[]): TRichText => {
  const unions = [...new Set(unionConsultations.map(describeUnionConsultation))];
  return doc(paragraph([`Ärendet har beretts inom ${lowerFirst(departmentName)}.`, ...unions].join(" ")));
};

/** Select with the case: the handläggare the statement header names, medhandläggare in the order they were added. */
export const CASE_OFFICERS_SELECT = {
  caseOfficer: { select: { name: true, phone: true } },
  coOfficers: { select: { userId: true, user: { select: { name: true } } }, orderBy: [{ createdAt: "asc" }, { userId: "asc" }] },
} satisfies Prisma.CaseSelect;

export const caseOfficerNamesOf = (row: Prisma.CaseGetPayload<{ select: typeof CASE_OFFICERS_SELECT }>): CaseOfficerNames => ({
  caseOfficerName: row.caseOfficer.name,
  coOfficerNames: row.coOfficers.map((coOfficer) => coOfficer.user.name),
});

export const CASE_FOR_STATEMENT_SELECT = {
  ...CASE_SCOPE_SELECT,
  ...CASE_OFFICERS_SELECT,
  id: true,
  caseNumber: true,
  title: true,
  status: true,
  referringBody: true,
  committee: { select: { name: true, municipalityId: true } },
  department: { select: { name: true, administrationId: true, administration: { select: { name: true } } } },
  motion: {
    select: {
      authors: { select: { name: true, party: true }, orderBy: { position: "asc" } },
      proposals: { select: { text: true }, orderBy: { position: "asc" } },
    },
  },
  // The consultations recorded for the case, in the same read (meetings/server/union-consultation.ts records them).
  unionConsultations: { select: { forum: true, date: true }, orderBy: [{ date: "asc" }, { createdAt: "asc" }] },
  statement: { select: { id: true } },
} satisfies Prisma.CaseSelect;

type CaseForStatement = Prisma.CaseGetPayload<{ select: typeof CASE_FOR_STATEMENT_SELECT }>;

/** What the letterhead and the signers are resolved from: the case's department and its administration. */
export const CASE_ORGANISATION_SELECT = {
  ...CASE_OFFICERS_SELECT,
  departmentId: true,
  department: { select: { name: true, administrationId: true, administration: { select: { name: true } } } },
} satisfies Prisma.CaseSelect;

export type CaseOrganisation = Prisma.CaseGetPayload<{ select: typeof CASE_ORGANISATION_SELECT }>;

/** Stadsdelsdirektör and avdelningschef from the organisation as it is now, in the template's order. */
export const resolveSignatories = async (tx: Tx | Db, row: CaseOrganisation, definition: TTemplateDefinition): Promise<TStatementContent["signatories"]> => {
  const holders = await tx.membership.findMany({
    where: {
      user: { disabledAt: null },
      OR: [
        { role: "DIRECTOR", administrationId: row.department.administrationId },
        { role: "DEPARTMENT_HEAD", departmentId: row.departmentId },
      ],
    },
    select: { role: true, user: { select: { name: true, title: true } } },
    orderBy: { createdAt: "asc" },
  });
  return definition.signatories.flatMap((signatory) => {
    const holder = holders.find((membership) => membership.role === signatory.role);
    if (!holder) return [];
    return [{ role: signatory.role, name: holder.user.name, title: lowerFirst(holder.user.title ?? signatory.label), administration: row.department.administration.name }];
  });
};

export const resolveAttachments = async (tx: Tx, caseId: string, caseNumber: string, documentIds: readonly string[]): Promise<TAttachment[]> => {
  if (documentIds.length === 0) return [];
  const documents = await tx.caseDocument.findMany({
    where: { caseId, id: { in: [...documentIds] } },
    select: { id: true, number: true, description: true, case: { select: { series: { select: { documentNumberFormat: true } } } } },
  });
  if (documents.length !== new Set(documentIds).size) {
    throw new AppError("VALIDATION", "Attachment is not a document of this case", { userMessage: "En vald bilaga finns inte bland ärendets handlingar." });
  }
  // In the order the user chose them.
  return [...new Set(documentIds)].map((id) => {
    const document = documents.find((item) => item.id === id)!;
    return { documentId: document.id, number: formatDocumentNumber(caseNumber, document.number, document.case.series.documentNumberFormat), description: document.description };
  });
};

export const buildInitialContent = (row: CaseForStatement, definition: TTemplateDefinition, signatories: TStatementContent["signatories"], attachments: TAttachment[]): TStatementContent =>
  withCaseOfficers(initialContent(row, definition, signatories, attachments), caseOfficerNamesOf(row));

const initialContent = (row: CaseForStatement, definition: TTemplateDefinition, signatories: TStatementContent["signatories"], attachments: TAttachment[]): TStatementContent => ({
  format: 1,
  header: {
    caseNumber: row.caseNumber,
    caseOfficerName: row.caseOfficer.name,
    caseOfficerPhone: row.caseOfficer.phone ?? "",
    committeeName: row.committee.name,
    administrationName: row.department.administration.name,
    departmentName: row.department.name,
    meetingDate: null,
    title: row.title,
    subtitle: row.referringBody
      ? definition.subtitle.replaceAll("{referringBody}", lowerFirst(row.referringBody))
      : definition.subtitle.replaceAll(" till {referringBody}", "").replaceAll("{referringBody}", "").trim(),
  },
  decisionPoints: [{ text: defaultDecisionPoint(row.committee.name, row.referringBody) }],
  sections: definition.sections
    .filter((section) => section.kind === "RICH_TEXT")
    .map((section) => ({
      key: section.key,
      body: section.prefill === "MOTION" ? motionPrefill(row.motion) : section.prefill === "PREPARATION" ? preparationPrefill(row.department.name, row.unionConsultations) : EMPTY_DOC,
    })),
  attachments,
  signatories,
  proposer: proposerOf(definition),
});

type InsertStatementOptions = { actorId: string; caseId: string; templateId: string; content: TStatementContent };

/** Inserts the statement with its first version and the audit event (caller authorizes). */
export const insertStatementInTx = async (tx: Tx, { actorId, caseId, templateId, content }: InsertStatementOptions) => {
  const statement = await tx.statement.create({
    data: {
      caseId,
      templateId,
      createdById: actorId,
      currentVersion: 1,
      versions: { create: { number: 1, content: content as unknown as Prisma.InputJsonValue, contentHash: hashStatementContent(content), authorId: actorId } },
    },
    select: { id: true, currentVersion: true },
  });
  await recordAudit(tx, { actorId, action: "statement.create", entityType: "Statement", entityId: statement.id, caseId, data: { version: 1 } });
  return statement;
};

/** The chosen template, one of those offered for the case's committee; none chosen: the committee's default. */
const chooseTemplate = async (tx: Tx, row: CaseForStatement, templateId: string | undefined): Promise<StatementTemplateRow> => {
  await ensureDefaultTemplate(tx, row.committee.municipalityId);
  const offered = await templatesForCommittee(tx, { municipalityId: row.committee.municipalityId, committeeId: row.committeeId });
  const chosen = templateId === undefined ? offered.find((template) => template.isDefault) : offered.find((template) => template.id === templateId);
  if (!chosen) throw new AppError("VALIDATION", `Template ${templateId} not offered for ${row.committeeId}`, { fieldErrors: { templateId: ["Välj en av mallarna för ärendets nämnd."] } });
  return chosen;
};

export type CreateStatementOptions = { actor: Actor; input: z.output<typeof ZCreateStatementSchema> };

export const createStatement = async ({ actor, input }: CreateStatementOptions): Promise<{ statementId: string; version: number }> => {
  const { caseId, attachmentDocumentIds, templateId } = input;
  return db.$transaction(async (tx) => {
    const row = await tx.case.findUnique({ where: { id: caseId }, select: CASE_FOR_STATEMENT_SELECT });
    if (!row) throw new AppError("NOT_FOUND", `Case ${caseId} not found`);
    authorize(actor, "statement.edit", toCaseScope(row), STATEMENT_EDIT_REFUSED);
    if (row.status !== "OPEN") throw new AppError("INVALID_STATE", `Case is ${row.status}`, { userMessage: "Ärendet är avslutat. Ett tjänsteutlåtande kan inte skapas." });
    if (row.statement) throw new AppError("CONFLICT", "Case already has a statement", { userMessage: "Ärendet har redan ett tjänsteutlåtande." });
    const template = await chooseTemplate(tx, row, templateId);
    const signatories = await resolveSignatories(tx, row, template.definition);
    const attachments = await resolveAttachments(tx, row.id, row.caseNumber, attachmentDocumentIds);
    const content = buildInitialContent(row, template.definition, signatories, attachments);
    const statement = await insertStatementInTx(tx, { actorId: actor.id, caseId: row.id, templateId: template.id, content });
    return { statementId: statement.id, version: statement.currentVersion };
  });
};
