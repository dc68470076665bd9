// The remiss round trip (#17) against PostgreSQL, through the services: kommunstyrelsen's
// registrator sends a motion to internal committees and an external body; the internal
// registrators accept (or return) it from "Inkomna remisser"; the committee's dispatch of its
// answer comes home to the sender's case by itself; external answers, positions and an
// extended remisstid are recorded by the sender. Isolation: another municipality's committee
// is never an internal instans. Authorization: wrong role, other committee, other unit.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerCase } from "@/features/cases/server/register-case";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { ZRegisterCaseSchema } from "@/features/cases/schemas";
import { exportReferralLetter } from "@/features/exports/server/referral-letter-export";
import { storePendingRecords } from "@/features/exports/server/records";
import { dispatchDecision } from "@/features/meetings/server/dispatch-service";
import { approveMinutes } from "@/features/meetings/server/minutes-service";
import { ZDispatchSchema } from "@/features/meetings/schemas";
import { acceptReferral, extendReferralDueDate, getCaseReferrals, listIncomingReferrals, recordExternalAnswer, returnReferral, sendReferral, setReferralPosition } from "@/features/referrals/server";
import { ZAcceptReferralSchema, ZExtendReferralSchema, ZExternalAnswerSchema, ZReferralPositionSchema, ZReturnReferralSchema, ZSendReferralSchema } from "@/features/referrals/schemas";
import { sha256Hex } from "@/lib/hash";
import type { Actor } from "@/server/auth/actor";
import { putBlob } from "@/server/blob-store";
import { stopJobProducer } from "@/server/jobs";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { actorFor, daysAhead, expectAppError, minutesInApproval, setupMeetingsWorldWithActors } from "./meetings-fixtures";
import { buildSecondTenant } from "./tenant-fixtures";

const { db } = await createTestDatabase();

let secretary: Actor;
let chair: Actor;
let checker: Actor;
let ksRegistrar: Actor;
let ksOfficer: Actor;
let ksColleague: Actor;
let hasRegistrar: Actor;
let sosRegistrar: Actor;
let fasRegistrar: Actor;
let hasOfficer: Actor;

const MOTION_FILE = Buffer.from("Motion 2026:7 om fler parkbänkar – remissunderlag");

beforeAll(async () => {
  ({ secretary, chair, checker } = await setupMeetingsWorldWithActors(db));
  await db.user.create({ data: { username: "slk.kollega", name: "Kim Kollega", memberships: { create: { role: "CASE_OFFICER", departmentId: "slk-kla" } } } });
  ksRegistrar = await actorFor(db, "eva.stromberg");
  ksOfficer = await actorFor(db, "petter.lind");
  ksColleague = await actorFor(db, "slk.kollega");
  hasRegistrar = await actorFor(db, "registrator");
  sosRegistrar = await actorFor(db, "sofia.berg");
  fasRegistrar = await actorFor(db, "frida.alm");
  hasOfficer = await actorFor(db, "clas.cederlid");
});

afterAll(() => stopJobProducer());

/** A motion registered at kommunstyrelsen with the motion as an incoming handling with a file. */
const ksMotion = async ({ title = "Motion om fler parkbänkar", confidential = false } = {}) => {
  const created = await registerCase({
    actor: ksRegistrar,
    input: parseInput(ZRegisterCaseSchema, {
      idempotencyKey: randomUUID(),
      title,
      kind: "MOTION",
      committeeId: "ks",
      departmentId: "slk-kla",
      caseOfficerId: ksOfficer.id,
      receivedDate: daysAhead(-20),
      motion: { title, raisedDate: daysAhead(-25), authors: [{ name: "Andréa Hedin", party: "M" }], proposals: ["fler parkbänkar sätts upp"] },
      ...(confidential ? { confidentiality: { reference: "26 kap. 1 § OSL", reason: "Uppgifter om enskilds personliga förhållanden" } } : {}),
    }),
  });
  const document = await db.$transaction(async (tx) => {
    const blob = await putBlob(tx, MOTION_FILE, "text/plain");
    return createCaseDocumentInTx(tx, {
      actorId: ksRegistrar.id,
      caseId: created.id,
      direction: "INCOMING",
      documentDate: new Date(`${daysAhead(-20)}T00:00:00Z`),
      counterpart: "Kommunfullmäktige",
      description: "Motion (2026:7)",
      files: [{ blobSha256: blob.sha256, fileName: "motion.txt", mimeType: "text/plain", size: blob.size }],
    });
  });
  return { ...created, documentId: document.id };
};

const FOUR = [
  { kind: "INTERNAL", committeeId: "has", dueDate: daysAhead(30) },
  { kind: "INTERNAL", committeeId: "sos", dueDate: daysAhead(40) },
  { kind: "INTERNAL", committeeId: "fas", dueDate: daysAhead(45) },
  { kind: "EXTERNAL", name: "Region Stockholm", email: "registrator@regionstockholm.example", dueDate: daysAhead(50) },
] as const;

const send = (actor: Actor, caseId: string, overrides: Record<string, unknown> = {}) =>
  sendReferral({
    actor,
    input: parseInput(ZSendReferralSchema, { caseId, letterMode: "PER_RECIPIENT", sentDate: daysAhead(-1), text: "Kommunstyrelsen remitterar motionen.", documentIds: [], recipients: FOUR, ...overrides }),
  });

const recipientOf = (roundId: string, name: string) => db.referralRecipient.findFirstOrThrow({ where: { roundId, name } });

const counts = async () => ({
  rounds: await db.referralRound.count(),
  recipients: await db.referralRecipient.count(),
  documents: await db.caseDocument.count(),
  cases: await db.case.count(),
  audit: await db.auditEvent.count(),
});

const accept = async (actor: Actor, recipientId: string, departmentId: string, officerUsername: string) => {
  const { version } = await db.referralRecipient.findUniqueOrThrow({ where: { id: recipientId } });
  const officer = await db.user.findUniqueOrThrow({ where: { username: officerUsername } });
  return acceptReferral({ actor, input: parseInput(ZAcceptReferralSchema, { recipientId, version, departmentId, caseOfficerId: officer.id }) });
};

describe("sending on remiss", () => {
  it("sends to three internal committees and one external body, each with its remisstid, a missiv per instans kept as the export's exact bytes", async () => {
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id, { documentIds: [motion.documentId] });
    expect(sent.recipientIds).toHaveLength(4);
    expect(sent.documentNumbers).toEqual([`${motion.caseNumber}-2`, `${motion.caseNumber}-3`, `${motion.caseNumber}-4`, `${motion.caseNumber}-5`]);

    const recipients = await db.referralRecipient.findMany({ where: { roundId: sent.roundId }, orderBy: { id: "asc" }, include: { outgoingDocument: { include: { generatedRecords: true } } } });
    expect(recipients.map((row) => [row.kind, row.name, row.committeeId, row.email, row.status])).toEqual([
      ["INTERNAL", "Hägersten-Älvsjö stadsdelsnämnd", "has", null, "SENT"],
      ["INTERNAL", "Södermalms stadsdelsnämnd", "sos", null, "SENT"],
      ["INTERNAL", "Farsta stadsdelsnämnd", "fas", null, "SENT"],
      ["EXTERNAL", "Region Stockholm", null, "registrator@regionstockholm.example", "SENT"],
    ]);
    for (const recipient of recipients) {
      expect(recipient.outgoingDocument).toMatchObject({ caseId: motion.id, direction: "OUTGOING", counterpart: recipient.name });
      expect(recipient.outgoingDocument.generatedRecords).toEqual([expect.objectContaining({ kind: "REFERRAL_LETTER", subjectId: recipient.id })]);
    }
    expect(await storePendingRecords()).toBeGreaterThanOrEqual(4);
    for (const recipient of recipients) {
      const [file] = await db.caseDocumentFile.findMany({ where: { documentId: recipient.outgoingDocumentId } });
      const exported = await exportReferralLetter({ actor: ksRegistrar, id: recipient.id, format: "pdf" });
      expect(file!.blobSha256).toBe(sha256Hex(exported.bytes));
      expect(exported.fileName).toContain(recipient.name);
    }
    // The DOCX renders from the same model.
    expect((await exportReferralLetter({ actor: ksRegistrar, id: recipients[0]!.id, format: "docx" })).bytes.subarray(0, 2).toString()).toBe("PK");

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "referral.send", entityId: sent.roundId } });
    expect(event.caseId).toBe(motion.id);
    expect((event.data as { recipients: { name: string }[] }).recipients.map((recipient) => recipient.name)).toHaveLength(4);

    const table = await getCaseReferrals({ actor: ksRegistrar, caseId: motion.id });
    expect(table.canManage).toBe(true);
    expect(table.rows.map((row) => [row.name, row.status, row.dueDate, row.late])).toEqual(FOUR.map((recipient) => [expect.any(String), "SENT", recipient.dueDate, false]));
  });

  it("lists a handling with its own secrecy marking in the missiv as the diarium masks it, never its description", async () => {
    const motion = await ksMotion();
    const secret = await db.$transaction((tx) =>
      createCaseDocumentInTx(tx, {
        actorId: ksRegistrar.id,
        caseId: motion.id,
        direction: "INCOMING",
        documentDate: new Date(`${daysAhead(-2)}T00:00:00Z`),
        counterpart: "Socialtjänsten",
        description: "Yttrande om familjen KANARIE",
        secrecyReference: "26 kap. 1 § OSL",
        secrecyReason: "Uppgifter om enskilds personliga förhållanden",
      }),
    );
    const sent = await send(ksRegistrar, motion.id, { documentIds: [motion.documentId, secret.id], recipients: FOUR.slice(0, 1) });
    const round = await db.referralRound.findUniqueOrThrow({ where: { id: sent.roundId } });
    expect((round.letter as { documents: unknown[] }).documents).toEqual([
      { number: `${motion.caseNumber}-1`, description: "Motion (2026:7)" },
      { number: secret.documentNumber, description: "Sekretess enligt 26 kap. 1 § OSL." },
    ]);
    expect(JSON.stringify(round.letter)).not.toContain("KANARIE");
  });

  it("registers one outgoing handling with the recipient list when the registrar chooses one missiv for all", async () => {
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id, { letterMode: "SHARED", recipients: FOUR.slice(1) });
    expect(sent.documentNumbers).toEqual([`${motion.caseNumber}-2`]);
    const document = await db.caseDocument.findFirstOrThrow({ where: { caseId: motion.id, direction: "OUTGOING" }, include: { generatedRecords: true } });
    expect(document.counterpart).toBe("Södermalms stadsdelsnämnd; Farsta stadsdelsnämnd; Region Stockholm");
    expect(document.generatedRecords).toEqual([expect.objectContaining({ kind: "REFERRAL_LETTER", subjectId: sent.roundId })]);
    expect(await db.referralRecipient.count({ where: { roundId: sent.roundId, outgoingDocumentId: document.id } })).toBe(3);
  });

  it("never makes another municipality's committee an internal instans; the other municipality is an external sending", async () => {
    const tenant = await buildSecondTenant(db);
    const motion = await ksMotion();
    const before = await counts();
    const otherCases = await db.case.count({ where: { committee: { municipalityId: tenant.municipalityId } } });
    await expectAppError(send(ksRegistrar, motion.id, { recipients: [{ kind: "INTERNAL", committeeId: tenant.committeeId, dueDate: daysAhead(30) }] }), "VALIDATION");
    expect(await counts()).toEqual(before);

    const sent = await send(ksRegistrar, motion.id, { recipients: [{ kind: "EXTERNAL", name: "Testby kommun", email: "registrator@testby.example", dueDate: daysAhead(30) }] });
    expect(await db.referralRecipient.findMany({ where: { roundId: sent.roundId } })).toEqual([expect.objectContaining({ kind: "EXTERNAL", committeeId: null, email: "registrator@testby.example" })]);
    // Nothing lands in the other municipality: no case, and its registrator's inbox is empty.
    expect(await db.case.count({ where: { committee: { municipalityId: tenant.municipalityId } } })).toBe(otherCases);
    expect(await listIncomingReferrals({ actor: await actorFor(db, tenant.registrar) })).toEqual([]);
  });

  it("refuses those who may not send: another committee's staff (not found), a handläggare who does not own the case (forbidden); nothing written", async () => {
    const motion = await ksMotion();
    const before = await counts();
    await expectAppError(send(hasRegistrar, motion.id), "NOT_FOUND");
    await expectAppError(send(hasOfficer, motion.id), "NOT_FOUND");
    await expectAppError(send(ksColleague, motion.id), "FORBIDDEN");
    await expectAppError(send(ksRegistrar, motion.id, { recipients: [{ kind: "INTERNAL", committeeId: "ks", dueDate: daysAhead(30) }] }), "VALIDATION");
    expect(await counts()).toEqual(before);
    // The case's own handläggare may send.
    await send(ksOfficer, motion.id, { recipients: FOUR.slice(3) });
  });
});

describe("Inkomna remisser", () => {
  it("shows each registrator the remisser of their own committee; accepting makes a case with the sender's dnr, remisstid, motion and the same files", async () => {
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id, { documentIds: [motion.documentId] });
    const has = await recipientOf(sent.roundId, "Hägersten-Älvsjö stadsdelsnämnd");
    const inbox = await listIncomingReferrals({ actor: hasRegistrar });
    expect(inbox.filter((row) => row.senderCaseNumber === motion.caseNumber)).toEqual([
      expect.objectContaining({ id: has.id, sender: "Kommunstyrelsen", title: "Motion om fler parkbänkar", dueDate: FOUR[0].dueDate, committee: { id: "has", name: "Hägersten-Älvsjö stadsdelsnämnd" } }),
    ]);
    expect((await listIncomingReferrals({ actor: sosRegistrar })).map((row) => row.id)).not.toContain(has.id);
    expect(await listIncomingReferrals({ actor: hasOfficer })).toEqual([]);

    // Another committee's registrator and a handläggare cannot accept it.
    const before = await counts();
    await expectAppError(accept(sosRegistrar, has.id, "sos-sos", "samir.haddad"), "NOT_FOUND");
    await expectAppError(accept(hasOfficer, has.id, "has-sos", "clas.cederlid"), "NOT_FOUND");
    expect(await counts()).toEqual(before);

    const accepted = await accept(hasRegistrar, has.id, "has-sos", "clas.cederlid");
    const created = await db.case.findUniqueOrThrow({
      where: { id: accepted.caseId },
      include: { motion: { include: { authors: true, proposals: true } }, deadlines: true, documents: { orderBy: { number: "asc" }, include: { files: true, generatedRecords: true } } },
    });
    expect(created).toMatchObject({ committeeId: "has", kind: "MOTION_REFERRAL", title: "Motion om fler parkbänkar", referringBody: "Kommunstyrelsen", referringCaseNumber: motion.caseNumber });
    expect(created.caseNumber).toMatch(/^HÄS \d{4}\/\d+$/);
    expect(created.dueDate!.toISOString().slice(0, 10)).toBe(FOUR[0].dueDate);
    expect(created.deadlines.map((deadline) => [deadline.kind, deadline.dueDate.toISOString().slice(0, 10)])).toContainEqual(["REFERRAL_DUE", FOUR[0].dueDate]);
    expect(created.motion).toMatchObject({ title: "Motion om fler parkbänkar", authors: [expect.objectContaining({ name: "Andréa Hedin", party: "M" })], proposals: [expect.objectContaining({ text: "fler parkbänkar sätts upp" })] });
    const [missiv, underlag] = created.documents;
    expect(missiv).toMatchObject({ direction: "INCOMING", counterpart: "Kommunstyrelsen", generatedRecords: [expect.objectContaining({ kind: "REFERRAL_LETTER", subjectId: has.id })] });
    expect(underlag!.files.map((file) => file.blobSha256)).toEqual([sha256Hex(MOTION_FILE)]);
    expect(underlag!.description).toBe(`Motion (2026:7) (${motion.caseNumber}-1)`);
    // The received missiv is the same bytes as the one sent.
    await storePendingRecords();
    const [sentFile] = await db.caseDocumentFile.findMany({ where: { documentId: has.outgoingDocumentId } });
    const [receivedFile] = await db.caseDocumentFile.findMany({ where: { documentId: missiv!.id } });
    expect(receivedFile!.blobSha256).toBe(sentFile!.blobSha256);

    expect(await db.referralRecipient.findUniqueOrThrow({ where: { id: has.id } })).toMatchObject({ status: "ACCEPTED", receivingCaseId: created.id, acceptedById: hasRegistrar.id });
    expect((await getCaseReferrals({ actor: ksRegistrar, caseId: motion.id })).rows.find((row) => row.id === has.id)).toMatchObject({ status: "ACCEPTED", receivingCaseNumber: created.caseNumber });
    await expectAppError(accept(hasRegistrar, has.id, "has-sos", "clas.cederlid"), "INVALID_STATE");
  });

  it("lets the addressed registrator read the missiv while it waits, nobody else outside the sender's case, and not of a confidential case", async () => {
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id, { recipients: FOUR.slice(0, 2) });
    const [has, sos] = [await recipientOf(sent.roundId, "Hägersten-Älvsjö stadsdelsnämnd"), await recipientOf(sent.roundId, "Södermalms stadsdelsnämnd")];
    expect((await exportReferralLetter({ actor: hasRegistrar, id: has.id, format: "pdf" })).contentType).toBe("application/pdf");
    await expectAppError(exportReferralLetter({ actor: sosRegistrar, id: has.id, format: "pdf" }), "NOT_FOUND");
    await expectAppError(exportReferralLetter({ actor: hasOfficer, id: has.id, format: "pdf" }), "NOT_FOUND");
    await exportReferralLetter({ actor: sosRegistrar, id: sos.id, format: "docx" });

    const secret = await ksMotion({ title: "Motion om skyddade adresser", confidential: true });
    const secretSent = await send(ksRegistrar, secret.id, { recipients: FOUR.slice(0, 1) });
    await expectAppError(exportReferralLetter({ actor: hasRegistrar, id: secretSent.recipientIds[0]!, format: "pdf" }), "NOT_FOUND");
    await exportReferralLetter({ actor: ksRegistrar, id: secretSent.recipientIds[0]!, format: "pdf" });
  });

  it("sends a remiss back with a reason the sender sees", async () => {
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id);
    const fas = await recipientOf(sent.roundId, "Farsta stadsdelsnämnd");
    await expectAppError(returnReferral({ actor: sosRegistrar, input: parseInput(ZReturnReferralSchema, { recipientId: fas.id, version: fas.version, reason: "Fel mottagare" }) }), "NOT_FOUND");
    await returnReferral({ actor: fasRegistrar, input: parseInput(ZReturnReferralSchema, { recipientId: fas.id, version: fas.version, reason: "Frågan rör inte Farsta, skicka till fastighetsnämnden." }) });
    const row = (await getCaseReferrals({ actor: ksRegistrar, caseId: motion.id })).rows.find((candidate) => candidate.id === fas.id);
    expect(row).toMatchObject({ status: "RETURNED", returnReason: "Frågan rör inte Farsta, skicka till fastighetsnämnden.", late: false });
    expect(await listIncomingReferrals({ actor: fasRegistrar })).not.toContainEqual(expect.objectContaining({ id: fas.id }));
    expect(await db.auditEvent.count({ where: { action: "referral.return", caseId: motion.id } })).toBe(1);
  });

  it("masks the title of a confidential case in the inbox as the diarium does, and the accepted case keeps the marking", async () => {
    const motion = await ksMotion({ title: "Motion om skyddat boende KANARIE", confidential: true });
    const sent = await send(ksRegistrar, motion.id, { recipients: FOUR.slice(1, 2) });
    const [row] = (await listIncomingReferrals({ actor: sosRegistrar })).filter((candidate) => candidate.senderCaseNumber === motion.caseNumber);
    expect(row).toMatchObject({ title: "Sekretessmarkerat ärende", masked: true, secrecyReference: "26 kap. 1 § OSL" });
    // The sender's own registrator reads the case: nothing masked.
    expect((await listIncomingReferrals({ actor: sosRegistrar })).filter((candidate) => candidate.senderCaseNumber !== motion.caseNumber)).not.toContainEqual(expect.objectContaining({ masked: true }));
    expect(JSON.stringify(row)).not.toContain("KANARIE");
    const accepted = await accept(sosRegistrar, sent.recipientIds[0]!, "sos-sos", "samir.haddad");
    expect(await db.case.findUniqueOrThrow({ where: { id: accepted.caseId } })).toMatchObject({ secrecyReference: "26 kap. 1 § OSL" });
  });
});

describe("answers", () => {
  it("registers the committee's dispatched answer in the sender's case by itself: incoming handling with the same files, answered with date and position", async () => {
    const world = await minutesInApproval(db, { secretary, chair, checker });
    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id, { recipients: FOUR.slice(0, 1) });
    // The committee's decided case stands for the case the remiss was accepted into.
    await db.referralRecipient.update({ where: { id: sent.recipientIds[0] }, data: { status: "ACCEPTED", receivingCaseId: world.caseId, acceptedById: hasRegistrar.id, acceptedAt: new Date() } });

    const sentDate = daysAhead(-1);
    const dispatched = await dispatchDecision({
      actor: secretary,
      input: parseInput(ZDispatchSchema, { decisionId: world.decisionId, recipients: ["Kommunstyrelsen"], sentDate, includeStatement: true, referralAnswer: { position: "SUPPORTS_WITH_CHANGES", summary: "Tillstyrker med krav på belysning." } }),
    });
    expect(dispatched.referralAnswer).toEqual({ documentNumber: `${motion.caseNumber}-3` });
    const recipient = await db.referralRecipient.findUniqueOrThrow({ where: { id: sent.recipientIds[0] }, include: { answerDocument: { include: { generatedRecords: true } } } });
    expect(recipient).toMatchObject({ status: "ANSWERED", position: "SUPPORTS_WITH_CHANGES", summary: "Tillstyrker med krav på belysning.", answerDispatchId: dispatched.dispatches[0]!.dispatchId, answerRecordedById: secretary.id });
    expect(recipient.answeredDate!.toISOString().slice(0, 10)).toBe(sentDate);
    expect(recipient.answerDocument).toMatchObject({ caseId: motion.id, direction: "INCOMING", counterpart: "Hägersten-Älvsjö stadsdelsnämnd" });
    expect(recipient.answerDocument!.generatedRecords.map((record) => record.kind).sort()).toEqual(["EXTRACT", "STATEMENT"]);

    // The answer's files are the dispatched files, byte for byte.
    await storePendingRecords();
    const dispatchedDocument = await db.dispatch.findUniqueOrThrow({ where: { id: dispatched.dispatches[0]!.dispatchId } });
    const hashes = async (documentId: string) => (await db.caseDocumentFile.findMany({ where: { documentId } })).map((file) => file.blobSha256).sort();
    expect(await hashes(recipient.answerDocumentId!)).toEqual(await hashes(dispatchedDocument.documentId));
    expect(await hashes(recipient.answerDocumentId!)).toHaveLength(2);

    const row = (await getCaseReferrals({ actor: ksOfficer, caseId: motion.id })).rows[0];
    expect(row).toMatchObject({ status: "ANSWERED", answeredDate: sentDate, position: "SUPPORTS_WITH_CHANGES", answer: { documentId: recipient.answerDocumentId, documentNumber: `${motion.caseNumber}-3`, fileIds: expect.any(Array) } });
    expect(await db.auditEvent.count({ where: { action: "referral.answer", caseId: motion.id } })).toBe(1);

    // A second dispatch is not a second answer.
    await dispatchDecision({ actor: secretary, input: parseInput(ZDispatchSchema, { decisionId: world.decisionId, recipients: ["Stadsdelsnämndens arkiv"], sentDate, includeStatement: false }) });
    expect(await db.caseDocument.count({ where: { caseId: motion.id, direction: "INCOMING" } })).toBe(2);

    // The sender corrects the position; a handläggare of another unit may not.
    const answered = await db.referralRecipient.findUniqueOrThrow({ where: { id: recipient.id } });
    await expectAppError(setReferralPosition({ actor: hasOfficer, input: parseInput(ZReferralPositionSchema, { recipientId: recipient.id, version: answered.version, position: "SUPPORTS" }) }), "NOT_FOUND");
    await setReferralPosition({ actor: ksRegistrar, input: parseInput(ZReferralPositionSchema, { recipientId: recipient.id, version: answered.version, position: "SUPPORTS", summary: "Tillstyrker." }) });
    expect(await db.referralRecipient.findUniqueOrThrow({ where: { id: recipient.id } })).toMatchObject({ position: "SUPPORTS", summary: "Tillstyrker.", answerRecordedById: ksRegistrar.id });
    // The audit trail holds no free text: the summary may quote secret content.
    const positionEvent = await db.auditEvent.findFirstOrThrow({ where: { action: "referral.position", entityId: recipient.id } });
    expect(positionEvent.data).toEqual({ name: "Hägersten-Älvsjö stadsdelsnämnd", position: "Tillstyrker" });
  });

  it("lets the sender's registrar record an external body's answer against its instans; never for an internal one", async () => {
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id, { recipients: [FOUR[1], FOUR[3]] });
    const [sos, region] = await Promise.all([recipientOf(sent.roundId, "Södermalms stadsdelsnämnd"), recipientOf(sent.roundId, "Region Stockholm")]);
    const letter = await db.$transaction((tx) =>
      createCaseDocumentInTx(tx, { actorId: ksRegistrar.id, caseId: motion.id, direction: "INCOMING", documentDate: new Date(`${daysAhead(0)}T00:00:00Z`), counterpart: "Region Stockholm", description: "Yttrande från Region Stockholm" }),
    );
    const answer = (actor: Actor, recipientId: string, version: number) =>
      recordExternalAnswer({ actor, input: parseInput(ZExternalAnswerSchema, { recipientId, version, documentId: letter.id, answeredDate: daysAhead(0), position: "NO_COMMENTS", summary: "Inga synpunkter." }) });
    await expectAppError(answer(hasRegistrar, region.id, region.version), "NOT_FOUND");
    await expectAppError(answer(ksColleague, region.id, region.version), "FORBIDDEN");
    await expectAppError(answer(ksRegistrar, sos.id, sos.version), "INVALID_STATE");
    await expectAppError(answer(ksRegistrar, region.id, region.version + 1), "CONFLICT");
    await answer(ksRegistrar, region.id, region.version);
    expect(await db.referralRecipient.findUniqueOrThrow({ where: { id: region.id } })).toMatchObject({ status: "ANSWERED", position: "NO_COMMENTS", answerDocumentId: letter.id });
    // The same handling cannot answer twice.
    const again = await send(ksRegistrar, motion.id, { recipients: [{ kind: "EXTERNAL", name: "Trafikverket", email: "trafikverket@trafikverket.example", dueDate: daysAhead(30) }] });
    const trafikverket = await recipientOf(again.roundId, "Trafikverket");
    await expectAppError(answer(ksRegistrar, trafikverket.id, trafikverket.version), "VALIDATION");
  });
});

describe("remisstid", () => {
  it("extends a remisstid with an audit event; the accepted case's remisstid and bevakning follow; late instances are marked", async () => {
    const motion = await ksMotion();
    const sent = await send(ksRegistrar, motion.id, { sentDate: daysAhead(-10), recipients: [{ kind: "INTERNAL", committeeId: "has", dueDate: daysAhead(-2) }, { kind: "EXTERNAL", name: "Region Stockholm", email: "registrator@regionstockholm.example", dueDate: daysAhead(10) }] });
    const has = await recipientOf(sent.roundId, "Hägersten-Älvsjö stadsdelsnämnd");
    expect((await getCaseReferrals({ actor: ksRegistrar, caseId: motion.id })).rows.map((row) => row.late)).toEqual([true, false]);
    const accepted = await accept(hasRegistrar, has.id, "has-sos", "clas.cederlid");
    const current = await db.referralRecipient.findUniqueOrThrow({ where: { id: has.id } });
    const extend = (actor: Actor, dueDate: string) => extendReferralDueDate({ actor, input: parseInput(ZExtendReferralSchema, { recipientId: has.id, version: current.version, dueDate }) });

    await expectAppError(extend(hasRegistrar, daysAhead(20)), "NOT_FOUND");
    await expectAppError(extend(ksRegistrar, daysAhead(-3)), "VALIDATION");
    await extend(ksRegistrar, daysAhead(20));
    expect((await getCaseReferrals({ actor: ksRegistrar, caseId: motion.id })).rows[0]).toMatchObject({ dueDate: daysAhead(20), late: false });
    const receiving = await db.case.findUniqueOrThrow({ where: { id: accepted.caseId }, include: { deadlines: { where: { kind: "REFERRAL_DUE" } } } });
    expect(receiving.dueDate!.toISOString().slice(0, 10)).toBe(daysAhead(20));
    expect(receiving.deadlines.map((deadline) => deadline.dueDate.toISOString().slice(0, 10))).toEqual([daysAhead(20)]);
    const events = await db.auditEvent.findMany({ where: { action: "referral.extend", entityId: has.id } });
    expect(events.map((event) => [event.caseId, (event.data as { before: string }).before, (event.data as { after: string }).after]).sort()).toEqual(
      [[motion.id, daysAhead(-2), daysAhead(20)], [accepted.caseId, daysAhead(-2), daysAhead(20)]].sort(),
    );
    // The version moved on: a stale form is a conflict.
    await expectAppError(extend(ksRegistrar, daysAhead(25)), "CONFLICT");
  });
});
