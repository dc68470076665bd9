// The one answer to "is this attested?" for pages, exports and the verification page.
// Attested means, all at once and recomputed on every call:
//   the newest request of the subject is COMPLETED, it has steps, every step is ATTESTED,
//   every step's attestedHash === the request's contentHash === the SHA-256 of the
//   current version's content (recomputed, not read from a column, in the hash scheme the
//   request recorded), the statement is
//   ATTESTED at that version number, and every attestation matches its intact audit event.
// Anything else is "not attested", whatever order events happened in or what a row says.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AttestationOrder, AttestationRequestStatus, AttestationStepStatus, AttestationSubject, Role } from "@/generated/prisma/enums";
import { asHashScheme, CURRENT_HASH_SCHEME, type HashScheme } from "@/lib/canonical-json";
import { db, type Db, type Tx } from "@/server/db";
import { contentHashOfStoredText } from "../content";
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

const REQUEST_INCLUDE = {
  steps: { orderBy: { position: "asc" }, include: { assignee: { select: { name: true } } } },
  invalidatedBy: { select: { name: true } },
} satisfies Prisma.AttestationRequestInclude;

type RequestWithSteps = Prisma.AttestationRequestGetPayload<{ include: typeof REQUEST_INCLUDE }>;

type CurrentContent = { number: number | null; hash: string | null; locked: boolean };

/** A subject's key in the maps below: ids are unique per subject type. */
const subjectKey = ({ subjectType, subjectId }: AttestationSubjectRef): string => `${subjectType}:${subjectId}`;

const idsOfType = (subjects: readonly AttestationSubjectRef[], type: AttestationSubject): string[] =>
  subjects.filter((subject) => subject.subjectType === type).map((subject) => subject.subjectId);

// `content` is read as the text jsonb writes out: hashed by that text's digest once it is known (contentHashOfStoredText).
type StatementRow = { id: string; status: string; currentVersion: number; newestNumber: number | null; content: string | null };
type MinutesRow = { id: string; status: string; version: number; content: string | null };

/**
 * The current content of every subject, in one query per subject type, hashed in the scheme
 * `schemeOf` gives each one (its request's).
 */
const currentContents = async (client: Db | Tx, subjects: readonly AttestationSubjectRef[], schemeOf: (subject: AttestationSubjectRef) => HashScheme): Promise<Map<string, CurrentContent>> => {
  const contents = new Map<string, CurrentContent>();
  const statementIds = idsOfType(subjects, "STATEMENT");
  const minutesIds = idsOfType(subjects, "MINUTES");
  const [statements, minutes] = await Promise.all([
    // Each with its newest version. Versions only ever append, so the newest is the current
    // one; fail closed (no hash) if they disagree.
    statementIds.length === 0
      ? []
      : client.$queryRaw<StatementRow[]>`
          SELECT s.id::text, s.status::text, s.current_version AS "currentVersion", v.number AS "newestNumber", v.content::text AS content
            FROM statement s
            LEFT JOIN LATERAL (SELECT number, content FROM statement_version WHERE statement_id = s.id ORDER BY number DESC LIMIT 1) v ON true
           WHERE s.id = ANY(${statementIds}::uuid[])`,
    // Minutes store the content they were sent for justering with; the hash is recomputed
    // from it. Fail closed: minutes without that snapshot (sent before it existed, or the
    // column emptied) have no content to verify, so they are never attested — the
    // contentHash column alone proves nothing about what was approved.
    // (A JSON null is no content, as a missing one.)
    minutesIds.length === 0
      ? []
      : client.$queryRaw<MinutesRow[]>`SELECT id::text, status::text, version, NULLIF(content, 'null'::jsonb)::text AS content FROM minutes WHERE id = ANY(${minutesIds}::uuid[])`,
  ]);
  for (const statement of statements) {
    const subject = { subjectType: "STATEMENT", subjectId: statement.id } as const;
    if (statement.currentVersion === 0) {
      contents.set(subjectKey(subject), { number: null, hash: null, locked: false });
      continue;
    }
    const hash = statement.newestNumber === statement.currentVersion && statement.content !== null ? contentHashOfStoredText(statement.content, schemeOf(subject)) : null;
    contents.set(subjectKey(subject), { number: statement.currentVersion, hash, locked: statement.status === "ATTESTED" });
  }
  for (const row of minutes) {
    const subject = { subjectType: "MINUTES", subjectId: row.id } as const;
    const hash = row.content !== null ? contentHashOfStoredText(row.content, schemeOf(subject)) : null;
    contents.set(subjectKey(subject), { number: row.version, hash, locked: row.status === "APPROVED" });
  }
  return contents;
};

/** One subject's state; `getAttestationStates` for many. */
export const getAttestationState = async (subject: AttestationSubjectRef, client: Db | Tx = db): Promise<AttestationState> => {
  const [state] = await getAttestationStates([subject], client);
  return state!;
};

/**
 * The state of many subjects in a fixed number of queries, whatever their number (a list of
 * attested statements costs as much as one), by the same rules as a single subject's; in the
 * subjects' order.
 */
export const getAttestationStates = async (subjects: readonly AttestationSubjectRef[], client: Db | Tx = db): Promise<AttestationState[]> => {
  const requests =
    subjects.length === 0
      ? []
      : await client.attestationRequest.findMany({
          where: { OR: (["STATEMENT", "MINUTES"] as const).map((subjectType) => ({ subjectType, subjectId: { in: idsOfType(subjects, subjectType) } })) },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          include: REQUEST_INCLUDE,
        });
  // The newest request of each subject: the first in that order.
  const newest = new Map<string, RequestWithSteps>();
  for (const request of requests) {
    const key = subjectKey(request);
    if (!newest.has(key)) newest.set(key, request);
  }
  const [contents, audit] = await Promise.all([
    currentContents(client, subjects, (subject) => {
      const request = newest.get(subjectKey(subject));
      return request ? asHashScheme(request.hashScheme) : CURRENT_HASH_SCHEME;
    }),
    checkStepsAgainstAudit(
      client,
      [...newest.values()].filter((request) => request.status === "COMPLETED").flatMap((request) => request.steps),
    ),
  ]);
  const auditProblems = new Map(audit.map((check) => [check.stepId, check.problems]));
  return subjects.map((subject) => {
    const key = subjectKey(subject);
    return stateOf(subject, newest.get(key) ?? null, contents.get(key) ?? { number: null, hash: null, locked: false }, auditProblems);
  });
};

const stateOf = (subject: AttestationSubjectRef, request: RequestWithSteps | null, current: CurrentContent, auditProblems: ReadonlyMap<string, string[]>): AttestationState => {
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
    for (const step of request.steps) problems.push(...(auditProblems.get(step.id) ?? []));
  }
  const attested = request.status === "COMPLETED" && problems.length === 0;
  return { ...base, request: view, steps, attested, problems: [...new Set(problems)] };
};
