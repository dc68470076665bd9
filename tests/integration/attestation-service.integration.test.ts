import { spawnSync } from "node:child_process";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/features/audit/server/verify-audit-chain";
import { verifyAttestationsAgainstAudit } from "@/features/attestation/server/attestation-audit";
import { attestStep, returnStep, sendStatementForAttestation, withdrawAttestation } from "@/features/attestation/server/attestation-service";
import { getAttestationState } from "@/features/attestation/server/attestation-state";
import { verifyAttestationCode } from "@/features/attestation/server/verify-attestation";
import { getCaseAttestationView, listAttestInbox } from "@/features/attestation/server/attestation-queries";
import { loadHeader } from "@/features/notifications/server/header-queries";
import { hashPassword } from "@/server/auth/password";
import { createTestDatabase } from "../support/database";
import { contentHashOf } from "@/features/attestation/content";
import { actorFor, createCaseWithStatement, editStatement, expectAppError, seedOrganisation, sentHash, statementContent, stepOf } from "./attestation-fixtures";

const { db, url } = await createTestDatabase();

const asOwner = async (sql: string) => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

const ids = async () => ({
  linda: (await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } })).id,
  lee: (await db.user.findUniqueOrThrow({ where: { username: "lee.orberson" } })).id,
  clas: (await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" } })).id,
});

const sendDefault = async (caseId: string, order: "SEQUENTIAL" | "PARALLEL" = "SEQUENTIAL") => {
  const { linda, lee } = await ids();
  return sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order, attesterIds: [linda, lee], versionNumber: 1 } });
};

const attestAs = async (username: string, statementId: string, options: { fresh?: boolean; password?: string } = {}) =>
  attestStep({
    actor: await actorFor(db, username, { fresh: options.fresh ?? true }),
    input: { stepId: await stepOf(db, statementId, username), contentHash: await sentHash(db, statementId), ...(options.password ? { password: options.password } : {}) },
  });

const snapshot = async (statementId: string) => ({
  statement: await db.statement.findUniqueOrThrow({ where: { id: statementId } }),
  steps: await db.attestationStep.findMany({ where: { request: { subjectId: statementId } }, orderBy: { id: "asc" } }),
  audit: await db.auditEvent.count(),
  mails: await db.mailMessage.count(),
});

beforeAll(async () => {
  await seedOrganisation();
  // An avdelningschef of another department of the same administration.
  await db.user.create({
    data: {
      username: "ifo.chef",
      name: "Ifo Chef",
      email: "ifo.chef@yttra.example",
      passwordHash: await hashPassword("demo"),
      memberships: { create: { role: "DEPARTMENT_HEAD", departmentId: "has-ifo" } },
    },
  });
});

describe("sending a statement for attestation", () => {
  it("freezes the statement, binds the version's hash and notifies only the first attester in sequential order", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
    const version = await db.statementVersion.findFirstOrThrow({ where: { statementId, number: 1 } });
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statementId }, include: { steps: { orderBy: { position: "asc" }, include: { assignee: true } } } });
    expect(statement.status).toBe("IN_ATTESTATION");
    expect(request).toMatchObject({ versionNumber: 1, contentHash: version.contentHash, order: "SEQUENTIAL", status: "PENDING" });
    expect(request.verificationCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(request.steps.map((step) => [step.assignee.username, step.role])).toEqual([
      ["linda.palo", "DEPARTMENT_HEAD"],
      ["lee.orberson", "DIRECTOR"],
    ]);
    const mails = await db.mailMessage.findMany({ where: { text: { contains: caseId } } });
    expect(mails.map((mail) => mail.toAddress)).toEqual(["linda.palo@yttra.example"]);
    expect(await db.notification.count({ where: { link: `/arenden/${caseId}/attestering` } })).toBe(1);
    expect(await db.auditEvent.count({ where: { caseId, action: "attestation.send" } })).toBe(1);
  });

  it("notifies every attester at once in parallel order", async () => {
    const { caseId } = await createCaseWithStatement(db);
    await sendDefault(caseId, "PARALLEL");
    const mails = await db.mailMessage.findMany({ where: { text: { contains: caseId } } });
    expect(mails.map((mail) => mail.toAddress).sort()).toEqual(["lee.orberson@yttra.example", "linda.palo@yttra.example"]);
  });

  it("refuses a sender who is not the handläggare (wrong role) and changes nothing", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    const { linda, lee } = await ids();
    const before = await snapshot(statementId);
    await expectAppError(sendStatementForAttestation({ actor: await actorFor(db, "registrator"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda, lee], versionNumber: 1 } }), "FORBIDDEN");
    expect(await snapshot(statementId)).toEqual(before);
  });

  it("answers NOT_FOUND to a user of another unit who cannot read the case", async () => {
    const { caseId } = await createCaseWithStatement(db);
    const { linda } = await ids();
    await expectAppError(sendStatementForAttestation({ actor: await actorFor(db, "ifo.chef"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda], versionNumber: 1 } }), "NOT_FOUND");
  });

  it("refuses attesters outside the case's units and authors of the statement", async () => {
    const { caseId } = await createCaseWithStatement(db, { author: "lee.orberson" });
    const ifo = await db.user.findUniqueOrThrow({ where: { username: "ifo.chef" } });
    const { lee } = await ids();
    const clas = await actorFor(db, "clas.cederlid");
    await expectAppError(sendStatementForAttestation({ actor: clas, input: { caseId, order: "SEQUENTIAL", attesterIds: [ifo.id], versionNumber: 1 } }), "VALIDATION");
    const error = await expectAppError(sendStatementForAttestation({ actor: clas, input: { caseId, order: "SEQUENTIAL", attesterIds: [lee], versionNumber: 1 } }), "VALIDATION");
    expect(error.fieldErrors?.attesterIds?.[0]).toMatch(/skrivit/);
  });

  it("refuses a stale version number as a conflict", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    const { clas, linda } = await ids();
    await editStatement(db, { statementId, authorId: clas, text: "ny text" });
    await expectAppError(sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda], versionNumber: 1 } }), "CONFLICT");
  });
});

describe("attesting", () => {
  it("refuses the handläggare calling attest (FORBIDDEN) and changes nothing", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    const before = await snapshot(statementId);
    const stepId = await stepOf(db, statementId, "linda.palo");
    await expectAppError(attestStep({ actor: await actorFor(db, "clas.cederlid"), input: { stepId, contentHash: await sentHash(db, statementId) } }), "FORBIDDEN");
    expect(await snapshot(statementId)).toEqual(before);
  });

  it("refuses an avdelningschef of another department (FORBIDDEN)", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    const stepId = await stepOf(db, statementId, "linda.palo");
    await expectAppError(attestStep({ actor: await actorFor(db, "ifo.chef"), input: { stepId, contentHash: await sentHash(db, statementId) } }), "FORBIDDEN");
  });

  it("refuses the author even when a step names them", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    // The author check holds at attest time too (e.g. a version saved under another request).
    const { linda } = await ids();
    await db.statementVersion.updateMany({ where: { statementId }, data: { authorId: linda } });
    const error = await expectAppError(attestAs("linda.palo", statementId), "FORBIDDEN");
    expect(error.userMessage).toMatch(/skrivit/);
  });

  it("refuses out-of-turn attestation in sequential order", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    const error = await expectAppError(attestAs("lee.orberson", statementId), "INVALID_STATE");
    expect(error.userMessage).toMatch(/inte din tur/);
  });

  it("asks for the password when the login is older than five minutes, and rejects a wrong one", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    await expectAppError(attestAs("linda.palo", statementId, { fresh: false }), "UNAUTHENTICATED");
    await expectAppError(attestAs("linda.palo", statementId, { fresh: false, password: "fel" }), "VALIDATION");
    await attestAs("linda.palo", statementId, { fresh: false, password: "demo" });
    const step = await db.attestationStep.findUniqueOrThrow({ where: { id: await stepOf(db, statementId, "linda.palo") } });
    expect(step.authMethod).toBe("Lösenord (bekräftat vid attestering)");
  });

  it("binds each attestation, then locks the statement as Attesterad and registers it as a drawn-up document", async () => {
    const { caseId, statementId, title } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    await attestAs("linda.palo", statementId);
    expect(await db.mailMessage.count({ where: { toAddress: "lee.orberson@yttra.example", text: { contains: caseId } } })).toBe(1);
    // The header's "Att attestera" counts the steps in turn of the inbox, now including this one.
    const lee = await actorFor(db, "lee.orberson");
    const inTurn = (await listAttestInbox(lee)).filter((item) => item.inTurn);
    expect(inTurn.map((item) => item.caseId)).toContain(caseId);
    expect((await loadHeader(lee)).attestCount).toBe(inTurn.length);
    await attestAs("lee.orberson", statementId);

    const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
    expect(statement.status).toBe("ATTESTED");
    const state = await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId });
    expect(state.attested).toBe(true);
    expect(state.steps.map((step) => [step.attesterName, step.attesterTitle, step.attestedHash])).toEqual([
      ["Linda Palo", "Avdelningschef", state.currentHash],
      ["Lee Orberson", "Stadsdelsdirektör", state.currentHash],
    ]);
    const document = await db.caseDocument.findFirstOrThrow({ where: { caseId, direction: "DRAWN_UP" } });
    expect(document.description).toBe(`Tjänsteutlåtande: ${title} (attesterat)`);
    expect(await db.mailMessage.count({ where: { toAddress: "clas.cederlid@yttra.example", text: { contains: caseId } } })).toBe(1);
    const verification = await verifyAttestationCode(state.request!.verificationCode);
    expect(verification).toMatchObject({ status: "VALID", documentTitle: title, attesters: [{ name: "Linda Palo" }, { name: "Lee Orberson" }] });
    // A second attempt on a finished step changes nothing.
    await expectAppError(attestAs("lee.orberson", statementId), "INVALID_STATE");
  });
});

describe("returning and withdrawing", () => {
  it("returns with a comment: the round ends, earlier attestations are invalidated and the statement is editable again", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    await attestAs("linda.palo", statementId);
    await returnStep({ actor: await actorFor(db, "lee.orberson"), input: { stepId: await stepOf(db, statementId, "lee.orberson"), comment: "Förtydliga sammanfattningen." } });
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statementId }, include: { steps: { orderBy: { position: "asc" } } } });
    expect(request.status).toBe("RETURNED");
    expect(request.invalidationReason).toBe("Förtydliga sammanfattningen.");
    expect(request.steps.map((step) => step.status)).toEqual(["INVALIDATED", "RETURNED"]);
    expect((await db.statement.findUniqueOrThrow({ where: { id: statementId } })).status).toBe("DRAFT");
    expect(await db.mailMessage.count({ where: { toAddress: "clas.cederlid@yttra.example", subject: { contains: "Återsänt" }, text: { contains: caseId } } })).toBe(1);
  });

  it("withdraws an attested statement: every attestation becomes INVALIDATED with the reason, and it no longer verifies", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    await attestAs("linda.palo", statementId);
    await attestAs("lee.orberson", statementId);
    const code = (await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId })).request!.verificationCode;
    // Edits are refused until the statement is withdrawn.
    const { clas } = await ids();
    await expectAppError(editStatement(db, { statementId, authorId: clas, text: "ändring" }), "INVALID_STATE");
    await withdrawAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, reason: "Nya siffror från polisen." } });
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statementId }, include: { steps: true } });
    expect(request).toMatchObject({ status: "WITHDRAWN", invalidationReason: "Nya siffror från polisen." });
    expect(request.steps.every((step) => step.status === "INVALIDATED" && step.attestedAt !== null)).toBe(true);
    expect((await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId })).attested).toBe(false);
    expect((await verifyAttestationCode(code))?.status).toBe("INVALIDATED");
    await editStatement(db, { statementId, authorId: clas, text: "ändring" });
    expect(await db.mailMessage.count({ where: { subject: { contains: "återkallad" }, text: { contains: caseId } } })).toBe(2);
  });

  it("refuses withdrawal by an attester (wrong role) and by nobody's request", async () => {
    const { caseId } = await createCaseWithStatement(db);
    await expectAppError(withdrawAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, reason: "x" } }), "INVALID_STATE");
    await sendDefault(caseId);
    await expectAppError(withdrawAttestation({ actor: await actorFor(db, "lee.orberson"), input: { caseId, reason: "x" } }), "FORBIDDEN");
  });
});

describe("the page model", () => {
  it("shows the attester their step with the password prompt only after five minutes", async () => {
    const { caseId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    const fresh = await getCaseAttestationView({ actor: await actorFor(db, "linda.palo"), caseId });
    expect(fresh.myStep).toMatchObject({ needsPassword: false, isAuthor: false });
    const stale = await getCaseAttestationView({ actor: await actorFor(db, "linda.palo", { fresh: false }), caseId });
    expect(stale.myStep?.needsPassword).toBe(true);
    const lee = await getCaseAttestationView({ actor: await actorFor(db, "lee.orberson"), caseId });
    expect(lee.myStep).toBeNull();
    expect(lee.waitingForOthers).toBe(true);
  });
});

describe("tampering", () => {
  it("detects a direct UPDATE of an attestation step in audit:verify, the state and the verification page", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    await attestAs("linda.palo", statementId);
    await attestAs("lee.orberson", statementId);
    const code = (await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId })).request!.verificationCode;
    expect((await verifyAttestationsAgainstAudit(db)).ok).toBe(true);

    const stepId = await stepOf(db, statementId, "lee.orberson");
    await asOwner(`UPDATE attestation_step SET attester_name = 'Någon Annan' WHERE id = '${stepId}'`);
    const result = await verifyAttestationsAgainstAudit(db);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual({ stepId, reason: "namnet i attesteringen stämmer inte med händelseloggen" });
    expect((await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId })).attested).toBe(false);
    expect((await verifyAttestationCode(code))?.status).toBe("NOT_VALID");

    const cli = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(stepId);
    await asOwner(`UPDATE attestation_step SET attester_name = 'Lee Orberson' WHERE id = '${stepId}'`);
  }, 60_000);

  it("detects a direct UPDATE of the attested content on the next read, and verifies it again once restored", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId);
    await attestAs("linda.palo", statementId);
    await attestAs("lee.orberson", statementId);
    const state = () => getAttestationState({ subjectType: "STATEMENT", subjectId: statementId });
    // Read once, so the content's hash is remembered before the row changes.
    expect((await state()).attested).toBe(true);
    const version = `(SELECT current_version FROM statement WHERE id = '${statementId}')`;
    // Kept aside as the owner sees it, to put back exactly.
    await asOwner(`CREATE TABLE tampered_original AS SELECT content FROM statement_version WHERE statement_id = '${statementId}' AND number = ${version}`);
    await asOwner(`UPDATE statement_version SET content = jsonb_set(content, '{header,title}', '"Ett annat förslag"') WHERE statement_id = '${statementId}' AND number = ${version}`);
    const tampered = await state();
    expect(tampered.attested).toBe(false);
    expect(tampered.currentHash).not.toBe(tampered.request!.contentHash);
    await asOwner(`UPDATE statement_version SET content = (SELECT content FROM tampered_original) WHERE statement_id = '${statementId}' AND number = ${version}; DROP TABLE tampered_original`);
    const restored = await state();
    expect(restored.currentHash).toBe(restored.request!.contentHash);
    expect(restored.attested).toBe(true);
  });

  it("detects an edit of the attestation's audit event (triggers disabled by the owner)", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await sendDefault(caseId, "PARALLEL");
    await attestAs("lee.orberson", statementId);
    await attestAs("linda.palo", statementId);
    const code = (await getAttestationState({ subjectType: "STATEMENT", subjectId: statementId })).request!.verificationCode;
    expect((await verifyAttestationCode(code))?.status).toBe("VALID");
    const stepId = await stepOf(db, statementId, "linda.palo");
    await asOwner(`
      ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
      UPDATE audit_event SET data = jsonb_set(data, '{authMethod}', '"BankID"') WHERE entity_id = '${stepId}' AND action = 'attestation.attest';
      UPDATE attestation_step SET auth_method = 'BankID' WHERE id = '${stepId}';
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;`);
    expect((await verifyAuditChain()).ok).toBe(false);
    expect((await verifyAttestationCode(code))?.status).toBe("NOT_VALID");
    const cli = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/audit-verify.ts"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(/Händelseloggen är bruten vid händelse \d+/);
  }, 60_000);
});

describe("required sections at sending", () => {
  /** Saves `content` as the next version, as the statements feature would. */
  const saveVersion = async (statementId: string, authorId: string, content: ReturnType<typeof statementContent>): Promise<number> => {
    const statement = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
    const number = statement.currentVersion + 1;
    await db.$transaction([
      db.statementVersion.create({ data: { statementId, number, content, contentHash: contentHashOf(content, 1), authorId } }),
      db.statement.update({ where: { id: statementId }, data: { currentVersion: number } }),
    ]);
    return number;
  };

  it("refuses to send while a required section is empty, naming the sections, and changes nothing", async () => {
    const { caseId, statementId, title } = await createCaseWithStatement(db);
    const { clas, linda, lee } = await ids();
    const emptied = { ...statementContent(title, "x"), decisionPoints: [], sections: [{ key: "sammanfattning", body: { type: "doc" as const, content: [] } }] };
    const versionNumber = await saveVersion(statementId, clas, emptied);
    const before = { ...(await snapshot(statementId)), notifications: await db.notification.count(), requests: await db.attestationRequest.count({ where: { subjectId: statementId } }) };

    // The attestation page says so before anyone presses send, and offers no send form.
    const page = await getCaseAttestationView({ actor: await actorFor(db, "clas.cederlid"), caseId });
    expect(page.missingRequired).toEqual(["Förvaltningens förslag till beslut", "Sammanfattning"]);

    const error = await expectAppError(
      sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda, lee], versionNumber } }),
      "INVALID_STATE",
    );
    expect(error.userMessage).toBe("Fyll i de obligatoriska avsnitten innan du skickar: Förvaltningens förslag till beslut, Sammanfattning.");
    expect({ ...(await snapshot(statementId)), notifications: await db.notification.count(), requests: await db.attestationRequest.count({ where: { subjectId: statementId } }) }).toEqual(before);

    // The optional section may stay empty: with the required ones filled, the same send goes through.
    const filled = await saveVersion(statementId, clas, statementContent(title, "Förvaltningen välkomnar motionen."));
    expect((await getCaseAttestationView({ actor: await actorFor(db, "clas.cederlid"), caseId })).missingRequired).toEqual([]);
    await sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda, lee], versionNumber: filled } });
    expect((await db.statement.findUniqueOrThrow({ where: { id: statementId } })).status).toBe("IN_ATTESTATION");
  });
});
