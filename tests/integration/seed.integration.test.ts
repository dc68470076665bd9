import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/server/auth/password";
import { assertDemoSeedAllowed, seedDemoData, seedDemoInstallation } from "../../scripts/seed/demo";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { DEMO_KS_CASE_ID } from "../../scripts/seed/demo-referrals";
import { formatDateOnly, todayInStockholm } from "@/lib/dates";
import { createTestDatabase } from "../support/database";
import { loadNoticeBoardPage } from "@/app/[kommun]/anslagstavla/anslagstavla-page";
import type { NoticeBoard } from "@/features/meetings/server/notice-board";
import { EXEMPELBY_KF_MEETING_ID } from "../../scripts/seed/exempelby";

const { db } = await createTestDatabase();

const rowCounts = async () => ({
  municipality: await db.municipality.count(),
  committee: await db.committee.count(),
  administration: await db.administration.count(),
  department: await db.department.count(),
  user: await db.user.count(),
  membership: await db.membership.count(),
  auditEvent: await db.auditEvent.count(),
  registrySeries: await db.registrySeries.count(),
  classification: await db.classification.count(),
  case: await db.case.count(),
  caseDocument: await db.caseDocument.count(),
  deadline: await db.deadline.count(),
  counters: await db.registrySeriesCounter.findMany({ orderBy: [{ seriesId: "asc" }, { year: "asc" }], select: { seriesId: true, year: true, lastValue: true } }),
});

describe("demo seed", () => {
  it("creates the demo organisation once and changes nothing when run again", async () => {
    expect(await seedDemoData({ nodeEnv: "test", force: false })).toEqual({ created: true });
    const first = await rowCounts();
    // 6 demo cases: each registered with its remiss as handling 1, one closed, one felregistrerat.
    // Accounts: the reference story, kommunstyrelsen's remiss senders and two more remissinstanser (#17).
    expect(first).toMatchObject({ user: 15, membership: 14, auditEvent: 1 + 6 * 2 + 2, registrySeries: 5, case: 6, caseDocument: 6, deadline: 7 });
    expect(await seedDemoData({ nodeEnv: "test", force: false })).toEqual({ created: false });
    expect(await rowCounts()).toEqual(first);
  });

  it("gives every demo account the password demo and the reference case officer's phone", async () => {
    const clas = await db.user.findUniqueOrThrow({ where: { username: "clas.cederlid" }, include: { memberships: true } });
    expect(clas.phone).toBe("08-50823326");
    expect(clas.memberships.map((membership) => membership.role)).toEqual(["CASE_OFFICER"]);
    expect(await verifyPassword(clas.passwordHash, "demo")).toBe(true);
  });

  it("registers the reference case and keeps every demo case number across re-seeds", async () => {
    const numbers = await db.case.findMany({ orderBy: { caseNumber: "asc" }, select: { caseNumber: true, status: true } });
    expect(numbers).toEqual([
      { caseNumber: "HÄS 2024/1", status: "OPEN" },
      { caseNumber: "HÄS 2025/1", status: "CLOSED" },
      { caseNumber: "HÄS 2026/1", status: "OPEN" },
      { caseNumber: "HÄS 2026/2", status: "MISREGISTERED" },
      { caseNumber: "HÄS 2026/3", status: "OPEN" },
      { caseNumber: "HÄS 2026/4", status: "OPEN" },
    ]);
    const reference = await db.case.findFirstOrThrow({
      where: { caseNumber: "HÄS 2024/1", committeeId: "has" },
      include: { motion: { include: { authors: true, proposals: true } }, classification: true, documents: true, caseOfficer: true },
    });
    expect(reference).toMatchObject({ referringBody: "Kommunstyrelsen", referringCaseNumber: "KS 2024/312", departmentId: "has-sos" });
    expect(reference.caseOfficer.username).toBe("clas.cederlid");
    expect(reference.classification?.code).toBe("1.5.1");
    expect(reference.motion?.authors.map((author) => `${author.name} (${author.party})`)).toEqual(["Andréa Hedin (M)"]);
    expect(reference.motion?.proposals[0]?.text).toMatch(/^Stockholms stad utreder och sätter in insatser vid varje öppen drogscen/);
    expect(reference.documents.map((document) => document.description)).toEqual(["Remissunderlag Motion Stoppa de öppna drogscenerna"]);
  });

  it("refuses to run against a production database unless forced", () => {
    expect(() => assertDemoSeedAllowed({ nodeEnv: "production", force: false })).toThrow(/Refusing/);
    expect(() => assertDemoSeedAllowed({ nodeEnv: "production", force: true })).not.toThrow();
  });
});

describe("demo installation", () => {
  it("adds the attested reference statement, a statement waiting for linda.palo and the decided meeting, and changes nothing the second time", async () => {
    const counts = async () => ({
      statement: await db.statement.count(),
      statementVersion: await db.statementVersion.count(),
      attestationRequest: await db.attestationRequest.count({ where: { subjectType: "STATEMENT" } }),
      attestationStep: await db.attestationStep.count({ where: { request: { subjectType: "STATEMENT" } } }),
      meeting: await db.meeting.count(),
      decision: await db.decision.count(),
      caseDocument: await db.caseDocument.count(),
      auditEvent: await db.auditEvent.count(),
    });
    await seedDemoInstallation({ nodeEnv: "test", force: false });
    const first = await counts();
    // Statements: the reference, the one waiting for linda.palo, kommunstyrelsen's with its Remissammanställning.
    // Decisions: the 2024 meeting's six §§ (three of them the opening items) and the recent meeting's five.
    expect(first).toMatchObject({ statement: 3, attestationRequest: 2, attestationStep: 4, meeting: 4, decision: 11 });
    // Kommunstyrelsen's remiss of the reference motion: Hägersten-Älvsjö's answer came home with the dispatch, one pending, one overdue.
    const instances = await db.referralRecipient.findMany({ where: { round: { caseId: DEMO_KS_CASE_ID } }, orderBy: { id: "asc" }, select: { name: true, status: true, dueDate: true, receivingCaseId: true, answerDispatchId: true } });
    const today = todayInStockholm();
    expect(instances.map((row) => [row.name, row.status, formatDateOnly(row.dueDate) > today ? "pending" : "due"])).toEqual([
      ["Hägersten-Älvsjö stadsdelsnämnd", "ANSWERED", "due"],
      ["Södermalms stadsdelsnämnd", "SENT", "pending"],
      ["Farsta stadsdelsnämnd", "SENT", "due"],
      ["Polismyndigheten, region Stockholm", "ANSWERED", "due"],
    ]);
    expect(instances[0]).toMatchObject({ receivingCaseId: REFERENCE_CASE_ID, answerDispatchId: expect.any(String) });
    const ksStatement = await db.statement.findUniqueOrThrow({ where: { caseId: DEMO_KS_CASE_ID }, select: { versions: { orderBy: { number: "desc" }, take: 1, select: { content: true } } } });
    expect(JSON.stringify(ksStatement.versions[0]!.content)).toContain("Hägersten-Älvsjö stadsdelsnämnd avstyrker (svar 2024-04-30)");
    const reference = await db.statement.findUniqueOrThrow({ where: { caseId: REFERENCE_CASE_ID } });
    expect(reference.status).toBe("ATTESTED");
    const waiting = await db.attestationStep.findFirstOrThrow({ where: { status: "WAITING", position: 1, request: { subjectType: "STATEMENT" } }, include: { assignee: true } });
    expect(waiting.assignee.username).toBe("linda.palo");
    await seedDemoInstallation({ nodeEnv: "test", force: false });
    expect(await counts()).toEqual(first);
  });

  it("adds Exempelby kommun: KF and KS with their own kansli, a nämnd with its förvaltning, members with terms, its own logins and cases", async () => {
    const committees = await db.committee.findMany({
      where: { municipalityId: "exempelby" },
      orderBy: { shortName: "asc" },
      include: { administrations: { include: { departments: true } }, members: { include: { user: { select: { username: true } } } }, registrySeries: true },
    });
    expect(committees.map((committee) => [committee.shortName, committee.kind, committee.administrations.map((administration) => [administration.name, administration.departments.map((department) => department.name)])])).toEqual([
      ["BUN", "NAMND", [["Barn- och utbildningsförvaltningen", ["Avdelningen för kvalitet och utveckling"]]]],
      ["KF", "KOMMUNFULLMAKTIGE", [["Kommunfullmäktiges kansli", ["Kansliet"]]]],
      ["KS", "KOMMUNSTYRELSE", [["Kommunstyrelsens kansli", ["Kansliet"]]]],
    ]);
    for (const committee of committees) {
      expect(committee.registrySeries?.prefix).toBe(committee.shortName);
      const chair = committee.members.find((member) => member.role === "CHAIR");
      expect(chair?.user?.username).toMatch(/^exempelby-.*-ordforande$/);
      expect(committee.members.every((member) => member.termStart.getTime() > 0)).toBe(true);
    }
    const cases = await db.case.findMany({ where: { committee: { municipalityId: "exempelby" } }, orderBy: { caseNumber: "asc" }, select: { caseNumber: true, caseOfficer: { select: { username: true } } } });
    expect(cases.map((row) => row.caseNumber)).toEqual(["BUN 2026/1", "KF 2026/1", "KS 2026/1"]);
    const admin = await db.user.findUniqueOrThrow({ where: { username: "exempelby-admin" }, include: { memberships: true } });
    expect(admin.memberships.map((membership) => [membership.role, membership.municipalityId])).toEqual([["ADMIN", "exempelby"]]);
    expect(await verifyPassword(admin.passwordHash, "demo")).toBe(true);
    expect(await db.membership.count({ where: { user: { username: { startsWith: "exempelby-" } }, OR: [{ municipalityId: "stockholm" }, { committee: { municipalityId: "stockholm" } }, { department: { administration: { municipalityId: "stockholm" } } }] } })).toBe(0);
    expect(await db.classification.count({ where: { municipalityId: "exempelby" } })).toBe(5);
    expect(await db.statementTemplate.count({ where: { municipalityId: "exempelby", isDefault: true } })).toBe(1);
    // Fullmäktige's next meeting is called: its kungörelse is on Exempelby's anslagstavla, not Stockholm's.
    const kungorelse = (board: NoticeBoard) => board.notices.find((notice) => notice.meetingId === EXEMPELBY_KF_MEETING_ID);
    const inThreeWeeks = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date(Date.now() + 21 * 86_400_000));
    expect(kungorelse((await loadNoticeBoardPage("exempelby")).board)).toMatchObject({
      committee: "Kommunfullmäktige",
      when: `${inThreeWeeks} kl. 18.30`,
      lines: [{ title: "Allmänhetens frågestund" }, { title: "Information om budgetprocessen inför nästa år" }, { title: "Anmälan av inkomna motioner" }],
    });
    expect(kungorelse((await loadNoticeBoardPage("stockholm")).board)).toBeUndefined();
  });
});
