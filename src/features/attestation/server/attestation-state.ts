// The one answer to "is this attested?" for pages, exports and the verification page.
// Attested means, all at once and recomputed on every call:
//   the newest request of the subject is COMPLETED, it has steps, every step is ATTESTED,
//   every step's attestedHash === the request's contentHash === the SHA-256 of the
//   current version's content (recomputed, not read from a column, in the hash scheme the
//   request recorded), the statement is
//   ATTESTED at that version number, and every attestation matches its intact audit event.
// Anything else is "not attested", whatever order events happened in or what a row says.
import "server-only";
import type { AttestationOrder, AttestationRequestStatus, AttestationStepStatus, AttestationSubject, Role } from "@/generated/prisma/enums";
import { asHashScheme, CURRENT_HASH_SCHEME, type HashScheme } from "@/lib/canonical-json";
import { db, type Db, type Tx } from "@/server/db";
import { contentHashOf } from "../content";
import { checkStepsAgainstAudit } from "./attestation-audit";

export type AttestationStepView = {
  id: string;
  position: number;
  role: Role;
  assigneeId: string;
  assigneeName: string;
  status: AttestationStepStatus;
  attestedAt: Date | null;
  attesterName: string | null;
  attesterTitle: string | null;
  authMethod: string | null;
  attestedHash: string | null;
  comment: string | null;
};

export type AttestationRequestView = {
  id: string;
  status: AttestationRequestStatus;
  order: AttestationOrder;
  versionNumber: number;
  contentHash: string;
  hashScheme: HashScheme;
  verificationCode: string;
  requestedById: string;
  createdAt: Date;
  completedAt: Date | null;
  invalidatedAt: Date | null;
  invalidationReason: string | null;
  invalidatedByName: string | null;
};

export type AttestationState = {
  subjectType: AttestationSubject;
  subjectId: string;
  request: AttestationRequestView | null;
  steps: AttestationStepView[];
  currentVersionNumber: number | null;
  /** SHA-256 of the current content, recomputed now (in the request's hash scheme; the current scheme without a request). */
  currentHash: string | null;
  attested: boolean;
  /** Why a completed request does not count (Swedish, for the verification page). */
  problems: string[];
};

export type AttestationSubjectRef = { subjectType: AttestationSubject; subjectId: string };

const currentContent = async (client: Db | Tx, { subjectType, subjectId }: AttestationSubjectRef, scheme: HashScheme): Promise<{ number: number | null; hash: string | null; locked: boolean }> => {
  switch (subjectType) {
    case "STATEMENT": {
      // With its newest version in the same query. Versions only ever append, so the newest is
      // the current one; fail closed (no hash) if they disagree.
      const statement = await client.statement.findUnique({
        where: { id: subjectId },
        select: { status: true, currentVersion: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true, content: true } } },
      });
      if (!statement || statement.currentVersion === 0) return { number: null, hash: null, locked: false };
      const [version] = statement.versions;
      const hash = version && version.number === statement.currentVersion ? contentHashOf(version.content, scheme) : null;
      return { number: statement.currentVersion, hash, locked: statement.status === "ATTESTED" };
    }
    case "MINUTES": {
      // Minutes store the content they were sent for justering with; the hash is recomputed
      // from it. Fail closed: minutes without that snapshot (sent before it existed, or the
      // column emptied) have no content to verify, so they are never attested — the
      // contentHash column alone proves nothing about what was approved.
      const minutes = await client.minutes.findUnique({ where: { id: subjectId }, select: { content: true, version: true, status: true } });
      const hash = minutes?.content != null ? contentHashOf(minutes.content, scheme) : null;
      return { number: minutes?.version ?? null, hash, locked: minutes?.status === "APPROVED" };
    }
  }
};

export const getAttestationState = async (subject: AttestationSubjectRef, client: Db | Tx = db): Promise<AttestationState> => {
  const request = await client.attestationRequest.findFirst({
    where: { subjectType: subject.subjectType, subjectId: subject.subjectId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { steps: { orderBy: { position: "asc" }, include: { assignee: { select: { name: true } } } }, invalidatedBy: { select: { name: true } } },
  });
  const current = await currentContent(client, subject, request ? asHashScheme(request.hashScheme) : CURRENT_HASH_SCHEME);
  const base = { ...subject, currentVersionNumber: current.number, currentHash: current.hash };
  if (!request) return { ...base, request: null, steps: [], attested: false, problems: [] };

  const steps: AttestationStepView[] = request.steps.map((step) => ({
    id: step.id,
    position: step.position,
    role: step.role,
    assigneeId: step.assigneeId,
    assigneeName: step.assignee.name,
    status: step.status,
    attestedAt: step.attestedAt,
    attesterName: step.attesterName,
    attesterTitle: step.attesterTitle,
    authMethod: step.authMethod,
    attestedHash: step.attestedHash,
    comment: step.comment,
  }));
  const view: AttestationRequestView = {
    id: request.id,
    status: request.status,
    order: request.order,
    versionNumber: request.versionNumber,
    contentHash: request.contentHash,
    hashScheme: asHashScheme(request.hashScheme),
    verificationCode: request.verificationCode,
    requestedById: request.requestedById,
    createdAt: request.createdAt,
    completedAt: request.completedAt,
    invalidatedAt: request.invalidatedAt,
    invalidationReason: request.invalidationReason,
    invalidatedByName: request.invalidatedBy?.name ?? null,
  };

  const problems: string[] = [];
  if (request.status === "COMPLETED") {
    if (steps.length === 0) problems.push("attesteringen saknar attestanter");
    if (steps.some((step) => step.status !== "ATTESTED")) problems.push("alla attestanter har inte attesterat");
    if (steps.some((step) => step.attestedHash !== request.contentHash)) problems.push("en attestering gäller ett annat innehåll än det som skickades");
    if (current.hash !== request.contentHash) problems.push("innehållet har ändrats sedan det attesterades");
    if (current.number !== request.versionNumber) problems.push("en nyare version har sparats sedan attesteringen");
    if (!current.locked) problems.push("dokumentet är inte låst som attesterat");
    for (const check of await checkStepsAgainstAudit(client, request.steps)) problems.push(...check.problems);
  }
  const attested = request.status === "COMPLETED" && problems.length === 0;
  return { ...base, request: view, steps, attested, problems: [...new Set(problems)] };
};
