import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { PublicDiariumTable } from "@/features/diarium/components/public-diarium-table";
import { listPublicDiarium } from "@/features/diarium/server/public-diarium";
import { createTestDatabase } from "../support/database";
import { setUpDiariumFixture } from "./diarium-fixtures";

const { db } = await createTestDatabase();
const fixture = await setUpDiariumFixture(db);
const CANARY = `KANARIEFÅGEL-${Math.random().toString(36).slice(2, 10)}`;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const t = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));
  const publicCase = await fixture.createCase({ title: "Remiss om parkbelysning" });
  ids.publicDoc = (await fixture.createDocument({ caseId: publicCase.id, description: "Remissunderlag parkbelysning", counterpart: "Kommunstyrelsen", registeredAt: t(1) })).id;
  // A confidential handling in a public case.
  ids.secretDoc = (
    await fixture.createDocument({ caseId: publicCase.id, description: `Läkarintyg ${CANARY}`, counterpart: `Avsändare ${CANARY}`, secrecyReference: "25 kap. 1 § OSL", registeredAt: t(2) })
  ).id;
  // Every handling of a confidential case, even one without its own marking.
  const secretCase = await fixture.createCase({ title: `Enskilds boende ${CANARY}`, secrecyReference: "26 kap. 1 § OSL", caseOfficer: "linda.palo" });
  ids.secretCaseDoc = (await fixture.createDocument({ caseId: secretCase.id, description: `Skrivelse ${CANARY}`, counterpart: `Privatperson ${CANARY}`, registeredAt: t(3) })).id;
  const misregistered = await fixture.createCase({ title: "Felregistrerad skrivelse", status: "MISREGISTERED" });
  ids.misregisteredDoc = (await fixture.createDocument({ caseId: misregistered.id, description: "Skrivelse om Tantolunden", registeredAt: t(4) })).id;
  const sosCase = await fixture.createCase({ committeeId: "sos", title: "Södermalmsremiss", caseOfficer: "sos.handlaggare" });
  ids.sosDoc = (await fixture.createDocument({ caseId: sosCase.id, description: "Södermalms underlag", registeredAt: t(5) })).id;
});

afterEach(() => vi.restoreAllMocks());

describe("public diarium: confidentiality (canary)", () => {
  it("never returns the protected description, counterpart or case title of a confidential row, only the marking", async () => {
    const page = await listPublicDiarium({ municipalityId: "stockholm", params: {} });
    expect(JSON.stringify(page)).not.toContain(CANARY);
    const secret = page.rows.find((row) => row.id === ids.secretDoc)!;
    expect(secret).toMatchObject({ secrecyReference: "25 kap. 1 § OSL", description: null, counterpart: null, caseTitle: null, direction: "INCOMING" });
    expect(secret.documentNumber).toMatch(/^HÄS 2026\/\d+-2$/);
    const secretCase = page.rows.find((row) => row.id === ids.secretCaseDoc)!;
    expect(secretCase).toMatchObject({ secrecyReference: "26 kap. 1 § OSL", description: null, counterpart: null, caseTitle: null });
  });

  it("renders the marking and no protected text into the HTML", async () => {
    const page = await listPublicDiarium({ municipalityId: "stockholm", params: {} });
    const html = renderToStaticMarkup(createElement(PublicDiariumTable, { rows: page.rows }));
    expect(html).not.toContain(CANARY);
    expect(html).toContain("Sekretess enligt 25 kap. 1 § OSL");
    expect(html).toContain("Sekretess enligt 26 kap. 1 § OSL");
    expect(html).toContain("Remissunderlag parkbelysning");
  });

  it("does not find confidential rows by their protected text (search cannot probe it)", async () => {
    expect((await listPublicDiarium({ municipalityId: "stockholm", params: { q: CANARY } })).rows).toEqual([]);
    expect((await listPublicDiarium({ municipalityId: "stockholm", params: { q: "Läkarintyg" } })).rows).toEqual([]);
    expect((await listPublicDiarium({ municipalityId: "stockholm", params: { q: "Enskilds boende" } })).rows).toEqual([]);
  });

  it("writes nothing protected to the log while serving the page", async () => {
    const output: unknown[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation((...args) => void output.push(...args));
    // The logger writes JSON lines to stdout.
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (output.push(String(chunk)), true));
    await listPublicDiarium({ municipalityId: "stockholm", params: {} });
    await listPublicDiarium({ municipalityId: "stockholm", params: { q: CANARY } });
    expect(JSON.stringify(output)).not.toContain(CANARY);
  });
});

describe("public diarium: listing", () => {
  it("shows public rows in full, newest registration first, with felregistrerade kept", async () => {
    const page = await listPublicDiarium({ municipalityId: "stockholm", params: {} });
    expect(page.rows.map((row) => row.id)).toEqual([ids.sosDoc, ids.misregisteredDoc, ids.secretCaseDoc, ids.secretDoc, ids.publicDoc]);
    expect(page.rows.find((row) => row.id === ids.publicDoc)).toMatchObject({
      description: "Remissunderlag parkbelysning",
      counterpart: "Kommunstyrelsen",
      caseTitle: "Remiss om parkbelysning",
      secrecyReference: null,
      // Timestamps come back from the raw query as the same UTC instant Prisma stored.
      registeredAt: new Date(Date.UTC(2026, 2, 1, 8, 1)),
    });
    expect(page.rows.find((row) => row.id === ids.misregisteredDoc)?.caseStatus).toBe("MISREGISTERED");
  });

  it("filters by committee and finds a handling by its number, also a confidential one", async () => {
    expect((await listPublicDiarium({ municipalityId: "stockholm", params: { namnd: "sos" } })).rows.map((row) => row.id)).toEqual([ids.sosDoc]);
    const secret = (await listPublicDiarium({ municipalityId: "stockholm", params: {} })).rows.find((row) => row.id === ids.secretDoc)!;
    expect((await listPublicDiarium({ municipalityId: "stockholm", params: { q: secret.documentNumber } })).rows.map((row) => row.id)).toEqual([ids.secretDoc]);
  });

  it("pages by keyset: every handling once, also when handlingar are registered between page loads", async () => {
    const c = await fixture.createCase({ title: "Många handlingar" });
    for (let i = 0; i < 23; i++) await fixture.createDocument({ caseId: c.id, description: `Handling ${i}`, registeredAt: new Date(Date.UTC(2026, 3, 1, 9, Math.floor(i / 2))) });
    const expected = await db.caseDocument.count();
    const seen: string[] = [];
    let efter: string | undefined;
    for (let page = 0; page < 50; page++) {
      const result = await listPublicDiarium({ municipalityId: "stockholm", params: { efter }, pageSize: 4 });
      seen.push(...result.rows.map((row) => row.id));
      if (!result.nextCursor) break;
      efter = result.nextCursor;
      await fixture.createDocument({ caseId: c.id, description: `Ny under bläddring ${page}` });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(expected);
  });

  it("goes back with Föregående sida to the same rows", async () => {
    const first = await listPublicDiarium({ municipalityId: "stockholm", params: {}, pageSize: 3 });
    const second = await listPublicDiarium({ municipalityId: "stockholm", params: { efter: first.nextCursor! }, pageSize: 3 });
    const third = await listPublicDiarium({ municipalityId: "stockholm", params: { efter: second.nextCursor! }, pageSize: 3 });
    const back = await listPublicDiarium({ municipalityId: "stockholm", params: { fore: third.prevCursor! }, pageSize: 3 });
    expect(back.rows.map((row) => row.id)).toEqual(second.rows.map((row) => row.id));
  });

  it("ignores a damaged cursor and starts from the beginning", async () => {
    const page = await listPublicDiarium({ municipalityId: "stockholm", params: { efter: "AAAA" }, pageSize: 3 });
    expect(page.cursorIgnored).toBe(true);
    expect(page.rows).toHaveLength(3);
  });
});
