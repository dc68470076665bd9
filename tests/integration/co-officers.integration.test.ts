// Medhandläggare: one responsible handläggare (case.case_officer_id) plus any number of
// medhandläggare. Those who may change the handläggare add and remove them (audited,
// notified); all of them write the statement and are named in its header (editor, preview
// and exports: one document model); only the responsible one sends it for attestation and
// none of them attests it; "Mina ärenden" and the diarium list the case for them too.
import { beforeAll, describe, expect, it } from "vitest";
import { attestStep, sendStatementForAttestation, withdrawAttestation } from "@/features/attestation/server/attestation-service";
import { getCaseAttestationView } from "@/features/attestation/server/attestation-queries";
import { getCaseDetails } from "@/features/cases/server/case-queries";
import { reassignCase } from "@/features/cases/server/case-lifecycle";
import { addCoOfficer, removeCoOfficer } from "@/features/diarium/server/co-officers";
import { listDiariumCases } from "@/features/diarium/server/diarium-list";
import { searchCases } from "@/features/search/server";
import { listMyOpenCases } from "@/features/diarium/server/my-cases";
import { exportStatement, loadStatementDocument } from "@/features/exports/server/statement-export";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import type { Actor } from "@/server/auth/actor";
import { actorFor, createCaseWithStatement, expectAppError, sentHash, seedOrganisation, stepOf } from "./attestation-fixtures";
import { docxPart, docxParagraphs } from "../fixtures/exports/inspect";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();

let clas: Actor;
let registrar: Actor;
let linda: Actor;
let eva: Actor;
let dubbel: Actor;
let sosRegistrar: Actor;

beforeAll(async () => {
  await seedOrganisation();
  // Eva: a handläggare of another avdelning of the förvaltning (reads nothing of has-sos by herself).
  await db.user.create({ data: { username: "eva.ifo", name: "Eva Ifö", email: "eva@example.se", memberships: { create: [{ role: "CASE_OFFICER", departmentId: "has-ifo" }] } } });
  // Dubbel: avdelningschef of the case's avdelning who also handles cases in another one.
  await db.user.create({
    data: { username: "dubbel", name: "Dana Dubbel", memberships: { create: [{ role: "DEPARTMENT_HEAD", departmentId: "has-sos" }, { role: "CASE_OFFICER", departmentId: "has-ifo" }] } },
  });
  await db.user.create({ data: { username: "sos.registrator", name: "Sune Södermalm", memberships: { create: [{ role: "REGISTRAR", committeeId: "sos" }] } } });
  clas = await actorFor(db, "clas.cederlid");
  registrar = await actorFor(db, "registrator");
  linda = await actorFor(db, "linda.palo");
  eva = await actorFor(db, "eva.ifo");
  dubbel = await actorFor(db, "dubbel");
  sosRegistrar = await actorFor(db, "sos.registrator");
});

const versionOf = async (caseId: string) => (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { version: true } })).version;
const statementVersion = async (statementId: string) => (await db.statement.findUniqueOrThrow({ where: { id: statementId } })).currentVersion;
const add = async (actor: Actor, caseId: string, userId: string) => addCoOfficer({ actor, input: { caseId, version: await versionOf(caseId), userId } });
const richText = (text: string) => ({ type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text }] }] });
const write = async (actor: Actor, statementId: string, text: string) =>
  saveStatementSection({ actor, input: { statementId, baseVersion: await statementVersion(statementId), kind: "richText", sectionKey: "sammanfattning", value: richText(text) } });
const send = async (actor: Actor, caseId: string, statementId: string, attesterIds: string[]) =>
  sendStatementForAttestation({ actor, input: { caseId, order: "SEQUENTIAL", attesterIds, versionNumber: await statementVersion(statementId) } });

describe("adding and removing medhandläggare", () => {
  it("lets the registrator add one: audited, both handläggare notified, shown on the case page and in their lists", async () => {
    const { caseId, title } = await createCaseWithStatement(db);
    const before = await versionOf(caseId);
    const { mailIds } = await add(registrar, caseId, eva.id);
    expect(await versionOf(caseId)).toBe(before + 1);

    const details = await getCaseDetails({ actor: eva, caseId });
    expect(details.coOfficers).toEqual([{ id: eva.id, name: "Eva Ifö" }]);
    expect(details.events.at(-1)?.text).toBe("Johan Ek lade till Eva Ifö som medhandläggare");
    const notices = await db.notification.findMany({ where: { kind: "case.co_officer_added", link: `/arenden/${caseId}` }, select: { userId: true } });
    expect(notices.map((notice) => notice.userId).sort()).toEqual([clas.id, eva.id].sort());
    expect(mailIds.length).toBeGreaterThan(0);

    const mine = await listMyOpenCases({ actor: eva });
    expect(mine.rows.find((row) => row.id === caseId)).toMatchObject({ coOfficer: true });
    expect((await listMyOpenCases({ actor: clas })).rows.find((row) => row.id === caseId)).toMatchObject({ coOfficer: false });
    // Her next request reads her as a medhandläggare: the lists ask that alternative of access again.
    expect(eva.coOfficer).toBe(false);
    eva = await actorFor(db, "eva.ifo");
    expect(eva.coOfficer).toBe(true);
    const diarium = await listDiariumCases({ actor: eva, params: { handlaggare: eva.id }, pageSize: 200 });
    expect(diarium.rows.map((row) => row.id)).toContain(caseId);
    const found = await searchCases({ actor: eva, params: { q: title } });
    expect(found.results.map((hit) => hit.caseId)).toContain(caseId);
  });

  it("masks a confidential case's title in the notice", async () => {
    const { caseId, title } = await createCaseWithStatement(db, { secrecyReference: "26 kap. 1 § OSL" });
    await add(registrar, caseId, eva.id);
    const notice = await db.notification.findFirstOrThrow({ where: { userId: eva.id, link: `/arenden/${caseId}` } });
    expect(notice.body).not.toContain(title);
    expect(notice.body).toContain("Sekretessmarkerat ärende");
  });

  it("refuses the handläggare themselves, a wrong unit, someone who is no handläggare, a duplicate and a stale version, changing nothing", async () => {
    const { caseId } = await createCaseWithStatement(db);
    await add(registrar, caseId, eva.id);
    const before = { rows: await db.caseCoOfficer.count(), events: await db.auditEvent.count(), version: await versionOf(caseId) };
    await expectAppError(add(clas, caseId, dubbel.id), "FORBIDDEN");
    await expectAppError(add(eva, caseId, dubbel.id), "FORBIDDEN");
    await expectAppError(add(sosRegistrar, caseId, dubbel.id), "NOT_FOUND");
    for (const userId of [linda.id, clas.id, eva.id]) {
      const error = await expectAppError(add(registrar, caseId, userId), "VALIDATION");
      expect(error.fieldErrors?.userId?.[0]).toMatch(/kan inte bli medhandläggare/);
    }
    await expectAppError(addCoOfficer({ actor: registrar, input: { caseId, version: before.version - 1, userId: dubbel.id } }), "CONFLICT");
    expect({ rows: await db.caseCoOfficer.count(), events: await db.auditEvent.count(), version: await versionOf(caseId) }).toEqual(before);
  });

  it("removes one: no longer reads or writes the case, audited and notified", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await add(registrar, caseId, eva.id);
    await removeCoOfficer({ actor: linda, input: { caseId, version: await versionOf(caseId), userId: eva.id } });
    expect((await getCaseDetails({ actor: clas, caseId })).events.at(-1)?.text).toBe("Linda Palo tog bort Eva Ifö som medhandläggare");
    expect(await db.notification.count({ where: { userId: eva.id, kind: "case.co_officer_removed" } })).toBe(1);
    await expectAppError(getCaseDetails({ actor: eva, caseId }), "NOT_FOUND");
    await expectAppError(write(eva, statementId, "Efter borttagningen."), "NOT_FOUND");
    const error = await expectAppError(removeCoOfficer({ actor: linda, input: { caseId, version: await versionOf(caseId), userId: eva.id } }), "VALIDATION");
    expect(error.fieldErrors?.userId?.[0]).toBe("Personen är inte medhandläggare i ärendet.");
  });

  it("keeps the case row's co_officer_ids (what the access filters read) equal to case_co_officer, however a row changes", async () => {
    const { caseId } = await createCaseWithStatement(db);
    const mirrored = async () => (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { coOfficerIds: true } })).coOfficerIds;
    await add(registrar, caseId, eva.id);
    eva = await actorFor(db, "eva.ifo");
    expect(await mirrored()).toEqual([eva.id]);
    // Written by anything else than the services too (an import, a repair by hand).
    await db.$executeRaw`INSERT INTO case_co_officer (case_id, user_id, added_by_id, updated_at) VALUES (${caseId}::uuid, ${dubbel.id}::uuid, ${registrar.id}::uuid, now())`;
    expect(await mirrored()).toEqual([eva.id, dubbel.id]);
    await db.$executeRaw`UPDATE case_co_officer SET user_id = ${linda.id}::uuid WHERE case_id = ${caseId}::uuid AND user_id = ${dubbel.id}::uuid`;
    expect(await mirrored()).toEqual([eva.id, linda.id]);
    await db.$executeRaw`DELETE FROM case_co_officer WHERE case_id = ${caseId}::uuid AND user_id = ${linda.id}::uuid`;
    expect(await mirrored()).toEqual([eva.id]);
    expect((await listDiariumCases({ actor: eva, params: {}, pageSize: 200 })).rows.map((row) => row.id)).toContain(caseId);
    await removeCoOfficer({ actor: registrar, input: { caseId, version: await versionOf(caseId), userId: eva.id } });
    expect(await mirrored()).toEqual([]);
    expect((await listDiariumCases({ actor: eva, params: {}, pageSize: 200 })).rows.map((row) => row.id)).not.toContain(caseId);
    // Every case of the database, after all the tests before this one.
    const differing = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "case" c
      WHERE (SELECT coalesce(array_agg(x ORDER BY x), '{}') FROM unnest(c.co_officer_ids) x)
         <> (SELECT coalesce(array_agg(co.user_id ORDER BY co.user_id), '{}') FROM case_co_officer co WHERE co.case_id = c.id)`;
    expect(differing[0]!.count).toBe(0n);
  });

  it("drops a medhandläggare who becomes the responsible handläggare", async () => {
    const { caseId } = await createCaseWithStatement(db);
    await db.membership.create({ data: { userId: eva.id, role: "CASE_OFFICER", departmentId: "has-sos" } });
    try {
      await add(registrar, caseId, eva.id);
      await reassignCase({ actor: registrar, input: { caseId, version: await versionOf(caseId), caseOfficerId: eva.id } });
      const details = await getCaseDetails({ actor: eva, caseId });
      expect(details.caseOfficer.id).toBe(eva.id);
      expect(details.coOfficers).toEqual([]);
    } finally {
      await db.membership.deleteMany({ where: { userId: eva.id, departmentId: "has-sos" } });
    }
  });
});

describe("writing, sending and attesting with medhandläggare", () => {
  it("lets a medhandläggare write a section, and names both handläggare in the header of the preview and the exported DOCX", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await expectAppError(write(eva, statementId, "Innan Eva är medhandläggare."), "NOT_FOUND");
    await add(registrar, caseId, eva.id);
    const saved = await write(eva, statementId, "Eva skriver sammanfattningen.");
    expect(saved.status).toBe("SAVED");
    const version = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: await statementVersion(statementId) } } });
    expect(version.authorId).toBe(eva.id);
    expect((version.content as { header: unknown }).header).toMatchObject({ caseOfficerName: "Clas Cederlid", coOfficerNames: ["Eva Ifö"] });

    const { document } = await loadStatementDocument({ actor: clas, statementId });
    expect(document.blocks.find((block) => block.kind === "columns")).toMatchObject({ kind: "columns", columns: [{ label: "Handläggare", lines: ["Clas Cederlid", "Telefon: 08-50823326", "Eva Ifö"] }, { label: "Till" }] });
    const docx = await exportStatement({ actor: eva, statementId, format: "docx" });
    const paragraphs = docxParagraphs(docxPart(docx.bytes, "word/document.xml")).join("\n");
    expect(paragraphs).toContain("Clas Cederlid");
    expect(paragraphs).toContain("Eva Ifö");
  });

  it("lets only the responsible handläggare send; the attested content names the medhandläggare added after the last save", async () => {
    const { caseId, statementId } = await createCaseWithStatement(db);
    await add(registrar, caseId, eva.id);
    const error = await expectAppError(send(eva, caseId, statementId, [linda.id]), "FORBIDDEN");
    expect(error.userMessage).toBe("Bara ärendets ansvariga handläggare kan skicka tjänsteutlåtandet på attestering och återkalla det.");
    expect(await db.attestationRequest.count({ where: { subjectId: statementId } })).toBe(0);
    expect((await getCaseAttestationView({ actor: eva, caseId })).canSend).toBe(false);
    expect((await getCaseAttestationView({ actor: clas, caseId })).canSend).toBe(true);

    const before = await statementVersion(statementId);
    await send(clas, caseId, statementId, [linda.id]);
    // The header was written before Eva was added: the send bound a version that names her.
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statementId } });
    expect(request.versionNumber).toBe(before + 1);
    const bound = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: request.versionNumber } } });
    expect((bound.content as { header: unknown }).header).toMatchObject({ coOfficerNames: ["Eva Ifö"] });
    await expectAppError(withdrawAttestation({ actor: eva, input: { caseId, reason: "Jag vill ändra." } }), "FORBIDDEN");

    await attestStep({ actor: linda, input: { stepId: await stepOf(db, statementId, "linda.palo"), contentHash: await sentHash(db, statementId) } });
    const { document, attested } = await loadStatementDocument({ actor: eva, statementId });
    expect(attested).toBe(true);
    expect(document.blocks.find((block) => block.kind === "columns")).toMatchObject({ columns: [{ label: "Handläggare", lines: ["Clas Cederlid", "Telefon: 08-50823326", "Eva Ifö"] }, { label: "Till" }] });
  });

  it("never lets a medhandläggare attest: not chosen as attester, and refused if added after the statement was sent", async () => {
    const first = await createCaseWithStatement(db);
    await add(registrar, first.caseId, dubbel.id);
    expect((await getCaseAttestationView({ actor: clas, caseId: first.caseId })).defaults.map((attester) => attester.userId)).not.toContain(dubbel.id);
    const error = await expectAppError(send(clas, first.caseId, first.statementId, [dubbel.id]), "VALIDATION");
    expect(error.fieldErrors?.attesterIds?.[0]).toBe("Den som har skrivit tjänsteutlåtandet eller handlägger ärendet kan inte attestera det.");
    expect(await db.attestationRequest.count({ where: { subjectId: first.statementId } })).toBe(0);

    const second = await createCaseWithStatement(db);
    await send(clas, second.caseId, second.statementId, [dubbel.id]);
    await add(registrar, second.caseId, dubbel.id);
    const refused = await expectAppError(attestStep({ actor: dubbel, input: { stepId: await stepOf(db, second.statementId, "dubbel"), contentHash: await sentHash(db, second.statementId) } }), "FORBIDDEN");
    expect(refused.userMessage).toBe("Du har skrivit tjänsteutlåtandet eller handlägger ärendet och kan inte attestera det.");
    expect(await db.attestationStep.count({ where: { assigneeId: dubbel.id, status: "ATTESTED" } })).toBe(0);
  });
});
