// The tjänsteutlåtande as an attestation subject: what its attestation binds (the current
// version's canonical content), its locked state (DRAFT → IN_ATTESTATION → ATTESTED, back
// to DRAFT on return or withdrawal), its audit events, and who hears what. E-mail leaves
// the app's access control: a confidential case's title is masked (features/cases/secrecy.ts).
import "server-only";
import { roleTitle as titleOfRole } from "@/lib/roles";
import { CONFIDENTIAL_CASE_TITLE } from "@/features/cases/secrecy";
import { createCaseDocumentInTx } from "@/features/cases/server";
import { parseStatementContent, statementSecrecyMarking, statementTitleOf } from "@/features/statements/server";
import { asHashScheme, type HashScheme } from "@/lib/canonical-json";
import { isoDateToDb, todayInStockholm } from "@/lib/dates";
import type { Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { contentHashOf } from "../content";
import type { SubjectAdapter } from "./engine";


const SUBJECT_SELECT = {
  id: true,
  status: true,
  currentVersion: true,
  createdById: true,
  case: { select: { id: true, caseNumber: true, title: true, secrecyReference: true, secrecyReason: true, caseOfficerId: true, coOfficerIds: true, committee: { select: { municipalityId: true } } } },
} as const;

/** The responsible handläggare and the medhandläggare: all hear how their statement fares. */
const caseOfficerIds = (subject: StatementSubject): string[] => [subject.case.caseOfficerId, ...subject.case.coOfficerIds];

export type StatementSubject = Awaited<ReturnType<typeof lockStatement>>;

const lockStatement = async (tx: Tx, statementId: string) => {
  await tx.$queryRaw`SELECT id FROM "statement" WHERE id = ${statementId}::uuid FOR UPDATE`;
  return tx.statement.findUniqueOrThrow({ where: { id: statementId }, select: SUBJECT_SELECT });
};

/** The version and the hash of its content in `scheme` (the new request's, or the one it recorded). */
export const statementVersionOf = async (tx: Tx, statementId: string, number: number, scheme: HashScheme) => {
  const version = await tx.statementVersion.findUnique({ where: { statementId_number: { statementId, number } }, select: { number: true, content: true, contentHash: true } });
  if (!version) throw new AppError("INVALID_STATE", `Statement ${statementId} has no version ${number}`, { userMessage: "Tjänsteutlåtandet har ingen sparad version ännu." });
  // The stored hash (scheme 1, written on save) is a convenience; what binds is the hash of the content itself.
  if (contentHashOf(version.content, 1) !== version.contentHash) throw new AppError("INVALID_STATE", `Version ${number} of ${statementId}: stored hash differs from content`, { userMessage: "Versionens kontrollsumma stämmer inte. Kontakta en administratör." });
  return { ...version, hash: contentHashOf(version.content, scheme) };
};

const attestationLink = (subject: StatementSubject): string => `/arenden/${subject.case.id}/attestering`;
const shownTitle = (subject: StatementSubject, content: unknown): string => (subject.case.secrecyReference ? CONFIDENTIAL_CASE_TITLE : (statementTitleOf(content) ?? subject.case.title));
const maskedText = (subject: StatementSubject, text: string | null): string | null => (subject.case.secrecyReference ? "(se Yttra)" : text);

export const statementSubject: SubjectAdapter<StatementSubject, { documentNumber: string; recordIds: string[] }> = {
  type: "STATEMENT",
  lock: lockStatement,
  caseIdOf: (subject) => subject.case.id,
  storedContent: async (tx, subject, request) => (await statementVersionOf(tx, subject.id, request.versionNumber, asHashScheme(request.hashScheme))).content,
  roleTitle: (role) => titleOfRole(role),
  markSent: async (tx, subject, { versionNumber }) =>
    (await tx.statement.updateMany({ where: { id: subject.id, status: "DRAFT", currentVersion: versionNumber }, data: { status: "IN_ATTESTATION" } })).count === 1,
  complete: async (tx, subject, { actor, request, now }) => {
    const locked = await tx.statement.updateMany({ where: { id: subject.id, status: "IN_ATTESTATION", currentVersion: request.versionNumber }, data: { status: "ATTESTED" } });
    if (locked.count !== 1) return null;
    const { content } = await statementVersionOf(tx, subject.id, request.versionNumber, asHashScheme(request.hashScheme));
    // An upprättad handling of the diarium, dated the day of the last attestation, that keeps
    // the attested PDF/A as its file (bound to the attestation's content hash).
    const document = await createCaseDocumentInTx(tx, {
      actorId: actor.id,
      caseId: subject.case.id,
      direction: "DRAWN_UP",
      documentDate: isoDateToDb(todayInStockholm(now)),
      description: `Tjänsteutlåtande: ${statementTitleOf(content) ?? subject.case.title} (attesterat)`,
      ...(await statementSecrecyMarking(tx, subject.case, parseStatementContent(content))),
      generated: [{ kind: "STATEMENT", subjectId: subject.id, contentHash: request.contentHash }],
    });
    return {
      result: { documentNumber: document.documentNumber, recordIds: document.recordIds },
      audits: [
        {
          actorId: actor.id,
          action: "attestation.complete",
          entityType: "AttestationRequest",
          entityId: request.id,
          caseId: subject.case.id,
          data: { statementId: subject.id, versionNumber: request.versionNumber, contentHash: request.contentHash, documentId: document.id, documentNumber: document.documentNumber },
        },
      ],
      notice: {
        municipalityId: subject.case.committee.municipalityId,
        userIds: [...caseOfficerIds(subject), request.requestedById],
        except: actor.id,
        kind: "attestation.completed",
        title: `Attesterat: ${subject.case.caseNumber}`,
        body: `Tjänsteutlåtandet "${shownTitle(subject, content)}" i ärende ${subject.case.caseNumber} är attesterat av alla attestanter och registrerat som handling ${document.documentNumber}.`,
        link: attestationLink(subject),
      },
    };
  },
  reopen: async (tx, subject) => (await tx.statement.updateMany({ where: { id: subject.id, status: { in: ["IN_ATTESTATION", "ATTESTED"] } }, data: { status: "DRAFT" } })).count === 1,
  audit: (subject, event, { actor, request }) => {
    const base = { actorId: actor.id, caseId: subject.case.id };
    switch (event.kind) {
      case "sent":
        return {
          ...base,
          action: "attestation.send",
          entityType: "AttestationRequest",
          entityId: request.id,
          data: {
            statementId: subject.id,
            versionNumber: request.versionNumber,
            contentHash: request.contentHash,
            hashScheme: request.hashScheme,
            order: request.order,
            steps: request.steps.map((step) => ({ stepId: step.id, position: step.position, assigneeId: step.assigneeId, role: step.role })),
          },
        };
      case "returned":
        // The comment may quote confidential content: only in the step row, not in the wider-read log.
        return {
          ...base,
          action: "attestation.return",
          entityType: "AttestationStep",
          entityId: event.step.id,
          data: { requestId: request.id, stepId: event.step.id, invalidatedStepIds: event.invalidatedStepIds, ...(subject.case.secrecyReference ? {} : { comment: event.comment }) },
        };
      case "withdrawn":
        return {
          ...base,
          action: "attestation.withdraw",
          entityType: "AttestationRequest",
          entityId: request.id,
          data: { previousStatus: request.status, invalidatedStepIds: event.invalidatedStepIds, ...(subject.case.secrecyReference || event.reason === null ? {} : { reason: event.reason }) },
        };
    }
  },
  notice: (subject, notice, { actor, request }) => {
    const base = { municipalityId: subject.case.committee.municipalityId, link: attestationLink(subject) };
    const caseNumber = subject.case.caseNumber;
    switch (notice.kind) {
      case "requested":
        return { ...base, userIds: notice.userIds, kind: "attestation.requested", title: `Att attestera: ${caseNumber}`, body: `${actor.name} har skickat tjänsteutlåtandet "${shownTitle(subject, notice.content)}" i ärende ${caseNumber} till dig för attestering.` };
      case "nextInTurn":
        return { ...base, userIds: notice.userIds, kind: "attestation.requested", title: `Att attestera: ${caseNumber}`, body: `${notice.attesterName} har attesterat tjänsteutlåtandet "${shownTitle(subject, notice.content)}" i ärende ${caseNumber}. Nu är det din tur.` };
      case "returned":
        return {
          ...base,
          userIds: [...caseOfficerIds(subject), request.requestedById, ...request.steps.filter((step) => step.status === "ATTESTED").map((step) => step.assigneeId)],
          except: actor.id,
          kind: "attestation.returned",
          title: `Återsänt: ${caseNumber}`,
          body: `${actor.name} har skickat tillbaka tjänsteutlåtandet i ärende ${caseNumber} med kommentaren:\n\n${maskedText(subject, notice.comment)}\n\nTidigare attesteringar i omgången gäller inte längre.`,
        };
      case "withdrawn": {
        // Those who attested, and those who were asked to (sequential: only the one in turn).
        const firstWaiting = request.steps.find((step) => step.status === "WAITING");
        return {
          ...base,
          userIds: request.steps.filter((step) => step.status === "ATTESTED" || (step.status === "WAITING" && (request.order === "PARALLEL" || step.id === firstWaiting?.id))).map((step) => step.assigneeId),
          except: actor.id,
          kind: "attestation.invalidated",
          title: `Attestering återkallad: ${caseNumber}`,
          body: `${actor.name} har återkallat attesteringen av tjänsteutlåtandet i ärende ${caseNumber}. Tidigare attesteringar gäller inte längre.\n\nSkäl: ${maskedText(subject, notice.reason)}`,
        };
      }
    }
  },
  messages: { contentChanged: "Innehållet är inte det som skickades på attestering. Läs in sidan på nytt." },
};
