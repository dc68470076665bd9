// Property test of the attestation state machine: random sequences of edit, send, attest,
// return and withdraw by random users. After every command the invariants hold, and the
// audit log has exactly one event per successful command.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { attestStep, returnStep, sendStatementForAttestation, withdrawAttestation } from "@/features/attestation/server/attestation-service";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { contentHashOf } from "@/features/attestation/content";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { createTestDatabase } from "../support/database";
import { actorFor, createCaseWithStatement, editStatement, seedOrganisation } from "./attestation-fixtures";
import { CURRENT_HASH_SCHEME } from "@/lib/canonical-json";

const { db } = await createTestDatabase();

const USERNAMES = ["clas.cederlid", "linda.palo", "lee.orberson", "registrator"] as const;
const RUNS = Number(process.env.YTTRA_PROPERTY_RUNS ?? "120");

type Command =
  | { kind: "edit"; user: number }
  | { kind: "send"; user: number; order: "SEQUENTIAL" | "PARALLEL"; attesters: number }
  | { kind: "attest"; user: number }
  | { kind: "return"; user: number }
  | { kind: "withdraw"; user: number };

const userArb = fc.integer({ min: 0, max: USERNAMES.length - 1 });
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant("edit" as const), user: userArb }),
  fc.record({ kind: fc.constant("send" as const), user: userArb, order: fc.constantFrom("SEQUENTIAL" as const, "PARALLEL" as const), attesters: fc.integer({ min: 0, max: 2 }) }),
  fc.record({ kind: fc.constant("attest" as const), user: userArb }),
  fc.record({ kind: fc.constant("attest" as const), user: fc.constantFrom(1, 2) }),
  fc.record({ kind: fc.constant("return" as const), user: userArb }),
  fc.record({ kind: fc.constant("withdraw" as const), user: userArb }),
);

let actors: Actor[] = [];

beforeAll(async () => {
  await seedOrganisation();
  actors = await Promise.all(USERNAMES.map((username) => actorFor(db, username)));
});

const AUDIT_ACTION: Record<Command["kind"], string | null> = {
  edit: null,
  send: "attestation.send",
  attest: "attestation.attest",
  return: "attestation.return",
  withdraw: "attestation.withdraw",
};

const latestRequest = (statementId: string) =>
  db.attestationRequest.findFirst({ where: { subjectId: statementId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { steps: { orderBy: { position: "asc" } } } });

const run = async (caseId: string, statementId: string, command: Command): Promise<boolean> => {
  const actor = actors[command.user]!;
  const statementBefore = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
  try {
    switch (command.kind) {
      case "edit":
        await editStatement(db, { statementId, authorId: actor.id, text: `text ${Math.random()}` });
        // Edits only ever succeed on a draft.
        expect(statementBefore.status).toBe("DRAFT");
        return true;
      case "send": {
        const attesterIds = [[actors[1]!.id], [actors[2]!.id], [actors[1]!.id, actors[2]!.id]][command.attesters]!;
        await sendStatementForAttestation({ actor, input: { caseId, order: command.order, attesterIds, versionNumber: statementBefore.currentVersion } });
        return true;
      }
      case "attest":
      case "return": {
        const request = await latestRequest(statementId);
        const step = request?.steps.find((item) => item.assigneeId === actor.id) ?? request?.steps[0];
        if (!request || !step) return false;
        if (command.kind === "attest") await attestStep({ actor, input: { stepId: step.id, contentHash: request.contentHash } });
        else await returnStep({ actor, input: { stepId: step.id, comment: "Ändra" } });
        return true;
      }
      case "withdraw":
        await withdrawAttestation({ actor, input: { caseId, reason: "Ändring" } });
        return true;
    }
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return false;
  }
};

const checkInvariants = async (statementId: string) => {
  const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
  const version = await db.statementVersion.findFirstOrThrow({ where: { statementId, number: statement.currentVersion } });
  const currentHash = contentHashOf(version.content, CURRENT_HASH_SCHEME);
  const request = await latestRequest(statementId);
  const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId });
  if (statement.status === "ATTESTED") {
    expect(request?.status).toBe("COMPLETED");
    expect(request!.steps.every((step) => step.status === "ATTESTED" && step.attestedHash === currentHash)).toBe(true);
    expect(request!.contentHash).toBe(currentHash);
    expect(state.attested).toBe(true);
  } else {
    expect(state.attested).toBe(false);
  }
  if (statement.status === "IN_ATTESTATION") {
    expect(request?.status).toBe("PENDING");
    expect(request!.contentHash).toBe(currentHash);
  }
  // No attested step anywhere binds another hash than its request's.
  const steps = await db.attestationStep.findMany({ where: { request: { subjectId: statementId }, attestedHash: { not: null } }, include: { request: true } });
  for (const step of steps) expect(step.attestedHash).toBe(step.request.contentHash);
};

describe("attestation state machine", () => {
  it("keeps its invariants and one audit event per successful command over random sequences", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 9 }), async (commands) => {
        const { caseId, statementId } = await createCaseWithStatement(db);
        const successes: Record<string, number> = {};
        for (const command of commands) {
          if (await run(caseId, statementId, command)) {
            const action = AUDIT_ACTION[command.kind];
            if (action) successes[action] = (successes[action] ?? 0) + 1;
          }
          await checkInvariants(statementId);
        }
        const events = await db.auditEvent.groupBy({ by: ["action"], where: { caseId, action: { startsWith: "attestation." } }, _count: true });
        const counted = Object.fromEntries(events.filter((event) => event.action !== "attestation.complete").map((event) => [event.action, event._count]));
        expect(counted).toEqual(successes);
        const completions = events.find((event) => event.action === "attestation.complete")?._count ?? 0;
        expect(completions).toBe(await db.attestationRequest.count({ where: { subjectId: statementId, completedAt: { not: null } } }));
      }),
      { numRuns: RUNS },
    );
  }, 900_000);
});
