// Secrecy-marked text never leaves its audience, whatever the channel. Canaries — unique
// strings in a confidential case's title, a confidential statement's section, a secret
// handling's description and a secret file — are put in through the real services; then
// every channel outside their audience is read through the real services and routes: the
// kallelse (e-mail and notifications), the statement's editor, preview and history for a
// reader of the case who may not read the secret handling, the PDF and DOCX (internal for
// that reader, public for anyone), the public diarium and /verifiera. None may contain a
// canary; the audience itself still gets the full text (the masking is not blanket).
import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { addCaseToAgenda } from "@/features/meetings/server/agenda-service";
import { callMeeting } from "@/features/meetings/server/meeting-service";
import { getMeetingDetail } from "@/features/meetings/server/meeting-page-queries";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { listCaseDocuments } from "@/features/documents/server/document-queries";
import { restoreStatementVersion } from "@/features/statements/server/restore-statement-version";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import { getStatementPage, getStatementPreview, getStatementVersionDiff } from "@/features/statements/server/statement-queries";
import { doc, paragraph } from "@/features/statements/rich-text";
import { verifyAttestationCode } from "@/features/attestation/server/verify-attestation";
import { listPublicDiarium } from "@/features/diarium/server/public-diarium";
import { putBlob } from "@/server/blob-store";
import { createTestDatabase } from "../support/database";
import { docxPart, docxParagraphs, pdfInfo, pdfText } from "../fixtures/exports/inspect";
import { downloader, flatText } from "../fixtures/exports/meeting-downloads";
import { actorFor, createCase, createFutureMeeting, PROPOSAL, setupMeetingsWorld } from "./meetings-fixtures";
import { ZRestoreVersionSchema, ZSaveSectionSchema } from "@/features/statements/schemas";
import { ZAddCaseToAgendaSchema, ZMeetingVersionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth", () => ({ getActor: async () => session.actor }));

const { GET: getStatementExport } = await import("@/app/api/export/statement/[statementId]/route");

const { db } = await createTestDatabase();

const SECRECY = "26 kap. 1 § OSL";
const canary = (slot: string): string => `KANARIE${slot}${randomBytes(6).toString("hex").toUpperCase()}`;
const CANARY = { caseTitle: canary("TITEL"), section: canary("AVSNITT"), documentDescription: canary("HANDLING"), file: canary("FIL") } as const;
const CANARIES = Object.values(CANARY);
const SECRET_TITLE = `Placering av barn i familjehem ${CANARY.caseTitle}`;
const PUBLIC_TITLE = "Öppet ärende om parklekar i Västberga";
const AGENDA_TITLE = "Öppet ärende om belysning i Aspudden";

/** The canaries found in a text (an empty list is what every channel outside the audience must give). */
const canariesIn = (text: string): string[] => CANARIES.filter((value) => text.includes(value));

let secretary: Actor;
let officer: Actor;
let registrar: Actor;
/** Reads every case of the committee that is not confidential, but no confidential content. */
let checker: Actor;
/** A handläggare of another department of the förvaltning: reads the meetings, not the cases. */
let outsider: Actor;
let world: {
  meetingId: string;
  secretCase: { id: string; caseNumber: string; statementId: string; verificationCode: string };
  openCase: { id: string; caseNumber: string; statementId: string };
  agendaCase: { id: string; caseNumber: string };
};

beforeAll(async () => {
  await setupMeetingsWorld(db);
  secretary = await actorFor(db, "sekreterare");
  officer = await actorFor(db, "clas.cederlid");
  registrar = await actorFor(db, "registrator");
  checker = await actorFor(db, "justerare");
  await db.user.create({ data: { username: "ifo.handlaggare", name: "Ida Ifo", memberships: { create: { role: "CASE_OFFICER", departmentId: "has-ifo" } } } });
  outsider = await actorFor(db, "ifo.handlaggare");

  // A confidential case, its statement attested, with a canary in its title and in a section.
  const secret = await createCase(db, { title: SECRET_TITLE, attested: false });
  const secretStatement = await db.statement.findUniqueOrThrow({ where: { caseId: secret.id } });
  await saveStatementSection({ actor: officer, input: parseInput(ZSaveSectionSchema, { statementId: secretStatement.id, baseVersion: 1, kind: "richText", sectionKey: "synpunkter", value: doc(paragraph(`Förvaltningen bedömer ${CANARY.section}.`)) }) });
  await db.case.update({ where: { id: secret.id }, data: { secrecyReference: SECRECY } });
  const { attestStep, sendStatementForAttestation } = await import("@/features/attestation/server/attestation-service");
  const { defaultAttesters, eligibleAttesters } = await import("@/features/attestation/server/attesters");
  const { CASE_SCOPE_SELECT, toCaseScope } = await import("@/server/authz");
  const scope = toCaseScope(await db.case.findUniqueOrThrow({ where: { id: secret.id }, select: CASE_SCOPE_SELECT }));
  const attesterIds = defaultAttesters(await eligibleAttesters(db, scope)).map((attester) => attester.userId);
  await sendStatementForAttestation({ actor: officer, input: { caseId: secret.id, order: "SEQUENTIAL", attesterIds, versionNumber: 2 } });
  const request = await db.attestationRequest.findFirstOrThrow({ where: { caseId: secret.id }, include: { steps: { orderBy: { position: "asc" }, include: { assignee: true } } } });
  for (const step of request.steps) await attestStep({ actor: await actorFor(db, step.assignee.username), input: { stepId: step.id, contentHash: request.contentHash } });

  // A case that is not confidential, with one secret handling (and its file) among the
  // handlingar its statement lists as bilagor: a public handling first, then the secret one.
  const open = await createCase(db, { title: PUBLIC_TITLE, attested: false });
  const documentIds = await db.$transaction(async (tx) => {
    const blob = await putBlob(tx, new TextEncoder().encode(`Utredning ${CANARY.file}`), "text/plain");
    const common = { actorId: registrar.id, caseId: open.id, direction: "INCOMING" as const, documentDate: new Date("2026-01-12T00:00:00Z"), counterpart: "Kommunstyrelsen" };
    const publicDocument = await createCaseDocumentInTx(tx, { ...common, description: "Remissunderlag om parklekar" });
    const secretDocument = await createCaseDocumentInTx(tx, {
      ...common,
      description: `Socialtjänstens utredning ${CANARY.documentDescription}`,
      secrecyReference: SECRECY,
      files: [{ blobSha256: blob.sha256, fileName: `utredning-${CANARY.file}.txt`, mimeType: "text/plain", size: blob.size }],
    });
    return [publicDocument.id, secretDocument.id];
  });
  // The bilagor are chosen in the editor (version 2), copied from the handlingar as createStatement copies them.
  const { id: openStatementId } = await db.statement.findUniqueOrThrow({ where: { caseId: open.id } });
  await saveStatementSection({ actor: officer, input: parseInput(ZSaveSectionSchema, { statementId: openStatementId, baseVersion: 1, kind: "attachments", value: documentIds }) });

  // The confidential case and an open one on the agenda of a meeting; the kallelse goes out.
  const agendaCase = await createCase(db, { title: AGENDA_TITLE });
  const meetingId = await createFutureMeeting(db, secretary);
  await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: secret.id }) });
  await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: agendaCase.id }) });
  await callMeeting({ actor: secretary, input: parseInput(ZMeetingVersionSchema, { meetingId, version: (await db.meeting.findUniqueOrThrow({ where: { id: meetingId } })).version }) });

  world = {
    meetingId,
    secretCase: { id: secret.id, caseNumber: secret.caseNumber, statementId: secretStatement.id, verificationCode: request.verificationCode },
    openCase: { id: open.id, caseNumber: open.caseNumber, statementId: openStatementId },
    agendaCase,
  };
});

afterEach(() => {
  session.actor = null;
});

const exportStatement = async (actor: Actor, statementId: string, query: string) => {
  session.actor = actor;
  const response = await getStatementExport(new Request(`http://localhost/api/export/statement/${statementId}?${query}`), { params: Promise.resolve({ statementId }) });
  expect(response.status).toBe(200);
  const disposition = decodeURIComponent(response.headers.get("content-disposition") ?? "");
  return { bytes: Buffer.from(await response.arrayBuffer()), disposition };
};

const pdfOf = async (actor: Actor, statementId: string, variant: "internal" | "public") => {
  const { bytes, disposition } = await exportStatement(actor, statementId, `format=pdf&variant=${variant}`);
  return { text: flatText(pdfText(bytes, { layout: false })), info: pdfInfo(bytes), disposition };
};

describe("the kallelse (e-mail and notifications)", () => {
  it("lists a confidential case by its dnr as 'Sekretessmarkerat ärende', in every mail and notification", async () => {
    const mails = await db.mailMessage.findMany({ where: { subject: { startsWith: "Kallelse:" } } });
    const notifications = await db.notification.findMany({ where: { kind: "meeting.called" } });
    // Members without an account get the mail too (Leila Haddad).
    expect(mails.map((mail) => mail.toAddress)).toContain("leila@example.org");
    expect(notifications.length).toBeGreaterThan(0);
    for (const text of [...mails.map((mail) => `${mail.subject}\n${mail.text}`), ...notifications.map((notification) => `${notification.title}\n${notification.body}`)]) {
      expect(canariesIn(text)).toEqual([]);
      expect(text).toContain(`Sekretessmarkerat ärende (${world.secretCase.caseNumber})`);
      // Not blanket: the open case keeps its title.
      expect(text).toContain(`${AGENDA_TITLE} (${world.agendaCase.caseNumber})`);
    }
  });

  it("masks exactly as the meeting page does for a reader without access, while the secretary's page shows the title", async () => {
    const forOutsider = JSON.stringify(await getMeetingDetail({ actor: outsider, meetingId: world.meetingId }));
    expect(forOutsider).toContain("Sekretessmarkerat ärende");
    expect(canariesIn(forOutsider)).toEqual([]);
    expect(JSON.stringify(await getMeetingDetail({ actor: secretary, meetingId: world.meetingId }))).toContain(SECRET_TITLE);
  });
});

describe("the attestation notices", () => {
  it("name a confidential statement 'Sekretessmarkerat ärende', as the kallelse does", async () => {
    const notices = await db.notification.findMany({ where: { kind: { startsWith: "attestation." }, body: { contains: world.secretCase.caseNumber } } });
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) expect(notice.body).toMatch(new RegExp(`[Tt]jänsteutlåtandet "Sekretessmarkerat ärende" i ärende ${world.secretCase.caseNumber}`));
  });
});

describe("a bilaga taken from a secret handling in a case that is not confidential", () => {
  const NOTICE = `Sekretess enligt ${SECRECY}`;

  it("shows its description to the handläggare, who may read it", async () => {
    const page = await getStatementPage({ actor: officer, caseId: world.openCase.id });
    expect(page.statement!.content.attachments.map((attachment) => attachment.description)).toEqual(["Remissunderlag om parklekar", `Socialtjänstens utredning ${CANARY.documentDescription}`]);
    expect((await pdfOf(officer, world.openCase.statementId, "internal")).text).toContain(CANARY.documentDescription);
  });

  it("masks it in the editor and the preview for a reader of the case without access to the handling", async () => {
    // The reader does see the case and the handling's number, only not its content (as the case page shows it).
    const documents = await listCaseDocuments({ actor: checker, caseId: world.openCase.id });
    expect(documents.documents.map((document) => document.contentVisible)).toEqual([true, false]);

    const page = await getStatementPage({ actor: checker, caseId: world.openCase.id });
    const attachments = page.statement!.content.attachments;
    expect(attachments[0]!.description).toBe("Remissunderlag om parklekar");
    expect(attachments[1]!.description).toBe(`${attachments[1]!.number} – ${NOTICE}`);
    expect(canariesIn(JSON.stringify(page))).toEqual([]);
    expect(canariesIn(JSON.stringify(await getStatementPreview({ actor: checker, caseId: world.openCase.id })))).toEqual([]);
  });

  it("masks it in the history's comparison of versions", async () => {
    const saved = await saveStatementSection({ actor: officer, input: parseInput(ZSaveSectionSchema, { statementId: world.openCase.statementId, baseVersion: 2, kind: "attachments", value: [] }) });
    if (saved.status !== "SAVED") throw new Error("Save conflicted");
    const { version } = saved;
    const diff = await getStatementVersionDiff({ actor: checker, caseId: world.openCase.id, from: 2, to: version });
    const text = diff.map((part) => part.value).join("");
    expect(text).toContain(NOTICE);
    expect(canariesIn(text)).toEqual([]);
    expect(diff.map((part) => part.value).join("")).not.toBe("");
    // The handläggare's comparison has the description.
    const own = await getStatementVersionDiff({ actor: officer, caseId: world.openCase.id, from: 2, to: version });
    expect(own.map((part) => part.value).join("")).toContain(CANARY.documentDescription);
  });

  it("masks it in the PDF for that reader and in the public copy for anyone", async () => {
    // Version 2 lists the bilagor: restore it as the current one for the export.
    const current = await db.statement.findUniqueOrThrow({ where: { id: world.openCase.statementId } });
    await restoreStatementVersion({ actor: officer, input: parseInput(ZRestoreVersionSchema, { statementId: current.id, number: 2, baseVersion: current.currentVersion }) });

    const forChecker = await pdfOf(checker, world.openCase.statementId, "internal");
    expect(forChecker.text).toContain("Remissunderlag om parklekar");
    expect(forChecker.text).toContain(NOTICE);
    expect(canariesIn(forChecker.text)).toEqual([]);
    const publicCopy = await pdfOf(officer, world.openCase.statementId, "public");
    expect(publicCopy.text).toContain(NOTICE);
    expect(canariesIn(publicCopy.text)).toEqual([]);
    // The case itself is not confidential: its public copy keeps its title.
    expect(publicCopy.text).toContain(PUBLIC_TITLE);
  });
});

describe("the public copy of a confidential statement", () => {
  it("carries no title, beslutspunkter or text, in the PDF's text, its title or its file name", async () => {
    const internal = await pdfOf(registrar, world.secretCase.statementId, "internal");
    expect(internal.text).toContain(CANARY.caseTitle);
    expect(internal.text).toContain(CANARY.section);

    const copy = await pdfOf(registrar, world.secretCase.statementId, "public");
    expect(canariesIn(`${copy.text}\n${copy.info}\n${copy.disposition}`)).toEqual([]);
    expect(copy.text).not.toContain(flatText(PROPOSAL).slice(0, 60));
    expect(copy.text).not.toContain("förvaltningens text");
    expect(copy.text).toContain(`Sekretess enligt ${SECRECY}`);
    // What the public diarium shows: the dnr and the marking, the title as "Sekretessmarkerat ärende".
    expect(copy.text).toContain(world.secretCase.caseNumber);
    expect(copy.info).toMatch(/^Title:\s+Sekretessmarkerat ärende$/m);
    expect(copy.disposition).toContain(`Tjänsteutlåtande ${world.secretCase.caseNumber.replace("/", "-")} Sekretessmarkerat ärende (offentlig version).pdf`);
  });

  it("is the same in DOCX", async () => {
    const { bytes, disposition } = await exportStatement(registrar, world.secretCase.statementId, "format=docx&variant=public");
    const text = [...docxParagraphs(docxPart(bytes, "word/document.xml")), docxPart(bytes, "docProps/core.xml"), disposition].join("\n");
    expect(canariesIn(text)).toEqual([]);
    expect(text).not.toContain(PROPOSAL);
  });
});

describe("the canaries outside their audience", () => {
  it("are in no e-mail at all (mail leaves the app's access control)", async () => {
    const mails = await db.mailMessage.findMany();
    expect(mails.length).toBeGreaterThan(0);
    expect(canariesIn(JSON.stringify(mails))).toEqual([]);
  });

  it("are in no notification of a user without access", async () => {
    const users = await db.user.findMany({ where: { username: { in: ["justerare", "ordforande", "ifo.handlaggare", "sos.handlaggare", "admin"] } }, select: { id: true } });
    const notifications = await db.notification.findMany({ where: { userId: { in: users.map((user) => user.id) } } });
    expect(canariesIn(JSON.stringify(notifications))).toEqual([]);
  });

  it("are not shown or findable in the public diarium", async () => {
    const all = await listPublicDiarium({ municipalityId: "stockholm", params: {}, pageSize: 500 });
    expect(all.rows.some((row) => row.caseNumber === world.secretCase.caseNumber)).toBe(true);
    expect(canariesIn(JSON.stringify(all))).toEqual([]);
    for (const value of CANARIES) expect((await listPublicDiarium({ municipalityId: "stockholm", params: { q: value } })).rows).toEqual([]);
  });

  it("are not on /verifiera", async () => {
    const result = await verifyAttestationCode(world.secretCase.verificationCode);
    expect(result?.status).toBe("VALID");
    expect(canariesIn(JSON.stringify(result))).toEqual([]);
  });

  it("are not in the agenda a reader of the meetings without access to the case downloads", async () => {
    const download = downloader(session);
    const { response, bytes } = await download("agenda", world.meetingId, outsider);
    expect(response.status).toBe(200);
    const text = flatText(pdfText(bytes, { layout: false }));
    expect(text).toContain("Sekretessmarkerat ärende");
    expect(canariesIn(text)).toEqual([]);
  });
});
