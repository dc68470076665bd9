// The public diarium shows the sender's remissmissiv with its remissinstanser and whether each
// has answered (public information, never the position), and masks them exactly like the
// handling's recipient when the case is confidential.
import { beforeAll, describe, expect, it } from "vitest";
import { listPublicDiarium } from "@/features/diarium/server/public-diarium";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { createSentCase, setupReferralWorld } from "./referral-fixtures";

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
  await setupReferralWorld();
});

const missivRow = async (caseId: string) => {
  const { caseNumber } = await database.db.case.findUniqueOrThrow({ where: { id: caseId }, select: { caseNumber: true } });
  const page = await listPublicDiarium({ municipalityId: "stockholm", params: { q: caseNumber } });
  return { page, row: page.rows.find((row) => row.caseNumber === caseNumber && row.direction === "OUTGOING") };
};

describe("public diarium: the remiss of a sender's case", () => {
  it("lists which instances were asked and whether they have answered, without their positions", async () => {
    const { caseId } = await createSentCase(database.db, {
      instances: [
        { committeeId: "has", name: "Hägersten-Älvsjö stadsdelsnämnd", dueDate: "2024-06-15", status: "ANSWERED", answeredDate: "2024-06-20", position: "SUPPORTS_WITH_CHANGES", summary: "Tillstyrker med ändringar." },
        { committeeId: "sos", name: "Södermalms stadsdelsnämnd", dueDate: "2024-06-15", status: "ACCEPTED" },
        { name: "Polismyndigheten", email: "registrator@polisen.example", dueDate: "2024-06-30" },
      ],
    });
    const { row } = await missivRow(caseId);
    expect(row?.referralInstances).toEqual([
      { name: "Hägersten-Älvsjö stadsdelsnämnd", status: "ANSWERED", dueDate: "2024-06-15", answeredDate: "2024-06-20" },
      { name: "Södermalms stadsdelsnämnd", status: "ACCEPTED", dueDate: "2024-06-15", answeredDate: null },
      { name: "Polismyndigheten", status: "SENT", dueDate: "2024-06-30", answeredDate: null },
    ]);
    expect(JSON.stringify(row)).not.toMatch(/SUPPORTS|Tillstyrker|polisen\.example/);
  });

  it("shows nothing of the instances of a confidential case: the row carries only its secrecy marking", async () => {
    const canary = "Kanariefågelns-remissinstans-4411";
    const { caseId } = await createSentCase(database.db, {
      confidential: true,
      instances: [{ name: canary, email: "kanarie@example.org", dueDate: "2024-06-15", status: "ANSWERED", answeredDate: "2024-06-01" }],
    });
    const { page, row } = await missivRow(caseId);
    expect(row).toMatchObject({ secrecyReference: "OSL 21 kap. 1 §", referralInstances: null, counterpart: null, caseTitle: null });
    expect(JSON.stringify(page)).not.toContain(canary);
    // A search for the hidden name finds nothing either.
    expect((await listPublicDiarium({ municipalityId: "stockholm", params: { q: canary } })).rows).toEqual([]);
  });
});
