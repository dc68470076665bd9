// A tjänsteutlåtande as the one document model, for someone who may read its case: the
// preview, the attester's page and the PDF/DOCX exports all render what
// `loadStatementDocument` returns, so what a person reads and attests is what is exported.
// Loads and authorizes here; `statementToDocument` maps; the renderers draw. A version is
// shown with its attestation block only when the attestation feature says it is attested
// *and* the hash of the exact version rendered equals the hash the attestation binds to —
// otherwise it is a draft with "UTKAST".
import "server-only";
import { contentHashOf } from "@/features/attestation/content";
import { getAttestationState } from "@/features/attestation/server";
import { can, CASE_SCOPE_SELECT, toCaseScope } from "@/server/authz";
import { CASE_ORGANISATION_SELECT, parseStatementContent, parseTemplateDefinition, statementSecrecyMask, withCurrentOrganisation } from "@/features/statements/server";
import { maskCaseTitle, NO_MASK } from "@/features/cases/secrecy";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { renderExportFile, verificationUrlFor, type ExportedFile } from "./exported-file";
import { letterheadLogo } from "./letterhead-logo";
import type { ExportDocument } from "../document-model";
import type { TExportFormat } from "../schemas";
import { statementFileName, statementToDocument, type ExportVariant, type StatementAttestation } from "../statement-document";
import { todayInStockholm } from "@/lib/dates";

export type LoadStatementDocumentOptions = {
  /** "system": the record kept in the diarium (records.ts), unmasked; its handling carries the case's secrecy marking. */
  actor: Actor | "system";
  statementId: string;
  /** A stored version; default: the attested version when attested, else the current one. */
  version?: number;
  variant?: ExportVariant;
};

export type StatementDocumentView = {
  document: ExportDocument;
  statementId: string;
  versionNumber: number;
  /** SHA-256 of the version's canonical content: what an attestation of it binds. */
  contentHash: string;
  attested: boolean;
  fileName: (format: TExportFormat) => string;
};

export const loadStatementDocument = async ({ actor, statementId, version: requested, variant = "internal" }: LoadStatementDocumentOptions): Promise<StatementDocumentView> => {
  const statement = await db.statement.findUnique({
    where: { id: statementId },
    select: {
      id: true,
      status: true,
      currentVersion: true,
      template: { select: { definition: true } },
      case: {
        select: {
          ...CASE_SCOPE_SELECT,
          ...CASE_ORGANISATION_SELECT,
          caseNumber: true,
          // The letterhead's logo: the municipality's, with the committee's municipality (the scope's) in the same query.
          committee: { select: { municipalityId: true, municipality: { select: { name: true, logo: { select: { sha256: true, mimeType: true } } } } } },
        },
      },
    },
  });
  // Unknown and unreadable look the same: nothing tells whether the statement exists.
  if (!statement || (actor !== "system" && !can(actor, "case.read", toCaseScope(statement.case)))) throw new AppError("NOT_FOUND", `Statement ${statementId} not readable`);
  if (statement.currentVersion === 0) throw new AppError("NOT_FOUND", `Statement ${statementId} has no version`);

  const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: statement.id });
  const attestedVersion = state.attested && state.request ? state.request.versionNumber : null;
  const versionNumber = requested ?? attestedVersion ?? statement.currentVersion;
  const version = await db.statementVersion.findUnique({
    where: { statementId_number: { statementId: statement.id, number: versionNumber } },
    select: { content: true, createdAt: true },
  });
  if (!version) throw new AppError("NOT_FOUND", `Statement ${statementId} has no version ${versionNumber}`);
  // Hash of exactly what is rendered, from the stored JSON, never from a column (in the
  // attestation's hash scheme, which an attested export prints).
  const contentHash = contentHashOf(version.content, state.request?.hashScheme ?? CURRENT_HASH_SCHEME);

  let attestation: StatementAttestation | null = null;
  if (state.request && versionNumber === attestedVersion) {
    if (contentHash !== state.request.contentHash) {
      throw new AppError("INVALID_STATE", `Version ${versionNumber} of ${statement.id} hashes to ${contentHash}, attestation binds ${state.request.contentHash}`, {
        userMessage: "Dokumentets innehåll stämmer inte med attesteringen och kan inte exporteras. Kontakta registrator.",
      });
    }
    attestation = {
      contentHash: state.request.contentHash,
      attesters: state.steps.map((step) => ({
        name: step.attesterName ?? step.assigneeName,
        title: step.attesterTitle,
        attestedOn: step.attestedAt ? todayInStockholm(step.attestedAt) : "",
      })),
      verificationCode: state.request.verificationCode,
      verificationUrl: verificationUrlFor(state.request.verificationCode),
    };
  }

  const definition = parseTemplateDefinition(statement.template.definition);
  const stored = parseStatementContent(version.content);
  // The draft being written shows who would sign if it were sent today; a version that was
  // sent (or an older one) shows the names it carries, as attested.
  const live = statement.status === "DRAFT" && versionNumber === statement.currentVersion;
  const content = live ? await withCurrentOrganisation(db, stored, statement.case, definition) : stored;
  // The public copy shows what the public diarium shows; the internal one what this reader may read (the record: everything).
  const viewer = variant === "public" ? "public" : actor;
  const mask = viewer === "system" ? NO_MASK : await statementSecrecyMask(db, viewer, statement.case, [content]);
  // Datum: the day the rendered version was sent for attestation (a request that covers it and
  // was neither returned nor withdrawn), else the day of the version.
  const sending = state.request && state.request.versionNumber === versionNumber && (state.request.status === "PENDING" || state.request.status === "COMPLETED") ? state.request : null;
  const municipality = statement.case.committee.municipality;
  const document = statementToDocument({
    content,
    definition,
    contentHash,
    createdAt: version.createdAt,
    date: todayInStockholm(sending?.createdAt ?? version.createdAt),
    logo: await letterheadLogo(municipality.logo, municipality.name),
    caseInfo: {
      caseNumber: statement.case.caseNumber,
      administrationName: statement.case.department.administration.name,
      departmentName: statement.case.department.name,
    },
    attestation,
    variant,
    mask,
  });
  return {
    document,
    statementId: statement.id,
    versionNumber,
    contentHash,
    attested: attestation !== null,
    fileName: (format) => statementFileName({ caseNumber: statement.case.caseNumber, title: maskCaseTitle(content.header.title, mask), draft: attestation === null, variant, format }),
  };
};

export type ExportStatementOptions = LoadStatementDocumentOptions & { format: TExportFormat };

export const exportStatement = async ({ format, ...options }: ExportStatementOptions): Promise<ExportedFile> => {
  const { document, fileName } = await loadStatementDocument(options);
  return renderExportFile({ document, format, fileName: fileName(format) });
};
