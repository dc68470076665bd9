// The logs of representative flows — wrong passwords at login and at an attestation's
// re-authentication, an attestation of a confidential case, an unexpected failure that
// quotes a personnummer — carry no password, token, personnummer or secret text.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { attestStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { failure } from "@/server/action";
import { authorizeWithPassword } from "@/server/auth/options";
import { AppError } from "@/server/errors";
import { createTestDatabase } from "../support/database";
import { actorFor, createCaseWithStatement, seedOrganisation, sentHash, stepOf } from "./attestation-fixtures";

const { db } = await createTestDatabase();

const PASSWORD_CANARY = "Kanarie-lösen-7f3a";
const SECRET_TITLE_CANARY = "Kanarie-sekretess-9c21";
const PERSONNUMMER_CANARY = "19121212-1212";
const TOKEN_CANARY = "eyJkanarie.token.7b1";

const output: string[] = [];
const capture = (chunk: unknown) => {
  output.push(typeof chunk === "string" ? chunk : Buffer.from(chunk as Uint8Array).toString("utf8"));
  return true;
};

beforeAll(async () => {
  await seedOrganisation();
  vi.spyOn(process.stdout, "write").mockImplementation(capture);
  vi.spyOn(process.stderr, "write").mockImplementation(capture);
  for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args: unknown[]) => capture(args.map(String).join(" ")));
});

afterAll(() => {
  vi.restoreAllMocks();
});

describe("the logs of representative flows", () => {
  it("never contain a password, token, personnummer or secret text", async () => {
    // Login with wrong passwords until the account is throttled.
    for (let attempt = 0; attempt < 7; attempt += 1) {
      await authorizeWithPassword({ username: "clas.cederlid", password: PASSWORD_CANARY, csrfToken: TOKEN_CANARY }, "203.0.113.9").catch((error: unknown) => error);
    }

    // A confidential case's statement, attested after a stale login: first a wrong, then the right password.
    const { caseId, statementId } = await createCaseWithStatement(db, { secrecyReference: "OSL 26 kap. 1 §" });
    await db.case.update({ where: { id: caseId }, data: { title: `${SECRET_TITLE_CANARY} – ${PERSONNUMMER_CANARY}` } });
    const attesterIds = [(await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } })).id];
    await sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "SEQUENTIAL", attesterIds, versionNumber: 1 } });
    const stale = await actorFor(db, "linda.palo", { fresh: false });
    const input = { stepId: await stepOf(db, statementId, "linda.palo"), contentHash: await sentHash(db, statementId) };
    await expect(attestStep({ actor: stale, input: { ...input, password: PASSWORD_CANARY } })).rejects.toBeInstanceOf(AppError);
    await attestStep({ actor: stale, input: { ...input, password: "demo" } });
    expect((await db.statement.findUniqueOrThrow({ where: { id: statementId } })).status).toBe("ATTESTED");

    // An unexpected error that quotes a personnummer (as a database error can) is logged, masked.
    expect(failure(Object.assign(new Error(`Key (personnummer)=(${PERSONNUMMER_CANARY}) already exists`), { password: PASSWORD_CANARY }))).toMatchObject({ ok: false });

    const text = output.join("\n");
    expect(text).toContain('"message":"action failed"');
    for (const canary of [PASSWORD_CANARY, SECRET_TITLE_CANARY, PERSONNUMMER_CANARY, TOKEN_CANARY]) expect(text).not.toContain(canary);
  });
});
