// Documents stay as attested: the letterhead of an attested tjänsteutlåtande and of justerade
// minutes (and their protokollsutdrag) comes from the content that was attested, so renaming
// the förvaltning, avdelning or nämnd afterwards changes nothing in them; drafts show the
// organisation as it is now. Renamed through the admin services, exported as PDF, read with pdftotext.
import { beforeAll, describe, expect, it } from "vitest";
import { attestStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { renameAdministration, renameDepartment, updateCommittee } from "@/features/admin/server/organisation-service";
import { exportExtract, exportMinutes } from "@/features/exports/server/meeting-export";
import { exportStatement } from "@/features/exports/server/statement-export";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { approveMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import type { Actor } from "@/server/auth/actor";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { seedDemoStatements } from "../../scripts/seed/demo-statements";
import { createTestDatabase } from "../support/database";
import { pdfText } from "../fixtures/exports/inspect";
import { flatText } from "../fixtures/exports/meeting-downloads";
import { actorFor, calledMeetingWithCase, setupMeetingsWorld } from "./meetings-fixtures";
import { ZRenameUnitSchema, ZUpdateCommitteeSchema } from "@/features/admin/schemas";
import { ZAttendanceSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

const OLD = { administration: "Hägersten-Älvsjö stadsdelsförvaltning", department: "Avdelningen för samhälle och service", committee: "Hägersten-Älvsjö stadsdelsnämnd" };
const NEW = { administration: "Förvaltningen Sydväst", department: "Avdelningen för stadsmiljö", committee: "Stadsdelsnämnden Sydväst" };

let admin: Actor;
let secretary: Actor;
let chair: Actor;
let checker: Actor;

/** The PDF's pages as flat text: each begins with the letterhead (organisation, document, unit or meeting). */
const pagesOf = async (file: Promise<{ bytes: Buffer }>): Promise<string[]> =>
  pdfText((await file).bytes)
    .split("\f")
    .map((page) => flatText(page).trim())
    .filter(Boolean);

const renameOrganisation = async () => {
  const administration = await db.administration.findUniqueOrThrow({ where: { id: "has-sdf" } });
  await renameAdministration({ actor: admin, input: parseInput(ZRenameUnitSchema, { id: administration.id, updatedAt: administration.updatedAt.toISOString(), name: NEW.administration }) });
  const department = await db.department.findUniqueOrThrow({ where: { id: "has-sos" } });
  await renameDepartment({ actor: admin, input: parseInput(ZRenameUnitSchema, { id: department.id, updatedAt: department.updatedAt.toISOString(), name: NEW.department }) });
  const committee = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
  await updateCommittee({ actor: admin, input: parseInput(ZUpdateCommitteeSchema, { id: committee.id, updatedAt: committee.updatedAt.toISOString(), name: NEW.committee, shortName: committee.shortName, kind: committee.kind }) });
};

/** Justerade minutes of a meeting two days ago, and a second meeting whose minutes are still a draft. */
const minutesWorld = async () => {
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
  const decidedWithMinutes = async (date?: string) => {
    const world = await calledMeetingWithCase(db, secretary, date ? { date } : {});
    const { id: decisionId } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) });
    await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: world.meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
    const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
    return { decisionId, minutesId };
  };
  const justerade = await decidedWithMinutes();
  const { version } = await db.minutes.findUniqueOrThrow({ where: { id: justerade.minutesId } });
  const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId: justerade.minutesId, version } });
  for (const approver of [chair, checker]) await approveMinutes({ actor: approver, input: { minutesId: justerade.minutesId, contentHash } });
  const draft = await decidedWithMinutes(new Date(Date.now() - 5 * 86_400_000).toISOString().slice(0, 10));
  return { justerade, draft };
};

let statements: { attested: string; draft: string };
let minutes: Awaited<ReturnType<typeof minutesWorld>>;

beforeAll(async () => {
  await setupMeetingsWorld(db);
  await db.$transaction((tx) => seedDemoStatements(tx));
  admin = await actorFor(db, "admin");
  secretary = await actorFor(db, "sekreterare");
  chair = await actorFor(db, "ordforande");
  checker = await actorFor(db, "justerare");

  // The reference tjänsteutlåtande, attested by avdelningschef and stadsdelsdirektör; the
  // other demo statement (written under the same names) stays a draft.
  const reference = await db.statement.findUniqueOrThrow({ where: { caseId: REFERENCE_CASE_ID } });
  const [linda, lee] = await Promise.all(["linda.palo", "lee.orberson"].map((username) => db.user.findUniqueOrThrow({ where: { username } })));
  await sendStatementForAttestation({
    actor: await actorFor(db, "clas.cederlid"),
    input: { caseId: REFERENCE_CASE_ID, order: "SEQUENTIAL", attesterIds: [linda!.id, lee!.id], versionNumber: reference.currentVersion },
  });
  const request = await db.attestationRequest.findFirstOrThrow({ where: { subjectId: reference.id }, include: { steps: { orderBy: { position: "asc" }, include: { assignee: true } } } });
  for (const step of request.steps) await attestStep({ actor: await actorFor(db, step.assignee.username), input: { stepId: step.id, contentHash: request.contentHash } });
  const draft = await db.statement.findFirstOrThrow({ where: { status: "DRAFT", case: { departmentId: "has-sos" } } });
  statements = { attested: reference.id, draft: draft.id };
  minutes = await minutesWorld();
});

const expectLetterhead = (pages: string[], letterhead: string) => {
  expect(pages.length).toBeGreaterThan(0);
  for (const page of pages) expect(page.startsWith(letterhead), page.slice(0, 160)).toBe(true);
};

describe("letterhead after the organisation is renamed", () => {
  it("prints förvaltning and avdelning of an attested tjänsteutlåtande as attested, also in its public copy; a draft shows the new names", async () => {
    const attestedLetterhead = `${OLD.administration} Tjänsteutlåtande ${OLD.department} Dnr `;
    expectLetterhead(await pagesOf(exportStatement({ actor: secretary, statementId: statements.attested, format: "pdf" })), attestedLetterhead);

    await renameOrganisation();

    for (const variant of ["internal", "public"] as const) {
      const pages = await pagesOf(exportStatement({ actor: secretary, statementId: statements.attested, format: "pdf", variant }));
      expectLetterhead(pages, attestedLetterhead);
      expect(pages.join(" ")).toContain("Attesterat av");
      for (const name of [NEW.administration, NEW.department, NEW.committee]) expect(pages.join(" "), variant).not.toContain(name);
    }

    const draft = await pagesOf(exportStatement({ actor: secretary, statementId: statements.draft, format: "pdf" }));
    expectLetterhead(draft, `${NEW.administration} Tjänsteutlåtande ${NEW.department} Dnr `);
    expect(draft.join(" ")).not.toContain("Attesterat av");
  });

  it("prints the nämnd of justerade minutes and their protokollsutdrag as justerat; draft minutes show the new name", async () => {
    // Renamed in the test before (the tests share one organisation): make sure of it here too.
    expect((await db.committee.findUniqueOrThrow({ where: { id: "has" } })).name).toBe(NEW.committee);
    const justerade = {
      minutes: await pagesOf(exportMinutes({ actor: secretary, id: minutes.justerade.minutesId, format: "pdf" })),
      extract: await pagesOf(exportExtract({ actor: secretary, id: minutes.justerade.decisionId, format: "pdf" })),
    };
    expectLetterhead(justerade.minutes, `${OLD.committee} Protokoll Sammanträde `);
    expectLetterhead(justerade.extract, `${OLD.committee} Protokollsutdrag § `);
    for (const pages of Object.values(justerade)) {
      expect(pages.join(" ")).toContain(`Sammanträde med ${OLD.committee}`);
      expect(pages.join(" ")).toContain("Justerat");
      expect(pages.join(" ")).not.toContain(NEW.committee);
    }

    const draft = {
      minutes: await pagesOf(exportMinutes({ actor: secretary, id: minutes.draft.minutesId, format: "pdf" })),
      extract: await pagesOf(exportExtract({ actor: secretary, id: minutes.draft.decisionId, format: "pdf" })),
    };
    expectLetterhead(draft.minutes, `${NEW.committee} Protokoll Sammanträde `);
    expectLetterhead(draft.extract, `${NEW.committee} Protokollsutdrag § `);
    for (const pages of Object.values(draft)) expect(pages.join(" ")).toContain(`Sammanträde med ${NEW.committee}`);
  });
});
