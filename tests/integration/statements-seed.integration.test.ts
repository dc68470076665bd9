import { describe, expect, it } from "vitest";
import { ZStatementContentSchema } from "@/features/statements/schemas";
import { REFERENCE_CASE_ID } from "../../scripts/seed/demo-cases";
import { seedDemoData } from "../../scripts/seed/demo";
import { seedDemoStatements } from "../../scripts/seed/demo-statements";
import { createTestDatabase } from "../support/database";
import { richTextMarkup } from "../support/render-rich-text";

const { db } = await createTestDatabase();

describe("demo statements", () => {
  it("gives the reference case the reference tjänsteutlåtande as a draft by clas.cederlid, once", async () => {
    await seedDemoData({ nodeEnv: "test", force: false });
    expect(await db.$transaction((tx) => seedDemoStatements(tx))).toEqual({ statementCreated: true });
    expect(await db.$transaction((tx) => seedDemoStatements(tx))).toEqual({ statementCreated: false });

    const statement = await db.statement.findUniqueOrThrow({ where: { caseId: REFERENCE_CASE_ID }, include: { versions: true, createdBy: true } });
    expect(statement).toMatchObject({ status: "DRAFT", currentVersion: 1, createdBy: { username: "clas.cederlid" } });
    expect(statement.versions).toHaveLength(1);
    const content = ZStatementContentSchema.parse(statement.versions[0]!.content);
    expect(content.header).toMatchObject({ caseOfficerName: "Clas Cederlid", caseOfficerPhone: "08-50823326", committeeName: "Hägersten-Älvsjö stadsdelsnämnd", meetingDate: "2024-04-25", subtitle: "Yttrande till kommunstyrelsen" });
    expect(content.decisionPoints[0]!.text).toBe("Hägersten-Älvsjö stadsdelsnämnd godkänner förvaltningens tjänsteutlåtande och överlämnar det till kommunstyrelsen som svar på remissen.");
    expect(content.signatories.map((signatory) => `${signatory.name}, ${signatory.title}`)).toEqual(["Lee Orberson, stadsdelsdirektör", "Linda Palo, avdelningschef"]);
    expect(content.attachments.map((attachment) => attachment.description)).toContain("Remissunderlag Motion Stoppa de öppna drogscenerna");
    const html = Object.fromEntries(content.sections.map((section) => [section.key, richTextMarkup(section.body)]));
    expect(html.arendet).toContain("<ul><li><div><p>Stockholms stad utreder");
    expect(html.synpunkter).toContain("<em>Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete</em>");
    expect(html.synpunkter).toContain('<a href="http://www.oppnadrogscener.se" rel="noopener noreferrer">www.oppnadrogscener.se</a>');
    expect(html["arendets-beredning"]).toContain("informerades på förvaltningsgrupp den 16 april 2024");
    expect(await db.statementTemplate.count({ where: { isDefault: true } })).toBe(1);
  });
});
