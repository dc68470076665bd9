// Generated documents are records: the attested tjänsteutlåtande and the expedierade
// protokollsutdrag (with the tjänsteutlåtande when sent along) become PDF/A files of their
// handlings, byte for byte what the export routes give, content-addressed, their SHA-256 in
// the audit event, readable only by those who may read the handling. Downloads go through
// the real route handlers with the session replaced by a chosen actor.
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { attestStep, sendStatementForAttestation, withdrawAttestation } from "@/features/attestation/server/attestation-service";
import { findRecordsToStore, storeGeneratedRecord, storePendingRecords } from "@/features/exports/server/records";
import { exportExtract } from "@/features/exports/server/meeting-export";
import { contentHashOf } from "@/features/attestation/content";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { listCaseDocuments } from "@/features/documents/server/document-queries";
import { dispatchDecision } from "@/features/meetings/server/dispatch-service";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { approveMinutes } from "@/features/meetings/server/minutes-service";
import { getMinutesView } from "@/features/meetings/server/meeting-page-queries";
import { ZDispatchSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { sha256Hex } from "@/lib/hash";
import type { Actor } from "@/server/auth/actor";
import { configureJobProducer, stopJobProducer } from "@/server/jobs";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { waitFor } from "../support/wait-for";
import { actorFor, calledMeetingWithCase, createCase, daysAhead, expectAppError, minutesInApproval, setupMeetingsWorldWithActors } from "./meetings-fixtures";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth", () => ({ getActor: async () => session.actor }));

const { GET: getFile } = await import("@/app/api/filer/[fileId]/route");
const { GET: getStatementExport } = await import("@/app/api/export/statement/[statementId]/route");
const { GET: getExtractExport } = await import("@/app/api/export/extract/[decisionId]/route");
const { GET: getMinutesExport } = await import("@/app/api/export/minutes/[minutesId]/route");
const { GET: getMinutesRecord } = await import("@/app/api/export/minutes/[minutesId]/arkiv/route");

const { db, url } = await createTestDatabase();

let secretary: Actor;
let chair: Actor;
let checker: Actor;
let officer: Actor;
let otherSecretary: Actor;

beforeAll(async () => {
  ({ secretary, chair, checker } = await setupMeetingsWorldWithActors(db));
  officer = await actorFor(db, "clas.cederlid");
  otherSecretary = await actorFor(db, "sos.sekreterare");
});

afterAll(() => stopJobProducer());

const ORIGIN = "http://localhost:3012";

const as = async (actor: Actor, call: () => Promise<Response>): Promise<Response> => {
  session.actor = actor;
  try {
    return await call();
  } finally {
    session.actor = null;
  }
};

const bytesOf = async (response: Response): Promise<Buffer> => {
  expect(response.status, await response.clone().text().catch(() => "")).toBe(200);
  return Buffer.from(await response.arrayBuffer());
};

const downloadFile = (actor: Actor, fileId: string) => as(actor, () => getFile(new Request(`${ORIGIN}/api/filer/${fileId}`), { params: Promise.resolve({ fileId }) }));
const statementExport = (actor: Actor, statementId: string) =>
  as(actor, () => getStatementExport(new Request(`${ORIGIN}/api/export/statement/${statementId}?format=pdf`), { params: Promise.resolve({ statementId }) }));
const extractExport = (actor: Actor, decisionId: string) =>
  as(actor, () => getExtractExport(new Request(`${ORIGIN}/api/export/extract/${decisionId}?format=pdf`), { params: Promise.resolve({ decisionId }) }));

const minutesExport = (actor: Actor, minutesId: string) =>
  as(actor, () => getMinutesExport(new Request(`${ORIGIN}/api/export/minutes/${minutesId}?format=pdf`), { params: Promise.resolve({ minutesId }) }));
const minutesRecord = (actor: Actor, minutesId: string) =>
  as(actor, () => getMinutesRecord(new Request(`${ORIGIN}/api/export/minutes/${minutesId}/arkiv`), { params: Promise.resolve({ minutesId }) }));

/** The handling's files with their records, and the audit event of each stored record. */
const filesOf = async (documentId: string) => {
  const files = await db.caseDocumentFile.findMany({ where: { documentId }, orderBy: { createdAt: "asc" }, include: { generatedRecord: true } });
  const events = await db.auditEvent.findMany({ where: { entityId: documentId, action: "document.record_stored" }, orderBy: { seq: "asc" } });
  return { files, events: events.map((event) => event.data as { kind: string; sha256: string; fileId: string; documentNumber: string }) };
};

/** The handling as the case page lists it. */
const listed = async (actor: Actor, caseId: string, documentId: string) => (await listCaseDocuments({ actor, caseId })).documents.find((document) => document.id === documentId)!;

const statementHandling = (caseId: string) => db.caseDocument.findFirstOrThrow({ where: { caseId, direction: "DRAWN_UP", description: { startsWith: "Tjänsteutlåtande" } } });

const justerad = async () => {
  const world = await minutesInApproval(db, { secretary, chair, checker });
  await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
  await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
  return world;
};

const dispatch = (decisionId: string, options: { recipients?: string[]; includeStatement?: boolean } = {}) =>
  dispatchDecision({ actor: secretary, input: parseInput(ZDispatchSchema, { decisionId, recipients: options.recipients ?? ["Kommunstyrelsen"], sentDate: daysAhead(-1), includeStatement: options.includeStatement ?? true }) });

/** Sends the case's statement to linda.palo and lee.orberson and has both attest it, as the app does. */
const attestCase = async (caseId: string) => {
  const [linda, lee] = [await actorFor(db, "linda.palo"), await actorFor(db, "lee.orberson")];
  await sendStatementForAttestation({ actor: officer, input: { caseId, order: "SEQUENTIAL", attesterIds: [linda.id, lee.id], versionNumber: 1 } });
  const request = await db.attestationRequest.findFirstOrThrow({ where: { caseId, status: "PENDING" }, include: { steps: { orderBy: { position: "asc" } } } });
  for (const [index, attester] of [linda, lee].entries()) await attestStep({ actor: attester, input: { stepId: request.steps[index]!.id, contentHash: request.contentHash } });
  return request;
};

describe("the attested tjänsteutlåtande as the file of its handling", () => {
  it("is requested with the attestation and stored as the export's exact bytes, its SHA-256 in the audit event", async () => {
    const theCase = await createCase(db);
    const handling = await statementHandling(theCase.id);
    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: theCase.id } });
    const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statement.id, status: "COMPLETED" } });
    // Written by the attestation's transaction: the record is bound to the attested hash and waits for the worker.
    const pending = await db.generatedRecord.findUniqueOrThrow({ where: { documentId_kind: { documentId: handling.id, kind: "STATEMENT" } } });
    expect(pending).toMatchObject({ subjectId: statement.id, contentHash: request.contentHash, fileId: null, failure: null });
    expect(await findRecordsToStore()).toContain(pending.id);
    // The case page says the file is on its way rather than "Inga filer".
    expect(await listed(officer, theCase.id, handling.id)).toMatchObject({ files: [], records: { pending: 1, failures: [] } });

    expect(await storeGeneratedRecord(pending.id)).toBe("stored");
    expect(await listed(officer, theCase.id, handling.id)).toMatchObject({ files: [expect.objectContaining({ fileName: expect.stringMatching(/\.pdf$/) })], records: { pending: 0, failures: [] } });
    const exported = await bytesOf(await statementExport(officer, statement.id));
    const { files, events } = await filesOf(handling.id);
    expect(files).toHaveLength(1);
    const [file] = files;
    expect(file!.mimeType).toBe("application/pdf");
    expect(file!.fileName).toMatch(/^Tjänsteutlåtande .*\.pdf$/);
    expect(file!.generatedRecord?.id).toBe(pending.id);
    const downloaded = await bytesOf(await downloadFile(officer, file!.id));
    expect(downloaded.equals(exported)).toBe(true);
    expect(downloaded.subarray(0, 5).toString()).toBe("%PDF-");
    // Content-addressed like uploads, and the hash in the audit event is the file's.
    expect(file!.blobSha256).toBe(sha256Hex(exported));
    expect(events).toEqual([expect.objectContaining({ kind: "STATEMENT", sha256: sha256Hex(exported), fileId: file!.id })]);
  });

  it("is stored once however often the worker is told to", async () => {
    const theCase = await createCase(db);
    const handling = await statementHandling(theCase.id);
    const record = await db.generatedRecord.findFirstOrThrow({ where: { documentId: handling.id } });
    const results = await Promise.all([storeGeneratedRecord(record.id), storeGeneratedRecord(record.id), storeGeneratedRecord(record.id)]);
    expect(results.filter((result) => result === "stored")).toHaveLength(1);
    expect(await storeGeneratedRecord(record.id)).toBe("done");
    const { files, events } = await filesOf(handling.id);
    expect(files).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it("is not stored when the attestation no longer holds by the time the worker comes, and says why", async () => {
    const theCase = await createCase(db);
    const handling = await statementHandling(theCase.id);
    await withdrawAttestation({ actor: officer, input: { caseId: theCase.id, reason: "Fel siffra i sammanfattningen" } });
    const record = await db.generatedRecord.findFirstOrThrow({ where: { documentId: handling.id } });
    expect(await storeGeneratedRecord(record.id)).toBe("failed");
    expect(await db.caseDocumentFile.count({ where: { documentId: handling.id } })).toBe(0);
    expect((await db.generatedRecord.findUniqueOrThrow({ where: { id: record.id } })).failure).toMatch(/inte längre attesterat/);
    expect(await db.auditEvent.count({ where: { entityId: handling.id, action: "document.record_failed" } })).toBe(1);
    expect(await findRecordsToStore()).not.toContain(record.id);
    expect((await listed(officer, theCase.id, handling.id)).records).toEqual({ pending: 0, failures: [expect.stringMatching(/inte längre attesterat/)] });
  });

  it("of a confidential case is the full document, marked with the case's secrecy, and hidden from who may not read it", async () => {
    const theCase = await createCase(db, { attested: false, title: "Placering av barn KANARIE-SEKRETESS" });
    await db.case.update({ where: { id: theCase.id }, data: { secrecyReference: "26 kap. 1 § OSL", secrecyReason: "Uppgifter om enskilds personliga förhållanden" } });
    await attestCase(theCase.id);
    const handling = await statementHandling(theCase.id);
    expect(handling.secrecyReference).toBe("26 kap. 1 § OSL");
    expect(await storePendingRecords()).toBeGreaterThanOrEqual(1);
    const [file] = (await filesOf(handling.id)).files;
    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: theCase.id } });
    // The handläggare reads everything: the record is what the export gives them.
    const downloaded = await bytesOf(await downloadFile(officer, file!.id));
    expect(downloaded.equals(await bytesOf(await statementExport(officer, statement.id)))).toBe(true);
    // The ordförande reads the case but not its confidential handlingar; the other committee's secretary not even the case.
    for (const outsider of [chair, otherSecretary]) {
      const response = await downloadFile(outsider, file!.id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("KANARIE");
    }
    const listed = await db.caseDocumentFile.findUniqueOrThrow({ where: { id: file!.id } });
    expect(listed.fileName).toContain("KANARIE-SEKRETESS");
  });

  it("that names a confidential bilaga is read under the bilaga's marking, though the case is open", async () => {
    const theCase = await createCase(db, { attested: false });
    const bilaga = await db.$transaction((tx) =>
      createCaseDocumentInTx(tx, { actorId: officer.id, caseId: theCase.id, direction: "INCOMING", documentDate: new Date("2026-01-12T00:00:00Z"), description: "Utredning KANARIE-BILAGA", secrecyReference: "26 kap. 1 § OSL", secrecyReason: "Enskilds förhållanden" }),
    );
    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: theCase.id }, include: { versions: true } });
    const content = { ...(statement.versions[0]!.content as object), attachments: [{ documentId: bilaga.id, number: bilaga.documentNumber, description: "Utredning KANARIE-BILAGA" }] };
    await db.statementVersion.update({ where: { id: statement.versions[0]!.id }, data: { content, contentHash: contentHashOf(content, 1) } });
    await attestCase(theCase.id);
    const handling = await statementHandling(theCase.id);
    expect(handling).toMatchObject({ secrecyReference: "26 kap. 1 § OSL", secrecyReason: "Enskilds förhållanden" });
    await storePendingRecords();
    const [file] = (await filesOf(handling.id)).files;
    expect((await bytesOf(await downloadFile(officer, file!.id))).equals(await bytesOf(await statementExport(officer, statement.id)))).toBe(true);
    // The ordförande reads the open case and its export (the bilaga masked), but not the record that names the bilaga.
    expect((await statementExport(chair, statement.id)).status).toBe(200);
    expect((await downloadFile(chair, file!.id)).status).toBe(404);
  });
});

describe("the justerat protokollsutdrag as the file of a handling in the case", () => {
  it("is registered with the justering, bound to its hash, and stored as the extract export's exact bytes", async () => {
    const world = await minutesInApproval(db, { secretary, chair, checker });
    const extractHandlings = () => db.caseDocument.findMany({ where: { caseId: world.caseId, direction: "DRAWN_UP", description: { startsWith: "Protokollsutdrag" } } });
    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    // Not before the justering is complete.
    expect(await extractHandlings()).toEqual([]);
    await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    const [handling, ...others] = await extractHandlings();
    expect(others).toEqual([]);
    expect(handling!.description).toMatch(/^Protokollsutdrag HÄS § \d+\/\d{4}, sammanträde \d{4}-\d{2}-\d{2} – Testärende/);
    const record = await db.generatedRecord.findUniqueOrThrow({ where: { documentId_kind: { documentId: handling!.id, kind: "EXTRACT" } } });
    expect(record).toMatchObject({ subjectId: world.decisionId, contentHash: world.contentHash, fileId: null });

    await storePendingRecords();
    const exported = await bytesOf(await extractExport(secretary, world.decisionId));
    const { files, events } = await filesOf(handling!.id);
    expect(files).toHaveLength(1);
    expect((await bytesOf(await downloadFile(officer, files[0]!.id))).equals(exported)).toBe(true);
    expect(events).toEqual([expect.objectContaining({ kind: "EXTRACT", sha256: sha256Hex(exported) })]);
    expect((await downloadFile(otherSecretary, files[0]!.id)).status).toBe(404);
  });
});

describe("the justerat protokoll as the meeting's own file", () => {
  it("is requested with the justering, bound to its hash, and stored by the worker as the export's exact bytes", async () => {
    const world = await minutesInApproval(db, { secretary, chair, checker });
    const minutesRecords = () => db.generatedRecord.findMany({ where: { kind: "MINUTES", subjectId: world.minutesId } });
    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    // Not before the justering is complete, and nothing to download.
    expect(await minutesRecords()).toEqual([]);
    expect((await minutesRecord(secretary, world.minutesId)).status).toBe(404);
    await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    const [record, ...others] = await minutesRecords();
    expect(others).toEqual([]);
    expect(record).toMatchObject({ meetingId: world.meetingId, documentId: null, contentHash: world.contentHash, blobSha256: null, fileId: null });
    expect(await findRecordsToStore()).toContain(record!.id);
    const recordStored = async () => (await getMinutesView({ actor: secretary, meetingId: world.meetingId })).minutes?.recordStored;
    expect(await recordStored()).toBe(false);

    await storePendingRecords();
    expect(await recordStored()).toBe(true);
    const exported = await bytesOf(await minutesExport(secretary, world.minutesId));
    const stored = await db.generatedRecord.findUniqueOrThrow({ where: { id: record!.id } });
    expect(stored.blobSha256).toBe(sha256Hex(exported));
    expect(stored.fileName).toMatch(/^Protokoll .*\.pdf$/);
    expect(await findRecordsToStore()).not.toContain(record!.id);
    // The meeting's download gives the kept bytes; the audit event of the minutes carries their hash.
    expect((await bytesOf(await minutesRecord(secretary, world.minutesId))).equals(exported)).toBe(true);
    const events = await db.auditEvent.findMany({ where: { entityType: "Minutes", entityId: world.minutesId, action: "document.record_stored" } });
    expect(events.map((event) => [event.caseId, (event.data as { kind: string; sha256: string }).kind, (event.data as { sha256: string }).sha256])).toEqual([[null, "MINUTES", sha256Hex(exported)]]);
    // Stored once: a second run leaves it alone.
    expect(await storeGeneratedRecord(record!.id)).toBe("done");
    // Another committee's secretary cannot fetch it.
    expect((await minutesRecord(otherSecretary, world.minutesId)).status).toBe(404);
  });
});

describe("the expedierat protokollsutdrag as the file of its outgoing handling", () => {
  it("keeps the extract and the attested tjänsteutlåtande that were sent, each the export's exact bytes", async () => {
    const world = await justerad();
    const result = await dispatch(world.decisionId, { recipients: ["Kommunstyrelsen", "Stadsledningskontoret"] });
    expect(result.recordIds).toHaveLength(4);
    const minutes = await db.minutes.findUniqueOrThrow({ where: { id: world.minutesId } });
    const records = await db.generatedRecord.findMany({ where: { id: { in: result.recordIds } } });
    expect(records.filter((record) => record.kind === "EXTRACT").every((record) => record.subjectId === world.decisionId && record.contentHash === minutes.contentHash)).toBe(true);
    await storePendingRecords();

    // Sent with the tjänsteutlåtande: the extract's file carries the statement's pages after its own.
    const extract = Buffer.from((await exportExtract({ actor: secretary, id: world.decisionId, format: "pdf", withStatement: true })).bytes);
    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: world.caseId } });
    const attested = await bytesOf(await statementExport(secretary, statement.id));
    const outgoing = await db.caseDocument.findMany({ where: { caseId: world.caseId, direction: "OUTGOING" }, orderBy: { number: "asc" } });
    expect(outgoing.map((document) => document.counterpart)).toEqual(["Kommunstyrelsen", "Stadsledningskontoret"]);
    for (const document of outgoing) {
      const { files, events } = await filesOf(document.id);
      expect(files.map((file) => file.generatedRecord?.kind)).toEqual(["EXTRACT", "STATEMENT"]);
      const [extractFile, statementFile] = files;
      expect(extractFile!.fileName).toMatch(/^Protokollsutdrag .*§ \d+.*\.pdf$/);
      expect((await bytesOf(await downloadFile(secretary, extractFile!.id))).equals(extract)).toBe(true);
      expect((await bytesOf(await downloadFile(secretary, statementFile!.id))).equals(attested)).toBe(true);
      expect(events.map((event) => [event.kind, event.sha256])).toEqual([
        ["EXTRACT", sha256Hex(extract)],
        ["STATEMENT", sha256Hex(attested)],
      ]);
    }
    // The tjänsteutlåtande sent is the attested one kept in the diarium: one blob for both.
    const [kept] = (await filesOf((await statementHandling(world.caseId)).id)).files;
    expect(kept!.blobSha256).toBe(sha256Hex(attested));
    expect(await db.blob.count({ where: { sha256: sha256Hex(attested) } })).toBe(1);
    // The other committee's secretary cannot fetch what was sent.
    expect((await downloadFile(otherSecretary, (await filesOf(outgoing[0]!.id)).files[0]!.id)).status).toBe(404);
  });

  it("keeps only the extract when the tjänsteutlåtande is not sent along", async () => {
    const world = await justerad();
    await dispatch(world.decisionId, { includeStatement: false });
    await storePendingRecords();
    const outgoing = await db.caseDocument.findFirstOrThrow({ where: { caseId: world.caseId, direction: "OUTGOING" } });
    const { files } = await filesOf(outgoing.id);
    expect(files.map((file) => file.generatedRecord?.kind)).toEqual(["EXTRACT"]);
  });

  it("keeps the extract of an immediately justerad § sent before the minutes are justerade, bound to no justering", async () => {
    const world = await calledMeetingWithCase(db, secretary);
    const { id: decisionId } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED", immediateApproval: true }) });
    const { recordIds } = await dispatch(decisionId);
    const records = await db.generatedRecord.findMany({ where: { id: { in: recordIds } } });
    expect(records.map((record) => [record.kind, record.contentHash])).toEqual(expect.arrayContaining([["EXTRACT", null]]));
    await storePendingRecords();
    const outgoing = await db.caseDocument.findFirstOrThrow({ where: { caseId: world.caseId, direction: "OUTGOING" } });
    const [extractFile] = (await filesOf(outgoing.id)).files;
    expect(extractFile!.generatedRecord?.kind).toBe("EXTRACT");
    // Sent with its tjänsteutlåtande (the dispatch's default): the statement's pages follow the extract's.
    const sent = Buffer.from((await exportExtract({ actor: secretary, id: decisionId, format: "pdf", withStatement: true })).bytes);
    expect((await bytesOf(await downloadFile(secretary, extractFile!.id))).equals(sent)).toBe(true);
  });

  it("requests nothing when the dispatch is refused", async () => {
    const world = await minutesInApproval(db, { secretary, chair, checker });
    const before = await db.generatedRecord.count();
    await expectAppError(() => dispatch(world.decisionId), "INVALID_STATE", /inte justerad/);
    expect(await db.generatedRecord.count()).toBe(before);
  });
});

describe("the worker", () => {
  it("stores what an attestation requested: by its sweep when no job was enqueued, and from the job enqueued after commit", async () => {
    // Without a producer nothing is enqueued (as when the app died right after the commit): only the worker's sweep at start finds it.
    const swept = await createCase(db);
    const worker = spawn("npx", ["tsx", "--conditions=react-server", "scripts/worker.ts"], {
      // No sweep after the one at start: what comes later arrives only through its job.
      env: { ...process.env, DATABASE_URL: url, YTTRA_WORKER_SWEEP_SECONDS: "3600" },
      stdio: "ignore",
      detached: true,
    });
    try {
      const sweptHandling = await statementHandling(swept.id);
      await waitFor(async () => (await db.caseDocumentFile.count({ where: { documentId: sweptHandling.id } })) === 1);
      configureJobProducer(url);
      const queued = await createCase(db);
      const queuedHandling = await statementHandling(queued.id);
      await waitFor(async () => (await db.caseDocumentFile.count({ where: { documentId: queuedHandling.id } })) === 1);
      for (const [theCase, handling] of [
        [swept, sweptHandling],
        [queued, queuedHandling],
      ] as const) {
        const statement = await db.statement.findUniqueOrThrow({ where: { caseId: theCase.id } });
        const [file] = (await filesOf(handling.id)).files;
        expect((await bytesOf(await downloadFile(officer, file!.id))).equals(await bytesOf(await statementExport(officer, statement.id)))).toBe(true);
      }
    } finally {
      process.kill(-worker.pid!, "SIGKILL");
      configureJobProducer(null);
    }
  });
});
