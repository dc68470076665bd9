// Shared setup of the attestation and mail integration tests: the demo organisation, a
// case with a statement at version 1, actors with a fresh or stale login, and an edit
// helper that behaves like the statements feature's save (conditional on DRAFT + version).
import { contentHashOf } from "@/features/attestation/content";
import type { TStatementContent, TTemplateDefinition } from "@/features/statements/schemas";
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { AppError } from "@/server/errors";
import { seedDemoData } from "../../scripts/seed/demo";

export const seedOrganisation = async (): Promise<void> => {
  await seedDemoData({ nodeEnv: "test", force: false });
};

/** An actor as the session would load it; `fresh` = logged in just now (no re-authentication). */
export const actorFor = async (db: Db, username: string, { fresh = true }: { fresh?: boolean } = {}): Promise<Actor> => {
  // Imported lazily: actor.ts pulls in next/navigation, which the crash test's plain-Node child cannot load.
  const { loadActor } = await import("@/server/auth/actor");
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: fresh ? Math.floor(Date.now() / 1000) : 1 });
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
};

/** A template whose required sections the fixture's content fills (sending refuses empty required sections). */
export const TEST_TEMPLATE_DEFINITION = {
  subtitle: "Yttrande till {referringBody}",
  sections: [
    { key: "forslag-till-beslut", heading: "Förvaltningens förslag till beslut", kind: "DECISION_POINTS", required: true, prefill: "NONE" },
    { key: "sammanfattning", heading: "Sammanfattning", kind: "RICH_TEXT", required: true, prefill: "NONE" },
    { key: "synpunkter", heading: "Förvaltningens synpunkter och förslag", kind: "RICH_TEXT", required: false, prefill: "NONE" },
  ],
  // No signers: the fixture's content then already names what sending would resolve
  // (features/statements/server/statement-organisation.ts), so sending binds version 1.
  signatories: [],
} satisfies TTemplateDefinition;

/** Statement content in the statements feature's stored format (ZStatementContentSchema). */
export const statementContent = (title: string, text: string) =>
  ({
    format: 1,
    header: {
      caseNumber: "HÄS 2024/1",
      caseOfficerName: "Clas Cederlid",
      caseOfficerPhone: "08-50823326",
      committeeName: "Hägersten-Älvsjö stadsdelsnämnd",
      // The letterhead of the demo organisation's has-sos, as written when sent.
      administrationName: "Hägersten-Älvsjö stadsdelsförvaltning",
      departmentName: "Avdelningen för samhälle och service",
      meetingDate: null,
      title,
      subtitle: "Yttrande till kommunstyrelsen",
    },
    decisionPoints: [{ text: "Nämnden godkänner förvaltningens tjänsteutlåtande." }],
    sections: [
      { key: "sammanfattning", body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] } },
      { key: "synpunkter", body: { type: "doc", content: [] } },
    ],
    attachments: [],
    signatories: [],
  }) satisfies TStatementContent;

let sequence = 0;

/** A case in has-sos (handläggare clas.cederlid) with a statement at version 1 written by `author`. */
export const createCaseWithStatement = async (
  db: Db,
  { author = "clas.cederlid", departmentId = "has-sos", secrecyReference = null }: { author?: string; departmentId?: string; secrecyReference?: string | null } = {},
) => {
  const clas = await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" } });
  const writer = await db.user.findUniqueOrThrow({ where: { username: author } });
  const series = await db.registrySeries.upsert({
    where: { committeeId: "has" },
    create: { id: "has-series", committeeId: "has", name: "HÄS", format: "{prefix} {year}/{seq}", prefix: "HÄS" },
    update: {},
  });
  const template = await db.statementTemplate.upsert({
    where: { municipalityId_key_version: { municipalityId: "stockholm", key: "test", version: 1 } },
    create: { municipalityId: "stockholm", key: "test", name: "Test", version: 1, definition: TEST_TEMPLATE_DEFINITION },
    update: { definition: TEST_TEMPLATE_DEFINITION },
  });
  sequence += 1;
  const n = sequence + Math.floor(Math.random() * 1_000_000) * 1000;
  const title = `Stoppa de öppna drogscenerna ${n}`;
  const created = await db.case.create({
    data: {
      caseNumber: `HÄS 2024/${n}`,
      seriesId: series.id,
      year: 2024,
      sequence: n,
      title,
      kind: "MOTION_REFERRAL",
      committeeId: "has",
      departmentId,
      caseOfficerId: clas.id,
      receivedDate: new Date("2024-03-01T00:00:00Z"),
      secrecyReference,
      createdById: clas.id,
    },
  });
  const content = statementContent(title, "Förvaltningen välkomnar motionärens fokus.");
  const statement = await db.statement.create({
    data: {
      caseId: created.id,
      templateId: template.id,
      createdById: clas.id,
      currentVersion: 1,
      versions: { create: { number: 1, content, contentHash: contentHashOf(content, 1), authorId: writer.id } },
    },
  });
  return { caseId: created.id, caseNumber: created.caseNumber, statementId: statement.id, title };
};

/** Saves a new version the way the statements feature does: only while DRAFT, conditional on the version. */
export const editStatement = async (db: Db, { statementId, authorId, text }: { statementId: string; authorId: string; text: string }): Promise<number> =>
  db.$transaction(async (tx) => {
    const statement = await tx.statement.findUniqueOrThrow({ where: { id: statementId } });
    if (statement.status !== "DRAFT") throw new AppError("INVALID_STATE", "Statement is not editable");
    const next = statement.currentVersion + 1;
    const bumped = await tx.statement.updateMany({ where: { id: statementId, status: "DRAFT", currentVersion: statement.currentVersion }, data: { currentVersion: next } });
    if (bumped.count !== 1) throw new AppError("CONFLICT", "Statement changed");
    const content = statementContent("Ändrad", text);
    await tx.statementVersion.create({ data: { statementId, number: next, content, contentHash: contentHashOf(content, 1), authorId } });
    return next;
  });

export const expectAppError = async (call: Promise<unknown> | (() => Promise<unknown>), code: AppError["code"]): Promise<AppError> => {
  // A call is run here, so that an input its schema refuses (thrown before the service runs) is caught too.
  const error = await (typeof call === "function" ? Promise.resolve().then(call) : call).then(
    () => null,
    (reason: unknown) => reason,
  );
  // No vitest import here: the crash test's child process uses these fixtures in plain Node.
  if (!(error instanceof AppError)) throw new Error(`Expected AppError ${code}, got ${String(error)}`);
  if (error.code !== code) throw new Error(`Expected AppError ${code}, got ${error.code}: ${error.message}`);
  return error;
};

/** The hash an attester sees on screen. */
export const sentHash = async (db: Db, statementId: string): Promise<string> => {
  const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statementId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return request.contentHash;
};

export const stepOf = async (db: Db, statementId: string, username: string): Promise<string> => {
  const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: statementId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { steps: { include: { assignee: true } } } });
  const step = request.steps.find((item) => item.assignee.username === username);
  if (!step) throw new Error(`No step for ${username}`);
  return step.id;
};
