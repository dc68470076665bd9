// Child process of attestation-crash.integration.test.ts: does attestations as fast as it
// can until it is killed with SIGKILL. Run with `node --conditions=react-server --import tsx`
// (the services' `import "server-only"` is empty under that condition).
import { attestStep, sendStatementForAttestation, withdrawAttestation } from "@/features/attestation/server/attestation-service";
import { createDb, setDb } from "@/server/db";
import type { Actor } from "@/server/auth/actor";
import { createCaseWithStatement, sentHash, stepOf } from "./attestation-fixtures";

const db = createDb(process.env.DATABASE_URL!, 8);
setDb(db);

/** The actor as loadActor builds it (which needs Next's runtime), for a fresh login. */
const actorFor = async (_db: typeof db, username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username }, include: { memberships: true } });
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    title: user.title,
    phone: user.phone,
    email: user.email,
    authTime: Math.floor(Date.now() / 1000) + 3600,
    memberships: user.memberships.map((membership) => {
      const [unitType, unitId] = membership.departmentId
        ? (["DEPARTMENT", membership.departmentId] as const)
        : membership.administrationId
          ? (["ADMINISTRATION", membership.administrationId] as const)
          : membership.committeeId
            ? (["COMMITTEE", membership.committeeId] as const)
            : (["MUNICIPALITY", membership.municipalityId!] as const);
      return { role: membership.role, unitType, unitId, unitName: unitId };
    }),
  };
};

const main = async () => {
  const clas = await actorFor(db, "clas.cederlid");
  const linda = await actorFor(db, "linda.palo");
  const lee = await actorFor(db, "lee.orberson");
  console.log("ready");
  for (let round = 0; ; round += 1) {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendStatementForAttestation({ actor: clas, input: { caseId, order: round % 2 ? "PARALLEL" : "SEQUENTIAL", attesterIds: [linda.id, lee.id], versionNumber: 1 } });
    const contentHash = await sentHash(db, statementId);
    const [lindaStep, leeStep] = await Promise.all([stepOf(db, statementId, "linda.palo"), stepOf(db, statementId, "lee.orberson")]);
    await attestStep({ actor: linda, input: { stepId: lindaStep, contentHash } });
    console.log("progress");
    // Several transactions in flight at once, so the kill lands in the middle of some.
    await Promise.allSettled([attestStep({ actor: lee, input: { stepId: leeStep, contentHash } }), attestStep({ actor: lee, input: { stepId: leeStep, contentHash } })]);
    if (round % 3 === 0) await withdrawAttestation({ actor: clas, input: { caseId, reason: "omtag" } });
  }
};

void main();
