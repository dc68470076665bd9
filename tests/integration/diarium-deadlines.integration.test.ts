import { beforeAll, describe, expect, it } from "vitest";
import { DEADLINE_SECTION_ROWS, listDeadlines, START_PAGE_DEADLINES, summarizeDeadlines } from "@/features/diarium/server/deadlines";
import { listMyOpenCases } from "@/features/diarium/server/my-cases";
import { createTestDatabase } from "../support/database";
import { setUpDiariumFixture } from "./diarium-fixtures";

const { db } = await createTestDatabase();
const fixture = await setUpDiariumFixture(db);
const TODAY = new Date("2026-06-15T00:00:00Z");
const CANARY = `KANARIEFÅGEL-${Math.random().toString(36).slice(2, 10)}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const clasCase = await fixture.createCase({ title: "Clas remiss", dueDate: "2026-06-20" });
  const lindaCase = await fixture.createCase({ title: "Lindas remiss", caseOfficer: "linda.palo", dueDate: "2026-06-10" });
  const secretCase = await fixture.createCase({ title: `Sekretess ${CANARY}`, caseOfficer: "linda.palo", secrecyReference: "26 kap. 1 § OSL" });
  const closedCase = await fixture.createCase({ title: "Stängt", status: "CLOSED" });
  const ifoCase = await fixture.createCase({ title: "IFO-remiss", departmentId: "has-ifo", caseOfficer: "ifo.handlaggare" });
  const sosCase = await fixture.createCase({ committeeId: "sos", title: "Södermalm", caseOfficer: "sos.handlaggare" });
  ids.clasCase = clasCase.id;
  ids.lindaCase = lindaCase.id;
  ids.clasOverdue = (await fixture.createDeadline({ caseId: clasCase.id, dueDate: "2026-06-01" })).id;
  ids.clasSoon = (await fixture.createDeadline({ caseId: clasCase.id, dueDate: "2026-06-20" })).id;
  ids.clasToday = (await fixture.createDeadline({ caseId: clasCase.id, kind: "OTHER", dueDate: "2026-06-15" })).id;
  ids.clasLater = (await fixture.createDeadline({ caseId: clasCase.id, dueDate: "2026-07-20" })).id;
  ids.clasDone = (await fixture.createDeadline({ caseId: clasCase.id, dueDate: "2026-06-02", completed: true })).id;
  ids.motionIn40 = (await fixture.createDeadline({ caseId: clasCase.id, kind: "MOTION_ONE_YEAR", dueDate: "2026-07-25" })).id;
  ids.motionIn90 = (await fixture.createDeadline({ caseId: clasCase.id, kind: "MOTION_ONE_YEAR", dueDate: "2026-09-13" })).id;
  ids.motionPassed = (await fixture.createDeadline({ caseId: lindaCase.id, kind: "MOTION_ONE_YEAR", dueDate: "2026-05-15" })).id;
  ids.lindaOverdue = (await fixture.createDeadline({ caseId: lindaCase.id, dueDate: "2026-05-20" })).id;
  ids.secretSoon = (await fixture.createDeadline({ caseId: secretCase.id, dueDate: "2026-06-18" })).id;
  ids.closed = (await fixture.createDeadline({ caseId: closedCase.id, dueDate: "2026-06-01" })).id;
  ids.ifo = (await fixture.createDeadline({ caseId: ifoCase.id, dueDate: "2026-06-01" })).id;
  ids.sos = (await fixture.createDeadline({ caseId: sosCase.id, dueDate: "2026-06-01" })).id;
});

const idsOf = (rows: { id: string }[]) => rows.map((row) => row.id);
/** The start page's order: by due date, then id (/bevakning puts the handläggare's own first). */
const byDueDate = <T extends { dueDate: Date; id: string }>(rows: T[]) => [...rows].sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe("bevakning", () => {
  it("lists overdue and due-within-14-days deadlines of open cases, the handläggare's own first", async () => {
    const clas = await fixture.actor("clas.cederlid");
    const overview = await listDeadlines({ actor: clas, today: TODAY });
    // Clas (handläggare in has-sos) reads the department's public cases: Linda's too, after his own.
    expect(idsOf(overview.overdue.rows)).toEqual([ids.clasOverdue, ids.motionPassed, ids.lindaOverdue]);
    expect(idsOf(overview.dueSoon.rows)).toEqual([ids.clasToday, ids.clasSoon]);
    expect(idsOf(overview.motionsApproaching.rows)).toEqual([ids.motionIn40]);
    expect(overview.overdue.rows[0]).toMatchObject({ own: true, daysLeft: -14, caseNumber: expect.stringMatching(/^HÄS 2026\//) });
    expect(overview.dueSoon.rows[0]).toMatchObject({ daysLeft: 0, kind: "OTHER" });
  });

  it("flags motions within 60 days of, or past, the one-year limit", async () => {
    const clas = await fixture.actor("clas.cederlid");
    const overview = await listDeadlines({ actor: clas, today: TODAY });
    const all = [...overview.overdue.rows, ...overview.dueSoon.rows, ...overview.motionsApproaching.rows];
    expect(all.filter((row) => row.motionWarning).map((row) => row.id).sort()).toEqual([ids.motionIn40, ids.motionPassed].sort());
    expect(idsOf(all)).not.toContain(ids.motionIn90);
  });

  it("leaves out completed deadlines and deadlines of closed cases", async () => {
    const registrar = await fixture.actor("registrator");
    const overview = await listDeadlines({ actor: registrar, today: TODAY });
    const all = idsOf([...overview.overdue.rows, ...overview.dueSoon.rows, ...overview.motionsApproaching.rows]);
    expect(all).not.toContain(ids.clasDone);
    expect(all).not.toContain(ids.closed);
  });

  it("gives the avdelningschef every case of the department, confidential ones included, but not other departments", async () => {
    const linda = await fixture.actor("linda.palo");
    const overview = await listDeadlines({ actor: linda, today: TODAY });
    const all = idsOf([...overview.overdue.rows, ...overview.dueSoon.rows]);
    expect(all).toEqual(expect.arrayContaining([ids.clasOverdue, ids.lindaOverdue, ids.secretSoon]));
    expect(all).not.toContain(ids.ifo);
    expect(overview.overdue.rows[0]?.own).toBe(true);
  });

  it("never shows a confidential case's deadline or title to a handläggare who may not read it", async () => {
    const clas = await fixture.actor("clas.cederlid");
    const overview = await listDeadlines({ actor: clas, today: TODAY });
    expect(JSON.stringify(overview)).not.toContain(CANARY);
  });

  it("shows another stadsdel's users and an administrator none of these deadlines (cross-unit, wrong role)", async () => {
    const sos = await listDeadlines({ actor: await fixture.actor("sos.handlaggare"), today: TODAY });
    expect(idsOf([...sos.overdue.rows, ...sos.dueSoon.rows, ...sos.motionsApproaching.rows])).toEqual([ids.sos]);
    const admin = await listDeadlines({ actor: await fixture.actor("admin"), today: TODAY });
    expect([...admin.overdue.rows, ...admin.dueSoon.rows, ...admin.motionsApproaching.rows]).toEqual([]);
    const adminSummary = await summarizeDeadlines({ actor: await fixture.actor("admin"), today: TODAY });
    expect([adminSummary.own.overdue.total, adminSummary.own.dueSoon.total, adminSummary.readable.overdue.total]).toEqual([0, 0, 0]);
  });

  it("summarizes the same deadlines for the start page as /bevakning lists", async () => {
    for (const username of ["clas.cederlid", "linda.palo", "registrator"]) {
      const actor = await fixture.actor(username);
      const overview = await listDeadlines({ actor, today: TODAY });
      const summary = await summarizeDeadlines({ actor, today: TODAY });
      const own = (rows: typeof overview.overdue.rows) => rows.filter((row) => row.own);
      expect(summary.own.overdue, username).toEqual({ rows: own(overview.overdue.rows), total: own(overview.overdue.rows).length });
      expect(summary.own.dueSoon, username).toEqual({ rows: own(overview.dueSoon.rows), total: own(overview.dueSoon.rows).length });
      expect(summary.readable.overdue, username).toEqual({ rows: byDueDate(overview.overdue.rows), total: overview.overdue.rows.length });
    }
  });
});

describe("Mina ärenden", () => {
  it("lists the handläggare's own open cases, nearest remisstid first, without cases of others", async () => {
    const extra = await fixture.createCase({ title: "Utan remisstid" });
    const early = await fixture.createCase({ title: "Tidig remisstid", dueDate: "2026-02-01" });
    const clas = await fixture.actor("clas.cederlid");
    const { rows } = await listMyOpenCases({ actor: clas, today: TODAY });
    expect(rows.map((row) => row.id)).toEqual([early.id, ids.clasCase, extra.id]);
    expect(rows[0]).toMatchObject({ overdue: true, committeeShortName: "HÄS" });
    // Only a motion without motionär or att-sats is "Komplettera"; these are not motions.
    expect(rows.map((row) => row.toComplete)).toEqual([false, false, false]);
    expect(rows.map((row) => row.id)).not.toContain(ids.lindaCase);
  });

  it("is empty for a user who handles no cases", async () => {
    expect((await listMyOpenCases({ actor: await fixture.actor("registrator"), today: TODAY })).rows).toEqual([]);
  });
});

describe("the start page's deadlines, many", () => {
  it(`shows the first ${START_PAGE_DEADLINES} of each section by due date, and counts them all`, async () => {
    for (let day = 1; day <= START_PAGE_DEADLINES + 2; day++) {
      await fixture.createDeadline({ caseId: ids.lindaCase!, dueDate: `2026-04-${String(day).padStart(2, "0")}` });
    }
    const linda = await fixture.actor("linda.palo");
    const overview = await listDeadlines({ actor: linda, today: TODAY });
    const summary = await summarizeDeadlines({ actor: linda, today: TODAY });
    const own = overview.overdue.rows.filter((row) => row.own);
    expect(own.length).toBeGreaterThan(START_PAGE_DEADLINES);
    expect(summary.own.overdue).toEqual({ rows: own.slice(0, START_PAGE_DEADLINES), total: own.length });
    expect(summary.readable.overdue).toEqual({ rows: byDueDate(overview.overdue.rows).slice(0, START_PAGE_DEADLINES), total: overview.overdue.rows.length });
    expect(summary.readable.overdue.total).toBeGreaterThan(own.length);
  });
});

describe("bevakning with a backlog", () => {
  it(`lists each section's first ${DEADLINE_SECTION_ROWS} with its total, so a long overdue list never hides what falls due soon, and pages through one section`, async () => {
    // A backlog of overdue deadlines in Linda's case (her own), earlier than everything else.
    for (let i = 0; i < DEADLINE_SECTION_ROWS + 5; i++) {
      await fixture.createDeadline({ caseId: ids.lindaCase!, dueDate: `2025-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}` });
    }
    const linda = await fixture.actor("linda.palo");
    const overview = await listDeadlines({ actor: linda, today: TODAY });
    expect(overview.overdue.rows).toHaveLength(DEADLINE_SECTION_ROWS);
    expect(overview.overdue.total).toBeGreaterThan(DEADLINE_SECTION_ROWS + 5);
    // What falls due within 14 days is still there, with its count.
    expect(overview.dueSoon.rows.map((row) => row.id)).toEqual(expect.arrayContaining([ids.clasToday, ids.clasSoon, ids.secretSoon]));
    expect(overview.dueSoon.total).toBe(overview.dueSoon.rows.length);
    expect(overview.motionsApproaching.rows.map((row) => row.id)).toEqual([ids.motionIn40]);

    // Paging through the overdue section: every row once, her own first, each group by due date.
    const pages = [];
    for (let page = 1; ; page++) {
      const { overdue, dueSoon } = await listDeadlines({ actor: linda, today: TODAY, paged: { section: "overdue", page } });
      expect(overdue.total).toBe(overview.overdue.total);
      expect(dueSoon.total).toBe(overview.dueSoon.total);
      if (overdue.rows.length === 0) break;
      pages.push(overdue.rows);
    }
    expect(pages).toHaveLength(Math.ceil(overview.overdue.total / DEADLINE_SECTION_ROWS));
    expect(pages[0]).toEqual(overview.overdue.rows);
    const all = pages.flat();
    expect(new Set(all.map((row) => row.id)).size).toBe(overview.overdue.total);
    const own = all.filter((row) => row.own);
    expect(all).toEqual([...own, ...all.filter((row) => !row.own)]);
    expect(own).toEqual(byDueDate(own));
    expect(all.filter((row) => !row.own)).toEqual(byDueDate(all.filter((row) => !row.own)));
  });
});
