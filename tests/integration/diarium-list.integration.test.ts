import { beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "@/features/diarium/cursor";
import { DIARIUM_SORTS, type TDiariumSearchParams, type TDiariumSort } from "@/features/diarium/schemas";
import { diariumFilterOptions, listDiariumCases } from "@/features/diarium/server/diarium-list";
import type { Actor } from "@/server/auth/actor";
import { createTestDatabase } from "../support/database";
import { setUpDiariumFixture } from "./diarium-fixtures";

const { db } = await createTestDatabase();
const fixture = await setUpDiariumFixture(db);
const TODAY = new Date("2026-06-15T00:00:00Z");
const CANARY = `KANARIEFÅGEL-${Math.random().toString(36).slice(2, 10)}`;

let registrar: Actor;
const ids: Record<string, string> = {};

/** Every id over all pages, following "Nästa sida" from the start. */
const walkForward = async (actor: Actor, params: TDiariumSearchParams, pageSize: number, between?: (page: number) => Promise<void>) => {
  const seen: string[] = [];
  let efter: string | undefined;
  for (let page = 0; page < 100; page++) {
    const result = await listDiariumCases({ actor, params: { ...params, efter }, today: TODAY, pageSize });
    seen.push(...result.rows.map((row) => row.id));
    if (!result.nextCursor) break;
    efter = result.nextCursor;
    await between?.(page);
  }
  return seen;
};

beforeAll(async () => {
  registrar = await fixture.actor("registrator");
  const base = Date.UTC(2026, 0, 1);
  // 57 has cases with distinct and with equal registration times (ties are broken by id).
  for (let i = 0; i < 57; i++) {
    await fixture.createCase({
      createdAt: new Date(base + Math.floor(i / 3) * 60_000),
      dueDate: i % 4 === 0 ? null : `2026-0${(i % 9) + 1}-1${i % 10}`,
      year: i < 20 ? 2025 : 2026,
    });
  }
  ids.confidential = (await fixture.createCase({ title: `Sekretessärende ${CANARY}`, secrecyReference: "26 kap. 1 § OSL", caseOfficer: "linda.palo", departmentId: "has-sos" })).id;
  ids.overdue = (await fixture.createCase({ title: "Försenad remiss om parkbelysning", dueDate: "2026-06-01" })).id;
  ids.closedOverdue = (await fixture.createCase({ title: "Avslutad remiss", dueDate: "2026-05-01", status: "CLOSED" })).id;
  ids.misregistered = (await fixture.createCase({ title: "Felregistrerad skrivelse", status: "MISREGISTERED" })).id;
  ids.ifo = (await fixture.createCase({ title: "IFO-ärende om 50% rabatt_kort", departmentId: "has-ifo", caseOfficer: "ifo.handlaggare", classificationId: fixture.otherClassificationId })).id;
  ids.sos = (await fixture.createCase({ committeeId: "sos", title: "Södermalmsärende", caseOfficer: "sos.handlaggare" })).id;
});

describe("diarium list: keyset pagination", () => {
  it.each(DIARIUM_SORTS.map((sort) => [sort]))("returns every readable case exactly once across pages, sorted by %s", async (sort: TDiariumSort) => {
    const all = await walkForward(registrar, { sortering: sort }, 7);
    const expected = await db.case.count({ where: { committeeId: "has" } });
    expect(all).toHaveLength(expected);
    expect(new Set(all).size).toBe(expected);
  });

  it("keeps every row exactly once when cases are registered between page loads", async () => {
    const before = new Set((await db.case.findMany({ where: { committeeId: "has" }, select: { id: true } })).map((row) => row.id));
    const inserted: string[] = [];
    const seen = await walkForward(registrar, { sortering: "registrerad-nyast" }, 10, async (page) => {
      // New registrations (newest) and a back-dated one that lands in the middle of the order.
      inserted.push((await fixture.createCase({ title: `Ny under bläddring ${page}` })).id);
      inserted.push((await fixture.createCase({ title: `Bakåtdaterad ${page}`, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 9, 30)) })).id);
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of before) expect(seen).toContain(id);
    expect(inserted.length).toBeGreaterThan(0);
  });

  it("walks back with Föregående sida to exactly the pages it came from", async () => {
    const pageSize = 8;
    const forward: string[][] = [];
    let efter: string | undefined;
    let last;
    for (;;) {
      last = await listDiariumCases({ actor: registrar, params: { sortering: "remisstid", efter }, today: TODAY, pageSize });
      forward.push(last.rows.map((row) => row.id));
      if (!last.nextCursor) break;
      efter = last.nextCursor;
    }
    expect(forward.length).toBeGreaterThan(3);
    const backward: string[][] = [forward.at(-1)!];
    let fore = last.prevCursor ?? undefined;
    while (fore) {
      const page = await listDiariumCases({ actor: registrar, params: { sortering: "remisstid", fore }, today: TODAY, pageSize });
      backward.unshift(page.rows.map((row) => row.id));
      fore = page.prevCursor ?? undefined;
    }
    expect(backward).toEqual(forward);
  });

  it("starts from the beginning with a notice for a forged or foreign cursor, never an error", async () => {
    const first = await listDiariumCases({ actor: registrar, params: {}, today: TODAY, pageSize: 5 });
    for (const efter of ["not-base64!", "eyJmb28iOjF9", encodeCursor({ s: "remisstid", k: ["2026-01-01"], id: ids.overdue! }), encodeCursor({ s: "registrerad-nyast", k: ["igår"], id: ids.overdue! })]) {
      const page = await listDiariumCases({ actor: registrar, params: { efter }, today: TODAY, pageSize: 5 });
      expect(page.cursorIgnored).toBe(true);
      expect(page.rows.map((row) => row.id)).toEqual(first.rows.map((row) => row.id));
    }
  });
});

describe("diarium list: filters", () => {
  const list = async (params: TDiariumSearchParams, actor: Actor = registrar) =>
    (await walkForward(actor, params, 200)).filter((id) => id !== undefined);

  it("filters by committee, year, status, handläggare and class", async () => {
    const director = await fixture.actor("lee.orberson");
    expect(await list({ namnd: "sos" })).toEqual([]);
    expect(await list({ ar: 2025 })).toHaveLength(20);
    expect(await list({ status: "MISREGISTERED" })).toEqual([ids.misregistered]);
    expect(await list({ handlaggare: fixture.users["ifo.handlaggare"] })).toEqual([ids.ifo]);
    expect(await list({ klass: fixture.otherClassificationId }, director)).toEqual([ids.ifo]);
  });

  it("endast försenade lists open cases whose remisstid has passed, not closed ones", async () => {
    const overdue = await listDiariumCases({ actor: registrar, params: { forsenade: "1" }, today: TODAY, pageSize: 200 });
    expect(overdue.rows.map((row) => row.id)).toContain(ids.overdue);
    expect(overdue.rows.map((row) => row.id)).not.toContain(ids.closedOverdue);
    for (const row of overdue.rows) {
      expect(row.status).toBe("OPEN");
      expect(row.overdue).toBe(true);
      expect(row.dueDate!.getTime()).toBeLessThan(TODAY.getTime());
    }
  });

  it("searches case number and title case-insensitively, with % and _ as literal characters", async () => {
    expect(await list({ q: "parkBELYSNING" })).toEqual([ids.overdue]);
    const number = (await db.case.findUniqueOrThrow({ where: { id: ids.overdue } })).caseNumber;
    expect(await list({ q: number })).toEqual([ids.overdue]);
    expect(await list({ q: "50%" })).toEqual([ids.ifo]);
    expect(await list({ q: "rabatt_kort" })).toEqual([ids.ifo]);
    // Unescaped, "_" would match any character and "%" anything.
    expect(await list({ q: "rabatt_" })).toEqual([ids.ifo]);
    expect(await list({ q: "%" })).toEqual([ids.ifo]);
    expect(await list({ q: "_" })).toEqual([ids.ifo]);
  });
});

describe("diarium list: who sees what", () => {
  it("shows a user of another stadsdel none of the cases (cross-unit)", async () => {
    const sosRegistrar = await fixture.actor("sos.registrator");
    expect(await walkForward(sosRegistrar, {}, 200)).toEqual([ids.sos]);
    const sosOfficer = await fixture.actor("sos.handlaggare");
    expect(await walkForward(sosOfficer, {}, 200)).toEqual([ids.sos]);
    expect(await walkForward(sosOfficer, { namnd: "has" }, 200)).toEqual([]);
  });

  it("shows an administrator without case roles nothing, and offers no filter choices", async () => {
    const admin = await fixture.actor("admin");
    expect(await walkForward(admin, {}, 200)).toEqual([]);
    expect(await diariumFilterOptions(admin)).toEqual({ committees: [], caseOfficers: [], classifications: [] });
  });

  it("shows a handläggare their department's public cases but not another department's", async () => {
    const clas = await fixture.actor("clas.cederlid");
    const seen = await walkForward(clas, {}, 200);
    expect(seen).toContain(ids.overdue);
    expect(seen).not.toContain(ids.ifo);
  });

  it("keeps confidential cases and their titles from users who may not read them, also in search", async () => {
    for (const username of ["clas.cederlid", "ordforande", "justerare", "ifo.handlaggare", "sos.registrator", "admin"]) {
      const actor = await fixture.actor(username);
      const page = await listDiariumCases({ actor, params: {}, today: TODAY, pageSize: 500 });
      expect(JSON.stringify(page), username).not.toContain(CANARY);
      expect(page.rows.map((row) => row.id)).not.toContain(ids.confidential);
      const search = await listDiariumCases({ actor, params: { q: CANARY }, today: TODAY });
      expect(search.rows, username).toEqual([]);
    }
  });

  it("shows the confidential case with its title to the registrator, the avdelningschef and its own handläggare", async () => {
    for (const username of ["registrator", "linda.palo", "sekreterare", "lee.orberson"]) {
      const actor = await fixture.actor(username);
      const search = await listDiariumCases({ actor, params: { q: CANARY }, today: TODAY });
      expect(search.rows.map((row) => [row.id, row.title, row.confidential]), username).toEqual([[ids.confidential, `Sekretessärende ${CANARY}`, true]]);
    }
  });

  it("offers only committees, handläggare and classes of readable cases as filter choices", async () => {
    const clas = await fixture.actor("clas.cederlid");
    const options = await diariumFilterOptions(clas);
    expect(options.committees.map((committee) => committee.id)).toEqual(["has"]);
    expect(options.caseOfficers.map((officer) => officer.name)).toEqual(["Clas Cederlid"]);
    expect(options.classifications.map((classification) => classification.code)).toEqual(["1.5.1"]);
  });
});
