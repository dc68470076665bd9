// Read models of the attestation pages: a case's attestation page, the attester's inbox
// ("Att attestera"; its count in the navigation is the header's, notifications/server/header-queries.ts).
import "server-only";
import { can, readableCasesWhere, toCaseScope, findCaseWithScope } from "@/server/authz";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";
import { stepInTurn } from "@/lib/attestation-turn";
import type { Actor } from "@/server/auth/actor";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { contentHashOf } from "../content";
import { defaultAttesters, eligibleAttesters, requiredSectionsMissing, type Attester } from "./attesters";
import { getAttestationState, type AttestationState } from "./attestation-state";
import { hasPassword, needsReauthentication } from "./confirm-identity";

export type CaseAttestationView = {
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  confidential: boolean;
  statement: { id: string; status: "DRAFT" | "IN_ATTESTATION" | "ATTESTED"; currentVersion: number } | null;
  /** The version the attester reads: the one sent when out for attestation, else the current one. */
  version: { number: number; hash: string; authorName: string; createdAt: Date } | null;
  state: AttestationState | null;
  eligible: Attester[];
  defaults: Attester[];
  canSend: boolean;
  /** Required sections of the template still empty: sending is refused until they are filled in. */
  missingRequired: string[];
  canWithdraw: boolean;
  /** The actor's own step, when it is waiting and in turn. */
  myStep: { id: string; needsPassword: boolean; hasPassword: boolean; isAuthor: boolean } | null;
  /** The actor has a waiting step that is not in turn yet. */
  waitingForOthers: boolean;
};


export const getCaseAttestationView = async ({ actor, caseId, now = new Date() }: { actor: Actor; caseId: string; now?: Date }): Promise<CaseAttestationView> => {
  const row = await findCaseWithScope(db, caseId, {
    id: true,
    caseNumber: true,
    title: true,
    statement: { select: { id: true, status: true, currentVersion: true, createdById: true } },
  });
  if (!row) throw new AppError("NOT_FOUND", `Case ${caseId} not found`);
  const scope = toCaseScope(row);
  if (!can(actor, "case.read", scope)) throw new AppError("NOT_FOUND", `Case ${caseId} not readable`);
  const statement = row.statement;
  const base = { caseId: row.id, caseNumber: row.caseNumber, caseTitle: row.title, confidential: scope.confidential };
  const eligible = await eligibleAttesters(db, scope);
  if (!statement) {
    return { ...base, statement: null, version: null, state: null, eligible, defaults: defaultAttesters(eligible), canSend: false, missingRequired: [], canWithdraw: false, myStep: null, waitingForOthers: false };
  }
  const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: statement.id });
  const live = state.request && (state.request.status === "PENDING" || state.request.status === "COMPLETED") ? state.request : null;
  const versionNumber = live?.versionNumber ?? statement.currentVersion;
  const version =
    versionNumber > 0
      ? await db.statementVersion.findUnique({
          where: { statementId_number: { statementId: statement.id, number: versionNumber } },
          select: { number: true, content: true, createdAt: true, author: { select: { name: true } } },
        })
      : null;
  const authors = await db.statementVersion.findMany({ where: { statementId: statement.id }, distinct: ["authorId"], select: { authorId: true } });
  // Writers and every handläggare of the case are barred from attesting (attestation-service.ts).
  const barred = new Set([statement.createdById, ...authors.map((author) => author.authorId), scope.caseOfficerId, ...scope.coOfficerIds]);
  const isAuthor = barred.has(actor.id);

  const editor = can(actor, "statement.send", scope);
  const mine = live?.status === "PENDING" ? state.steps.find((step) => step.assigneeId === actor.id && step.status === "WAITING") : undefined;
  const inTurn = mine && stepInTurn({ order: live!.order, steps: state.steps }, mine.position);
  const missingRequired = statement.status === "DRAFT" && version ? await requiredSectionsMissing(db, statement.id, version.content) : [];
  const defaults = defaultAttesters(eligible).filter((attester) => !barred.has(attester.userId));

  return {
    ...base,
    statement: { id: statement.id, status: statement.status, currentVersion: statement.currentVersion },
    version: version ? { number: version.number, hash: contentHashOf(version.content, live?.hashScheme ?? CURRENT_HASH_SCHEME), authorName: version.author.name, createdAt: version.createdAt } : null,
    state,
    eligible,
    defaults,
    canSend: editor && statement.status === "DRAFT" && statement.currentVersion > 0,
    missingRequired,
    canWithdraw: editor && Boolean(live),
    myStep: mine && inTurn ? { id: mine.id, needsPassword: needsReauthentication(actor, now), hasPassword: await hasPassword(actor.id), isAuthor } : null,
    waitingForOthers: Boolean(mine && !inTurn),
  };
};

export type InboxItem = {
  stepId: string;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  requestedByName: string;
  sentAt: Date;
  inTurn: boolean;
  position: number;
  stepCount: number;
};

/** Waiting steps of the actor in pending requests, in turn first, oldest first. */
export const listAttestInbox = async (actor: Actor): Promise<InboxItem[]> => {
  const steps = await db.attestationStep.findMany({
    where: { assigneeId: actor.id, status: "WAITING", request: { status: "PENDING", subjectType: "STATEMENT", case: readableCasesWhere(actor) } },
    select: {
      id: true,
      position: true,
      request: {
        select: {
          order: true,
          createdAt: true,
          requestedBy: { select: { name: true } },
          case: { select: { id: true, caseNumber: true, title: true } },
          steps: { select: { position: true, status: true } },
        },
      },
    },
    orderBy: { request: { createdAt: "asc" } },
  });
  return steps
    .filter((step) => step.request.case)
    .map((step) => ({
      stepId: step.id,
      caseId: step.request.case!.id,
      caseNumber: step.request.case!.caseNumber,
      caseTitle: step.request.case!.title,
      requestedByName: step.request.requestedBy.name,
      sentAt: step.request.createdAt,
      inTurn: stepInTurn(step.request, step.position),
      position: step.position,
      stepCount: step.request.steps.length,
    }))
    .sort((a, b) => Number(b.inTurn) - Number(a.inTurn));
};


export type OpenReturn = {
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  returnedByName: string;
  returnedAt: Date;
  comment: string;
};

/**
 * Statements returned with a comment and not sent again: a statement's newest request is
 * RETURNED until the handläggare sends (or the statement is otherwise given) a new one.
 * `caseWhere` is the caller's authorization: the actor's own cases, or one case already read.
 */
const listOpenReturns = async (caseWhere: Prisma.CaseWhereInput): Promise<OpenReturn[]> => {
  const requests = await db.attestationRequest.findMany({
    where: { subjectType: "STATEMENT", case: caseWhere },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      subjectId: true,
      status: true,
      invalidatedAt: true,
      invalidationReason: true,
      invalidatedBy: { select: { name: true } },
      case: { select: { id: true, caseNumber: true, title: true } },
    },
  });
  const newest = new Map<string, (typeof requests)[number]>();
  for (const request of requests) if (!newest.has(request.subjectId)) newest.set(request.subjectId, request);
  return [...newest.values()].flatMap((request) =>
    request.status === "RETURNED" && request.case && request.invalidatedAt && request.invalidatedBy && request.invalidationReason !== null
      ? [
          {
            caseId: request.case.id,
            caseNumber: request.case.caseNumber,
            caseTitle: request.case.title,
            returnedByName: request.invalidatedBy.name,
            returnedAt: request.invalidatedAt,
            comment: request.invalidationReason,
          },
        ]
      : [],
  );
};

/** The handläggare's open cases whose statement was returned to them and is not yet sent again. */
export const listReturnedToMe = async (actor: Actor): Promise<OpenReturn[]> => listOpenReturns({ caseOfficerId: actor.id, status: "OPEN" });

/** The open return of one case's statement, for the editor; the caller has authorized reading the case. */
export const getOpenReturn = async (caseId: string): Promise<OpenReturn | null> => (await listOpenReturns({ id: caseId }))[0] ?? null;
