// The query budget: SQL round trips per page render against the demo installation, counted at
// the driver (every query a pooled pg connection sends, tests/support/query-counter.ts), for the
// same loaders the pages call, including the actor (loadActor, as requireActor resolves it) and
// the header (loadHeader, as the app layout reads it). Fails above the budget of issue 14:
// case pages ≤ 8, lists ≤ 5, public pages ≤ 3; and when a page makes more round trips once there
// is more of what it lists (a query per row: the demo's few rows hide it). The counts are printed per page.
import { afterAll, describe, expect, it } from "vitest";
import { loadHeader } from "@/features/notifications/server/header-queries";
import { loadActor, type Actor } from "@/server/auth/actor";
import { navItemsFor } from "@/components/navigation";
import { loadCasePage } from "@/app/(app)/arenden/[id]/case-page";
import { loadStatementPage } from "@/app/(app)/arenden/[id]/tjansteutlatande/statement-page";
import { loadDiariumPage } from "@/app/(app)/diarium/diarium-page";
import { loadStartPage } from "@/app/(app)/start-page";
import { loadSearchPage } from "@/app/(app)/sok/search-page";
import { loadPublicDiariumPage } from "@/app/[kommun]/offentligt-diarium/public-diarium-page";
import { loadPublicMeetingsPage } from "@/app/[kommun]/offentligt/sammantraden/public-meetings-page";
import { loadNoticeBoardArchivePage, loadNoticeBoardPage } from "@/app/[kommun]/anslagstavla/anslagstavla-page";
import { createStatement } from "@/features/statements/server/create-statement";
import { listDeadlines } from "@/features/diarium/server/deadlines";
import { addCaseToAgenda } from "@/features/meetings/server/agenda-service";
import { getMeetingDetail } from "@/features/meetings/server/meeting-page-queries";
import { recordUnionConsultation } from "@/features/meetings/server/union-consultation";
import { ZAddCaseToAgendaSchema, ZUnionConsultationSchema } from "@/features/meetings/schemas";
import { ZCreateStatementSchema } from "@/features/statements/schemas";
import { AppError } from "@/server/errors";
import { parseInput } from "@/server/validation";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { DEMO_CASES, REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { DEMO_MEETING_2024_ID, DEMO_MEETING_PLANNED_ID, DEMO_MEETING_RECENT_ID } from "../../scripts/seed/demo-meetings";
import { SCHOOL_ROUTES_CASE_ID } from "../../scripts/seed/demo-statements";
import { EXEMPELBY } from "../../scripts/seed/exempelby";
import { MUNICIPALITY } from "../../scripts/seed/demo-organisation";
import { createTestDatabase } from "../support/database";
import { createQueryCounter } from "../support/query-counter";
import { createCase } from "./meetings-fixtures";

/**
 * `verifiedStatement`: a statement the actor only reads is shown as exported, an attested one only after
 * its attestation is recomputed against the content and the hash-chained audit log on every view
 * (attestation-state.ts): that check reads the request, the content and the audit events.
 * `verifiedCandidates`: what the nämndsekreterare's start page and meeting page add for the cases
 * ready for an agenda, each attestation verified as the statement page verifies one, all together:
 * the cases (and on the start page their count), their requests, their contents and their audit
 * events, however many there are.
 */
const BUDGET = { casePage: 8, list: 5, publicPage: 3, verifiedStatement: 12, verifiedCandidates: 4 } as const;

const counter = createQueryCounter();
const { db } = await createTestDatabase({ onConnect: counter.onConnect });
await seedDemoInstallation({ nodeEnv: "test", force: false });


const users = await db.user.findMany({ where: { disabledAt: null }, orderBy: { username: "asc" }, select: { id: true, username: true, sessionVersion: true } });
/** The draft the editor test writes; others read it as exported. */
let draftCaseId = "";
const measured: { page: string; queries: number; budget: number }[] = [];

/** NOT_FOUND (a case the user may not read) renders the 404 page: counted like any render. */
const orNull = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  });

/**
 * A signed-in render: the actor from the session's claims, the layout's header, then the page.
 * Returns the page's data and how many round trips the whole render took.
 */
const claimsOf = (username: string) => {
  const user = users.find((candidate) => candidate.username === username)!;
  return { userId: user.id, sessionVersion: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
};

const signedIn = async <T>(username: string, page: (actor: Actor) => Promise<T>) => {
  const claims = claimsOf(username);
  return counter.count(async () => {
    const actor = await loadActor(claims);
    if (!actor) throw new Error(`No actor for ${username}`);
    const [header, data] = await Promise.all([loadHeader(actor), page(actor)]);
    return { actor, header, data };
  });
};

const record = (page: string, queries: number, budget: number) => {
  measured.push({ page, queries, budget });
  expect(queries, `${page}: ${queries} SQL round trips, budget ${budget}`).toBeLessThanOrEqual(budget);
};

afterAll(() => {
  const width = Math.max(...measured.map((row) => row.page.length));
  console.log(["SQL round trips per page render (budget):", ...measured.map((row) => `  ${row.page.padEnd(width)}  ${String(row.queries).padStart(2)}  (≤ ${row.budget})`)].join("\n"));
});

describe("the counter", () => {
  it("counts every round trip at the driver, transactions included", async () => {
    expect((await counter.count(() => db.$queryRaw`SELECT 1`)).queries).toBe(1);
    // BEGIN, the statement, COMMIT.
    expect((await counter.count(() => db.$transaction((tx) => tx.$queryRaw`SELECT 1`))).queries).toBe(3);
  });
});

describe("query budget", () => {
  it("resolves the actor in one query", async () => {
    const user = users.find((candidate) => candidate.username === "exempelby-sekreterare")!;
    const { queries, result } = await counter.count(() => loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 }));
    // Three committees' memberships, each with its unit, from the one query.
    expect(result!.memberships.length).toBeGreaterThan(1);
    record("actor (exempelby-sekreterare)", queries, 1);
  });

  it("reads the header's notifications and navigation counts in one query", async () => {
    for (const username of ["linda.palo", "ordforande", "clas.cederlid"]) {
      const user = users.find((candidate) => candidate.username === username)!;
      const actor = (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 }))!;
      const { queries, result } = await counter.count(() => loadHeader(actor));
      const items = navItemsFor(actor).map((item) => item.href);
      expect(result.attestCount !== null).toBe(items.includes("/attestera"));
      expect(result.justeringCount !== null).toBe(items.includes("/justering"));
      record(`header (${username})`, queries, 1);
    }
    // The demo's second statement waits in linda.palo's inbox.
    const linda = users.find((candidate) => candidate.username === "linda.palo")!;
    expect((await loadHeader((await loadActor({ userId: linda.id, sessionVersion: linda.sessionVersion, authTime: 1 }))!)).attestCount).toBeGreaterThan(0);
  });

  it(`renders every demo case's page within ${BUDGET.casePage} round trips, for every role`, async () => {
    let rendered = 0;
    for (const username of ["clas.cederlid", "linda.palo", "lee.orberson", "registrator", "sekreterare", "ordforande"]) {
      let worst = 0;
      for (const demoCase of DEMO_CASES) {
        const { queries, result } = await signedIn(username, (actor) => orNull(loadCasePage({ actor, caseId: demoCase.id })));
        if (result.data) {
          rendered += 1;
          expect(result.data.details.id).toBe(demoCase.id);
          expect(result.data.documents.documents.length).toBeGreaterThan(0);
        }
        worst = Math.max(worst, queries);
      }
      record(`case page, worst of ${DEMO_CASES.length} cases (${username})`, worst, BUDGET.casePage);
    }
    expect(rendered).toBeGreaterThan(DEMO_CASES.length);
  });

  it(`renders the statement editor of a draft within ${BUDGET.casePage} round trips`, async () => {
    for (const username of ["clas.cederlid", "linda.palo", "registrator"]) {
      let worst = 0;
      for (const demoCase of DEMO_CASES.filter((candidate) => candidate.id !== REFERENCE_CASE_ID && candidate.id !== SCHOOL_ROUTES_CASE_ID)) {
        worst = Math.max(worst, (await signedIn(username, (actor) => orNull(loadStatementPage({ actor, caseId: demoCase.id })))).queries);
      }
      record(`statement page, worst of the cases without a statement (${username})`, worst, BUDGET.casePage);
    }
    // A draft with a bilaga, written by the case's handläggare through the service.
    const clas = (await loadActor(claimsOf("clas.cederlid")))!;
    const draftCase = await db.case.findFirstOrThrow({ where: { caseOfficerId: clas.id, status: "OPEN", statement: null, documents: { some: {} } }, select: { id: true } });
    const attachment = await db.caseDocument.findFirstOrThrow({ where: { caseId: draftCase.id }, select: { id: true } });
    await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId: draftCase.id, attachmentDocumentIds: [attachment.id] }) });
    const { queries, result } = await signedIn("clas.cederlid", (actor) => loadStatementPage({ actor, caseId: draftCase.id }));
    expect(result.data.editable).toBe(true);
    expect(result.data.data.documents?.choices.length).toBeGreaterThan(0);
    record("statement editor, a draft (clas.cederlid)", queries, BUDGET.casePage);
    draftCaseId = draftCase.id;
  });

  it(`renders a statement the actor only reads, as exported (an attested one verified), within ${BUDGET.verifiedStatement} round trips`, async () => {
    for (const username of ["clas.cederlid", "linda.palo", "registrator"]) {
      for (const [label, caseId] of [
        ["attesterat", REFERENCE_CASE_ID],
        ["på attestering", SCHOOL_ROUTES_CASE_ID],
        ...(username === "clas.cederlid" ? [] : [["utkast", draftCaseId] as const]),
      ] as const) {
        const { queries, result } = await signedIn(username, (actor) => loadStatementPage({ actor, caseId }));
        expect(result.data.readOnly?.document).toBeTruthy();
        if (caseId === REFERENCE_CASE_ID) expect(result.data.readOnly?.attested).toBe(true);
        record(`statement page, ${label} (${username})`, queries, BUDGET.verifiedStatement);
      }
    }
  });

  it(`renders the diarium within ${BUDGET.list} round trips, filtered or not`, async () => {
    for (const username of ["registrator", "clas.cederlid", "lee.orberson", "exempelby-registrator"]) {
      for (const [label, searchParams] of [
        ["", {}],
        [", fritext och status", { q: "drogscen", status: "OPEN" }],
      ] as const) {
        const { queries, result } = await signedIn(username, (actor) => loadDiariumPage({ actor, searchParams }));
        expect(result.data.invalid).toEqual([]);
        if (label === "") expect(result.data.page.rows.length).toBeGreaterThan(0);
        record(`diarium${label} (${username})`, queries, BUDGET.list);
      }
    }
  });

  it(`renders the search page within ${BUDGET.list} round trips: words, a case number, filters`, async () => {
    for (const username of ["registrator", "clas.cederlid", "ordforande"]) {
      for (const [label, searchParams] of [
        ["ord", { q: "drogscenerna" }],
        ["diarienummer", { q: "HÄS 2024/123" }],
        ["ord och filter", { q: "motion", status: "OPEN", typ: "MOTION_REFERRAL", fran: "2020-01-01" }],
      ] as const) {
        const { queries, result } = await signedIn(username, (actor) => loadSearchPage({ actor, searchParams }));
        expect(result.data.invalid).toEqual([]);
        if (label === "ord") expect(result.data.result.results.length).toBeGreaterThan(0);
        record(`search, ${label} (${username})`, queries, BUDGET.list);
      }
    }
  });

  it(`renders the start page within ${BUDGET.list} round trips, for every demo user`, async () => {
    for (const { username } of users) {
      const { queries } = await signedIn(username, (actor) => loadStartPage(actor));
      record(`start page (${username})`, queries, BUDGET.list);
    }
  });

  it(`renders a meeting's page within ${BUDGET.casePage} round trips, the nämndsekreterare's with the cases ready for its agenda verified`, async () => {
    for (const username of ["sekreterare", "ordforande", "registrator", "lee.orberson"]) {
      let worst = 0;
      for (const meetingId of [DEMO_MEETING_PLANNED_ID, DEMO_MEETING_RECENT_ID, DEMO_MEETING_2024_ID]) {
        const { queries, result } = await signedIn(username, (actor) => getMeetingDetail({ actor, meetingId }));
        expect(result.data.items.length).toBeGreaterThan(0);
        worst = Math.max(worst, queries);
      }
      record(`meeting page, worst of 3 meetings (${username})`, worst, BUDGET.casePage);
    }
  });

  it(`renders the public pages within ${BUDGET.publicPage} round trips`, async () => {
    for (const kommun of [MUNICIPALITY.slug, EXEMPELBY.slug]) {
      const diarium = await counter.count(() => loadPublicDiariumPage({ kommun, searchParams: {} }));
      expect(diarium.result.page.rows.length).toBeGreaterThan(0);
      record(`public diarium (${kommun})`, diarium.queries, BUDGET.publicPage);
      const searched = await counter.count(() => loadPublicDiariumPage({ kommun, searchParams: { q: "motion" } }));
      record(`public diarium, fritext (${kommun})`, searched.queries, BUDGET.publicPage);
      const meetings = await counter.count(() => loadPublicMeetingsPage(kommun));
      record(`public meetings (${kommun})`, meetings.queries, BUDGET.publicPage);
      const board = await counter.count(() => loadNoticeBoardPage(kommun));
      record(`anslagstavla (${kommun})`, board.queries, BUDGET.publicPage);
      const archive = await counter.count(() => loadNoticeBoardArchivePage(kommun, { year: 2024 }));
      // One more: the archive's first year, for the links to its years (it reads one year at a time).
      record(`anslagstavla, arkiv (${kommun})`, archive.queries, BUDGET.publicPage + 1);
    }
  });

  it("makes as many round trips with more of everything: cases ready for an agenda, on it with union consultations, their deadlines", async () => {
    const meeting = (actor: Actor) => getMeetingDetail({ actor, meetingId: DEMO_MEETING_PLANNED_ID });
    const renders: [string, string, (actor: Actor) => Promise<unknown>, number][] = [
      ["start page", "sekreterare", loadStartPage, BUDGET.list + BUDGET.verifiedCandidates],
      ["start page", "clas.cederlid", loadStartPage, BUDGET.list],
      ["start page", "linda.palo", loadStartPage, BUDGET.list],
      ["start page", "registrator", loadStartPage, BUDGET.list],
      ["meeting page", "sekreterare", meeting, BUDGET.casePage + BUDGET.verifiedCandidates],
      ["meeting page", "ordforande", meeting, BUDGET.casePage],
      ["diarium", "registrator", (actor) => loadDiariumPage({ actor, searchParams: {} }), BUDGET.list],
      ["bevakning", "registrator", (actor) => listDeadlines({ actor }), BUDGET.list],
      ["search", "registrator", (actor) => loadSearchPage({ actor, searchParams: { q: "trygghet" } }), BUDGET.list],
    ];
    const countAll = async () => {
      const counts: Record<string, number> = {};
      for (const [page, username, render] of renders) counts[`${page} (${username})`] = (await signedIn(username, render)).queries;
      return counts;
    };
    // At least one of each already, so that "none" (which may skip a query) is not compared with "some".
    const addCases = async (count: number) => {
      const secretary = (await loadActor(claimsOf("sekreterare")))!;
      const clas = (await loadActor(claimsOf("clas.cederlid")))!;
      for (let i = 0; i < count; i++) {
        const ready = await createCase(db, { title: `Trygghet i parken ${i}` });
        await recordUnionConsultation({ actor: clas, input: parseInput(ZUnionConsultationSchema, { caseId: ready.id, forum: "FSG", date: "2026-11-16" }) });
        if (i % 2 === 0) await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId: DEMO_MEETING_PLANNED_ID, caseId: ready.id }) });
      }
    };
    await addCases(2);
    const before = await countAll();
    await addCases(8);
    const after = await countAll();
    expect(after).toEqual(before);
    for (const [page, username, , budget] of renders) record(`${page}, with more cases (${username})`, after[`${page} (${username})`]!, budget);
  }, 180_000);
});
