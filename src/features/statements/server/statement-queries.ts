// Read models for the statement pages: editor, history (with word diff) and preview.
// Authorization as everywhere: readers of the case see the statement, others get NOT_FOUND.
// The content is masked for the reader (../secrecy.ts): a bilaga taken from a handling
// with its own secrecy marking shows no description to those who may not read it.
import "server-only";
import { diffWords } from "diff";
import { authorize, can, findCaseWithScope, toCaseScope } from "@/server/authz";
import { maskStatementContent } from "../secrecy";
import { statementContentFor, statementSecrecyMask } from "./statement-secrecy";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { headingForSection, missingRequiredSections, proposerOf, statementToPlainText } from "../content";
import { hasReferralCompilation, withReferralCompilation } from "../referral-compilation";
import type { TStatementContent, TTemplateDefinition } from "../schemas";
import { CASE_ORGANISATION_SELECT } from "./create-statement";
import { parseStatementContent, parseTemplateDefinition } from "./statement-access";
import { withCurrentOrganisation } from "./statement-organisation";
import { templatesForCommittee } from "./templates";
import { DOCUMENT_CHOICES_SHOWN, type DocumentChoices } from "@/features/documents/format";
import { DOCUMENT_CHOICES_CASE_SELECT, documentChoicesOf } from "@/features/documents/server";

const loadCase = async (actor: Actor, caseId: string) => {
  const row = await findCaseWithScope(db, caseId, {
    ...DOCUMENT_CHOICES_CASE_SELECT,
    title: true,
    status: true,
    ...CASE_ORGANISATION_SELECT,
    statement: { select: { id: true, status: true, currentVersion: true, template: { select: { definition: true, name: true, version: true } } } },
    // Sent on remiss: the editor offers the Remissammanställning.
    _count: { select: { referralRounds: true } },
  });
  if (!row) throw new AppError("NOT_FOUND", `Case ${caseId} not found`);
  const scope = authorize(actor, "case.read", toCaseScope(row));
  return { row, scope, canEdit: can(actor, "statement.edit", scope) };
};

export type TemplateChoice = { id: string; name: string; committeeName: string | null; proposer: string; isDefault: boolean };

export type StatementPageData = {
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  caseOpen: boolean;
  /** The actor is the case's handläggare (may create and edit). */
  canEdit: boolean;
  /** The handlingar a bilaga may be taken from (those chosen among them): for the writer of a draft (or of a new statement), else null. */
  documents: DocumentChoices | null;
  /** Before a statement exists, for its writer: the committee's and the municipality's templates, the default first. */
  templates: TemplateChoice[];
  statement: null | {
    id: string;
    status: "DRAFT" | "IN_ATTESTATION" | "ATTESTED";
    version: number;
    savedAt: string;
    savedBy: string;
    content: TStatementContent;
    definition: TTemplateDefinition;
    templateName: string;
    missingRequired: string[];
  };
};

/** The editor's read model: the newest version and what the pickers need. */
export const getStatementPage = async ({ actor, caseId }: { actor: Actor; caseId: string }): Promise<StatementPageData> => {
  const { row, scope, canEdit } = await loadCase(actor, caseId);
  // The pickers serve the create form and the editor of a draft; a statement sent on is only read.
  const picks = canEdit && (!row.statement || row.statement.status === "DRAFT");
  const reading = row.statement
    ? db.statementVersion.findUnique({
        where: { statementId_number: { statementId: row.statement.id, number: row.statement.currentVersion } },
        select: { content: true, createdAt: true, author: { select: { name: true } } },
      })
    : Promise.resolve(null);
  // Of a case of many handlingar the picker shows the bilagor already chosen besides the newest.
  const chosenIn = (version: Awaited<typeof reading>) => (version ? parseStatementContent(version.content).attachments.map((attachment) => attachment.documentId) : []);
  const [latest, documents] = await Promise.all([
    reading,
    !picks ? null : row.lastDocumentNumber <= DOCUMENT_CHOICES_SHOWN ? documentChoicesOf({ actor, scope, found: row }) : reading.then((version) => documentChoicesOf({ actor, scope, found: row, chosen: chosenIn(version) })),
  ]);
  let statement: StatementPageData["statement"] = null;
  if (row.statement && latest) {
    const definition = parseTemplateDefinition(row.statement.template.definition);
    const stored = parseStatementContent(latest.content);
    // A draft names who would sign if it were sent today (sending resolves them anew).
    const content = row.statement.status === "DRAFT" ? await withCurrentOrganisation(db, stored, row, definition) : stored;
    statement = {
      id: row.statement.id,
      status: row.statement.status,
      version: row.statement.currentVersion,
      savedAt: latest.createdAt.toISOString(),
      savedBy: latest.author.name,
      content: await statementContentFor(db, actor, row, content),
      definition: row._count.referralRounds > 0 || hasReferralCompilation(content) ? withReferralCompilation(definition) : definition,
      templateName: `${row.statement.template.name} (version ${row.statement.template.version})`,
      missingRequired: missingRequiredSections(content, definition),
    };
  }
  const templates =
    canEdit && !row.statement
      ? (await templatesForCommittee(db, { municipalityId: row.committee.municipalityId, committeeId: row.committeeId })).map((template) => ({
          id: template.id,
          name: template.name,
          committeeName: template.committeeName,
          proposer: proposerOf(template.definition).name,
          isDefault: template.isDefault,
        }))
      : [];
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    caseTitle: row.title,
    caseOpen: row.status === "OPEN",
    canEdit,
    templates,
    documents,
    statement,
  };
};

export type StatementHistoryData = {
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  statementId: string;
  canRestore: boolean;
  currentVersion: number;
  versions: { number: number; authorName: string; createdAt: string; changed: string; restoredFromNumber: number | null; contentHash: string }[];
};

export const getStatementHistory = async ({ actor, caseId }: { actor: Actor; caseId: string }): Promise<StatementHistoryData> => {
  const { row, canEdit } = await loadCase(actor, caseId);
  if (!row.statement) throw new AppError("NOT_FOUND", "Case has no statement");
  const definition = parseTemplateDefinition(row.statement.template.definition);
  const versions = await db.statementVersion.findMany({
    where: { statementId: row.statement.id },
    orderBy: { number: "desc" },
    select: { number: true, createdAt: true, changedSection: true, restoredFromNumber: true, contentHash: true, author: { select: { name: true } } },
  });
  return {
    caseId: row.id,
    caseNumber: row.caseNumber,
    caseTitle: row.title,
    statementId: row.statement.id,
    canRestore: canEdit && row.statement.status === "DRAFT",
    currentVersion: row.statement.currentVersion,
    versions: versions.map((version) => ({
      number: version.number,
      authorName: version.author.name,
      createdAt: version.createdAt.toISOString(),
      changed: version.number === 1 ? "Skapad från mall" : version.restoredFromNumber ? `Återställd från version ${version.restoredFromNumber}` : headingForSection(definition, version.changedSection),
      restoredFromNumber: version.restoredFromNumber,
      contentHash: version.contentHash,
    })),
  };
};

export type DiffPart = { value: string; added: boolean; removed: boolean };

/** Word-level difference between two versions, as text in template order. */
export const getStatementVersionDiff = async ({ actor, caseId, from, to }: { actor: Actor; caseId: string; from: number; to: number }): Promise<DiffPart[]> => {
  const { row } = await loadCase(actor, caseId);
  if (!row.statement) throw new AppError("NOT_FOUND", "Case has no statement");
  const definition = parseTemplateDefinition(row.statement.template.definition);
  const versions = await db.statementVersion.findMany({ where: { statementId: row.statement.id, number: { in: [from, to] } }, select: { number: true, content: true } });
  const contents = new Map(versions.map((version) => [version.number, parseStatementContent(version.content)]));
  const mask = await statementSecrecyMask(db, actor, row, [...contents.values()]);
  const text = (number: number): string => {
    const content = contents.get(number);
    if (!content) throw new AppError("NOT_FOUND", `Version ${number} not found`);
    return statementToPlainText(maskStatementContent(content, mask), definition);
  };
  return diffWords(text(from), text(to)).map((part) => ({ value: part.value, added: Boolean(part.added), removed: Boolean(part.removed) }));
};

export type StatementPreviewData = {
  caseId: string;
  statementId: string;
  caseNumber: string;
  version: number;
  currentVersion: number;
  status: "DRAFT" | "IN_ATTESTATION" | "ATTESTED";
};

/** Which version (default: the newest) the preview shows; the document itself comes from the exports' loader. */
export const getStatementPreview = async ({ actor, caseId, version }: { actor: Actor; caseId: string; version?: number }): Promise<StatementPreviewData> => {
  const { row } = await loadCase(actor, caseId);
  if (!row.statement) throw new AppError("NOT_FOUND", "Case has no statement");
  const number = version ?? row.statement.currentVersion;
  const stored = await db.statementVersion.findUnique({ where: { statementId_number: { statementId: row.statement.id, number } }, select: { number: true } });
  if (!stored) throw new AppError("NOT_FOUND", `Version ${number} not found`);
  return {
    caseId: row.id,
    statementId: row.statement.id,
    caseNumber: row.caseNumber,
    version: number,
    currentVersion: row.statement.currentVersion,
    status: row.statement.status,
  };
};
