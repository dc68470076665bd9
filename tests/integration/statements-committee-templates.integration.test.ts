// Templates per committee, the proposer they name, and signers resolved at sending:
// - a committee's own template (an admin's copy) is the default for the committee's cases,
//   the municipality's templates stay to choose from, other committees do not get it;
// - its proposer ("presidiet") names the headings of the statement, its preview and PDF,
//   the agenda item's proposal, the decision label and the minutes;
// - the signers are the organisation's on the day the statement is sent, and what is
//   attested (its hash) is exactly what is exported.
import { beforeAll, describe, expect, it } from "vitest";
import { attestStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { exportAgenda } from "@/features/exports/server/meeting-export";
import { exportStatement, loadStatementDocument } from "@/features/exports/server/statement-export";
import { decisionKindLabel } from "@/features/meetings/labels";
import { addCaseToAgenda } from "@/features/meetings/server/agenda-service";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { buildMinutesContent } from "@/features/meetings/server/minutes-content";
import { saveMinutes } from "@/features/meetings/server/minutes-service";
import { ZAddCaseToAgendaSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { doc, paragraph } from "@/features/statements/rich-text";
import { ZTemplateCreateSchema } from "@/features/statements/schemas";
import { createStatement } from "@/features/statements/server/create-statement";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import { getStatementPage } from "@/features/statements/server/statement-queries";
import { createStatementTemplate, ensureDefaultTemplate, templatesForCommittee } from "@/features/statements/server/templates";
import { flatText } from "../fixtures/exports/meeting-downloads";
import { pdfText } from "../fixtures/exports/inspect";
import { createTestDatabase } from "../support/database";
import { actorFor, expectAppError, planMeeting, sendKallelse, setupMeetingsWorld } from "./meetings-fixtures";
import type { Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

let admin: Actor;
let clas: Actor;
let secretary: Actor;
let sequence = 0;

/** A registered case without a statement, handled by clas.cederlid (or `officer`) in `departmentId`. */
const newCase = async ({ committeeId = "has", departmentId = "has-sos", officer = "clas.cederlid" } = {}) => {
  const series = await db.registrySeries.findUniqueOrThrow({ where: { committeeId } });
  const officerUser = await db.user.findUniqueOrThrow({ where: { username: officer } });
  sequence += 1;
  return db.case.create({
    data: {
      caseNumber: `${series.prefix} 2098/${sequence}`,
      seriesId: series.id,
      year: 2098,
      sequence,
      title: `Mallärende ${sequence}`,
      kind: "OTHER",
      committeeId,
      departmentId,
      caseOfficerId: officerUser.id,
      receivedDate: new Date("2026-01-10T00:00:00Z"),
      createdById: officerUser.id,
    },
  });
};

const statementOf = async (caseId: string) => db.statement.findUniqueOrThrow({ where: { caseId }, include: { template: true, versions: { orderBy: { number: "desc" }, take: 1 } } });

/** Fills every empty text section, as the handläggare would before sending. */
const fillSections = async (actor: Actor, caseId: string) => {
  const page = await getStatementPage({ actor, caseId });
  let version = page.statement!.version;
  for (const section of page.statement!.definition.sections.filter((item) => item.kind === "RICH_TEXT")) {
    const result = await saveStatementSection({ actor, input: { statementId: page.statement!.id, baseVersion: version, kind: "richText", sectionKey: section.key, value: doc(paragraph(`${section.heading}: text.`)) } });
    if (result.status !== "SAVED") throw new Error("conflict");
    version = result.version;
  }
  return version;
};

const sendAndAttest = async (actor: Actor, caseId: string, attesterNames: string[]) => {
  const versionNumber = (await getStatementPage({ actor, caseId })).statement!.version;
  const attesterIds = await Promise.all(attesterNames.map(async (username) => (await db.user.findUniqueOrThrow({ where: { username } })).id));
  await sendStatementForAttestation({ actor, input: { caseId, order: "SEQUENTIAL", attesterIds, versionNumber } });
  const request = await db.attestationRequest.findFirstOrThrow({ where: { caseId }, orderBy: { createdAt: "desc" }, include: { steps: { orderBy: { position: "asc" }, include: { assignee: true } } } });
  for (const step of request.steps) await attestStep({ actor: await actorFor(db, step.assignee.username), input: { stepId: step.id, contentHash: request.contentHash } });
  return request;
};

const pdfOf = async (file: Promise<{ bytes: Buffer }>): Promise<string> => flatText(pdfText((await file).bytes));

let presidiumTemplateId: string;
let municipalDefaultId: string;

beforeAll(async () => {
  await setupMeetingsWorld(db);
  admin = await actorFor(db, "admin");
  clas = await actorFor(db, "clas.cederlid");
  secretary = await actorFor(db, "sekreterare");
  municipalDefaultId = (await db.$transaction((tx) => ensureDefaultTemplate(tx, "stockholm"))).id;
  const created = await createStatementTemplate({
    actor: admin,
    input: parseInput(ZTemplateCreateSchema, { basedOnTemplateId: municipalDefaultId, name: "Presidiets förslag HÄS", committeeId: "has", proposer: { name: "presidiet", genitive: "presidiets" } }),
  });
  presidiumTemplateId = created.id;
});

describe("a committee's own template", () => {
  it("is the default for the committee's cases; the municipality's default stays a choice; other committees do not get it", async () => {
    const offered = await templatesForCommittee(db, { municipalityId: "stockholm", committeeId: "has" });
    expect(offered[0]).toMatchObject({ id: presidiumTemplateId, isDefault: true, committeeName: "Hägersten-Älvsjö stadsdelsnämnd" });
    expect(offered.map((template) => template.id)).toContain(municipalDefaultId);
    const forSos = await templatesForCommittee(db, { municipalityId: "stockholm", committeeId: "sos" });
    expect(forSos.map((template) => template.id)).not.toContain(presidiumTemplateId);
    expect(forSos.find((template) => template.isDefault)?.id).toBe(municipalDefaultId);

    // The handläggare's page offers both, the committee's preselected.
    const fresh = await newCase();
    const page = await getStatementPage({ actor: clas, caseId: fresh.id });
    expect(page.templates.map((template) => [template.id, template.isDefault, template.proposer])).toEqual(
      expect.arrayContaining([
        [presidiumTemplateId, true, "presidiet"],
        [municipalDefaultId, false, "förvaltningen"],
      ]),
    );

    await createStatement({ actor: clas, input: { caseId: fresh.id, attachmentDocumentIds: [] } });
    const statement = await statementOf(fresh.id);
    expect(statement.templateId).toBe(presidiumTemplateId);
    expect(statement.versions[0]!.content).toMatchObject({ proposer: { name: "presidiet", genitive: "presidiets" } });

    // Chosen explicitly: the municipality's default, with förvaltningen as proposer.
    const chosen = await newCase();
    await createStatement({ actor: clas, input: { caseId: chosen.id, attachmentDocumentIds: [], templateId: municipalDefaultId } });
    expect((await statementOf(chosen.id)).templateId).toBe(municipalDefaultId);
    expect((await getStatementPage({ actor: clas, caseId: chosen.id })).statement!.definition.sections[0]!.heading).toBe("Förvaltningens förslag till beslut");
  });

  it("is not offered to another committee's case, and a committee gets only one own template", async () => {
    const sosCase = await newCase({ committeeId: "sos", departmentId: "sos-sos", officer: "sos.handlaggare" });
    const before = await db.statement.count();
    const refused = await expectAppError(
      createStatement({ actor: await actorFor(db, "sos.handlaggare"), input: { caseId: sosCase.id, attachmentDocumentIds: [], templateId: presidiumTemplateId } }),
      "VALIDATION",
    );
    expect(refused.fieldErrors?.templateId).toEqual(["Välj en av mallarna för ärendets nämnd."]);
    expect(await db.statement.count()).toBe(before);

    const templates = await db.statementTemplate.count();
    const second = await expectAppError(
      createStatementTemplate({ actor: admin, input: parseInput(ZTemplateCreateSchema, { basedOnTemplateId: municipalDefaultId, name: "En till", committeeId: "has", proposer: { name: "presidiet", genitive: "presidiets" } }) }),
      "VALIDATION",
    );
    expect(second.fieldErrors?.committeeId?.[0]).toMatch(/har redan en egen mall \(Presidiets förslag HÄS\)/);
    await expectAppError(
      createStatementTemplate({ actor: clas, input: parseInput(ZTemplateCreateSchema, { basedOnTemplateId: municipalDefaultId, name: "Handläggarens", proposer: { name: "presidiet", genitive: "presidiets" } }) }),
      "NOT_FOUND",
    );
    expect(await db.statementTemplate.count()).toBe(templates);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "statementTemplate.create", entityId: presidiumTemplateId } });
    expect(audit.data).toMatchObject({ name: "Presidiets förslag HÄS", committeeId: "has", proposer: "presidiet" });
  });
});

describe("the proposer in headings and decision labels", () => {
  it("heads the statement, its preview and PDF, the agenda item and the bifall label with the proposer, into the minutes", async () => {
    const theCase = await newCase();
    await createStatement({ actor: clas, input: { caseId: theCase.id, attachmentDocumentIds: [] } });
    const statementId = (await statementOf(theCase.id)).id;

    const page = await getStatementPage({ actor: clas, caseId: theCase.id });
    expect(page.statement!.definition.sections.map((section) => section.heading)).toEqual(expect.arrayContaining(["Presidiets förslag till beslut", "Presidiets synpunkter och förslag"]));
    const preview = await loadStatementDocument({ actor: clas, statementId });
    const headings = preview.document.blocks.flatMap((block) => (block.kind === "heading" ? [block.runs.map((run) => run.text).join("")] : []));
    expect(headings).toContain("Presidiets förslag till beslut");
    expect(headings).not.toContain("Förvaltningens förslag till beslut");

    await fillSections(clas, theCase.id);
    await sendAndAttest(clas, theCase.id, ["linda.palo", "lee.orberson"]);
    const pdf = await pdfOf(exportStatement({ actor: clas, statementId, format: "pdf" }));
    expect(pdf).toContain("Presidiets förslag till beslut");
    expect(pdf).toContain("Attesterat av");

    const meetingId = await planMeeting(db, secretary);
    const { id: agendaItemId } = await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
    expect((await db.agendaItem.findUniqueOrThrow({ where: { id: agendaItemId } })).proposerGenitive).toBe("presidiets");
    const agenda = await pdfOf(exportAgenda({ actor: secretary, id: meetingId, format: "pdf" }));
    expect(agenda).toContain("Presidiets förslag till beslut");
    expect(agenda).not.toContain("Förvaltningens förslag till beslut");

    await sendKallelse(db, secretary, meetingId);
    const { id: decisionId } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId, kind: "AS_PROPOSED" }) });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "decision.record", entityId: decisionId } });
    expect(event.data).toMatchObject({ label: "Bifall till presidiets förslag" });

    await saveMinutes({ actor: secretary, input: { meetingId, chairId: (await actorFor(db, "ordforande")).id, checkerId: (await actorFor(db, "justerare")).id } });
    const minutes = await buildMinutesContent(db, meetingId);
    const decided = minutes!.paragraphs.find((item) => item.decisionId === decisionId)!;
    expect(decided.proposerGenitive).toBe("presidiets");
    expect(decisionKindLabel(decided.kind, decided.proposerGenitive)).toBe("Bifall till presidiets förslag");
  });

  it("keeps förvaltningen in labels of agenda items proposed by the förvaltning", () => {
    expect(decisionKindLabel("AS_PROPOSED")).toBe("Bifall till förvaltningens förslag");
    expect(decisionKindLabel("REJECTED", "presidiets")).toBe("Avslag");
  });
});

describe("signers resolved when the statement is sent", () => {
  it("names the avdelningschef of the day it is sent, and the attested hash is the exported content's", async () => {
    const theCase = await newCase();
    await createStatement({ actor: clas, input: { caseId: theCase.id, attachmentDocumentIds: [] } });
    const statementId = (await statementOf(theCase.id)).id;
    const created = (await statementOf(theCase.id)).versions[0]!.content as { signatories: { name: string }[] };
    expect(created.signatories.map((signatory) => signatory.name)).toContain("Linda Palo");
    await fillSections(clas, theCase.id);

    // A new avdelningschef takes over before the statement is sent.
    await db.user.update({ where: { username: "linda.palo" }, data: { disabledAt: new Date() } });
    await db.user.create({ data: { username: "nora.ny", name: "Nora Ny", title: "Avdelningschef", memberships: { create: { role: "DEPARTMENT_HEAD", departmentId: "has-sos" } } } });

    // The draft already shows who would sign today.
    const draft = await pdfOf(exportStatement({ actor: clas, statementId, format: "pdf" }));
    expect(draft).toContain("Nora Ny");
    expect(draft).not.toContain("Linda Palo");
    expect((await getStatementPage({ actor: clas, caseId: theCase.id })).statement!.content.signatories.map((signatory) => signatory.name)).toContain("Nora Ny");

    const before = (await statementOf(theCase.id)).currentVersion;
    const request = await sendAndAttest(clas, theCase.id, ["nora.ny", "lee.orberson"]);
    // Sending wrote the new signers into a version of their own, and bound that one.
    expect(request.versionNumber).toBe(before + 1);
    const sent = await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: request.versionNumber } } });
    expect(sent.changedSection).toBe("signatories");
    expect((sent.content as { signatories: { name: string }[] }).signatories.map((signatory) => signatory.name)).toEqual(["Lee Orberson", "Nora Ny"]);
    expect(await db.auditEvent.count({ where: { action: "statement.resolve_signers", entityId: statementId } })).toBe(1);

    const attested = await loadStatementDocument({ actor: clas, statementId });
    expect(attested.attested).toBe(true);
    expect(attested.contentHash).toBe(request.contentHash);
    const pdf = await pdfOf(exportStatement({ actor: clas, statementId, format: "pdf" }));
    expect(pdf).toContain("Nora Ny");
    expect(pdf).not.toContain("Linda Palo");
    expect(pdf).toContain(request.verificationCode);

    // A later change of the organisation does not change what was attested.
    await db.user.update({ where: { username: "nora.ny" }, data: { name: "Nora Annan" } });
    const after = await pdfOf(exportStatement({ actor: clas, statementId, format: "pdf" }));
    expect(after).toContain("Nora Ny");
    expect((await loadStatementDocument({ actor: clas, statementId })).contentHash).toBe(request.contentHash);
  });
});
