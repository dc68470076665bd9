// The contract between the attestation engine and what it attests. The engine owns the
// attestation rows (request and steps), their conditional transitions, the clock, the
// hash check, the "attestation.attest" audit event and the notification outbox; a subject
// (statement, minutes, later others) plugs in through a SubjectAdapter that knows its own
// rows: how to lock them, what content an attestation binds, its locked-state transitions,
// its audit events and who is told what.
import type { AttestationRequest, AttestationStep } from "@/generated/prisma/client";
import type { AttestationSubject, Role } from "@/generated/prisma/enums";
import type { NotifyOptions } from "@/features/notifications/server";
import type { AuditInput } from "@/server/audit";
import type { Tx } from "@/server/db";

export type LockedRequest = AttestationRequest & { steps: AttestationStep[] };

/** Who acts. Services pass the signed-in actor; seeds a demo user. */
export type EngineActor = { id: string; name: string };

export type TransitionContext = { actor: EngineActor; request: LockedRequest; now: Date };

export type SubjectEvent =
  | { kind: "sent"; content: unknown; contentHash: string }
  | { kind: "returned"; step: AttestationStep; comment: string; invalidatedStepIds: string[] }
  | { kind: "withdrawn"; reason: string | null; invalidatedStepIds: string[] };

export type SubjectNotice =
  /** The assignees whose turn it now is (all of them when parallel). */
  | { kind: "requested"; content: unknown; userIds: string[] }
  | { kind: "nextInTurn"; content: unknown; userIds: string[]; attesterName: string }
  | { kind: "returned"; comment: string }
  | { kind: "withdrawn"; reason: string | null };

/** What completion did: the caller's result, the subject's own audit events and whom to tell. */
export type Completion<C> = { result: C; audits: AuditInput[]; notice: NotifyOptions | null };

export type SubjectAdapter<S extends { id: string }, C> = {
  type: AttestationSubject;
  /** Row-locks the subject and reloads it: later reads in the transaction see its latest committed state. */
  lock: (tx: Tx, subjectId: string) => Promise<S>;
  /** The case whose history shows the attestations, if the subject belongs to one. */
  caseIdOf: (subject: S) => string | null;
  /** The content the request bound, as stored now (null: none, so nothing can be attested). */
  storedContent: (tx: Tx, subject: S, request: LockedRequest) => Promise<unknown>;
  /** Extra audit data of an attestation (e.g. which minutes a justering belongs to). */
  attestAuditData?: (subject: S) => Record<string, string>;
  /** The title snapshot when the attester's account has none. */
  roleTitle?: (role: Role) => string | null;
  /** Conditional transitions of the subject; false when it was no longer in the expected state. */
  markSent: (tx: Tx, subject: S, bound: { versionNumber: number; content: unknown; contentHash: string }) => Promise<boolean>;
  /** Every step attested: lock the subject as attested (conditional), with its own records. null: it moved on. */
  complete: (tx: Tx, subject: S, context: TransitionContext) => Promise<Completion<C> | null>;
  /** Returned or withdrawn: the subject is editable again. */
  reopen: (tx: Tx, subject: S, context: TransitionContext) => Promise<boolean>;
  audit: (subject: S, event: SubjectEvent, context: TransitionContext) => AuditInput;
  notice: (subject: S, notice: SubjectNotice, context: TransitionContext) => NotifyOptions | null;
  /** User messages of the engine's refusals, in the subject's words. */
  messages: { contentChanged: string };
};

/** What every engine call names: the subject's adapter, who acts, and the clock. */
export type EngineCall<S extends { id: string }, C> = { adapter: SubjectAdapter<S, C>; actor: EngineActor; now: Date };
