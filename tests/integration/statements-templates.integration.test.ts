// Statement templates edited by the municipality's admin: every save is a new version with
// its audit event; others are refused without learning anything; a stale edit is a
// conflict; statements keep the version they were created from, and a required section
// added to the template is enforced when the statement is sent for attestation.
import { beforeAll, describe, expect, it } from "vitest";
import { sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { DEFAULT_TEMPLATE_KEY, TEMPLATE_CONFLICT_MESSAGE } from "@/features/statements/content";
import { doc, paragraph } from "@/features/statements/rich-text";
import { ZStatementContentSchema, type TTemplateDefinition, type TTemplateSectionInput, ZSaveSectionSchema, ZCreateStatementSchema, ZTemplateEditSchema } from "@/features/statements/schemas";
import { createStatement } from "@/features/statements/server/create-statement";
import { saveStatementSection } from "@/features/statements/server/save-statement-section";
import { getStatementPage } from "@/features/statements/server/statement-queries";
import { getTemplateForAdmin, listTemplatesForAdmin, updateStatementTemplate, type TemplateForAdmin } from "@/features/statements/server/templates";
import type { Actor } from "@/server/auth/actor";
import { createTestDatabase } from "../support/database";
import { actorFor, createCase, expectAppError, setupOrganisation } from "./statements-fixtures";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

let admin: Actor;
let clas: Actor;
let otherAdmin: Actor;

beforeAll(async () => {
  await setupOrganisation(db);
  // A second municipality with its own admin: a cross-unit actor for the templates.
  await db.municipality.create({ data: { id: "goteborg", name: "Göteborgs stad", slug: "goteborg" } });
  await db.user.create({
    data: { id: "00000000-0000-7000-8000-00000000a101", username: "gbg.admin", name: "Göta Admin", memberships: { create: { role: "ADMIN", municipalityId: "goteborg" } } },
  });
  admin = await actorFor(db, "admin");
  clas = await actorFor(db, "clas.cederlid");
  otherAdmin = await actorFor(db, "gbg.admin");
});

const newest = (): Promise<TemplateForAdmin> => getTemplateForAdmin({ actor: admin, municipalityId: "stockholm", key: DEFAULT_TEMPLATE_KEY });

type SectionsChange = (sections: TTemplateSectionInput[]) => TTemplateSectionInput[];

const editInput = (base: { id: string; name: string; definition: TTemplateDefinition }, change: SectionsChange = (sections) => sections, name = base.name) => ({
  templateId: base.id,
  name,
  definition: { ...base.definition, sections: change(base.definition.sections) },
});

const edit = async (actor: Actor, change?: SectionsChange, base?: TemplateForAdmin) => updateStatementTemplate({ actor, input: parseInput(ZTemplateEditSchema, editInput(base ?? (await newest()), change)) });

const templateState = async () => ({
  versions: await db.statementTemplate.count(),
  audit: await db.auditEvent.count({ where: { action: "statementTemplate.update" } }),
});

const newSection = (heading: string, required = false): TTemplateSectionInput => ({ heading, kind: "RICH_TEXT", required, prefill: "NONE" });

const statementOnNewCase = async () => {
  const { caseId } = await createCase(db);
  const { statementId } = await createStatement({ actor: clas, input: parseInput(ZCreateStatementSchema, { caseId, attachmentDocumentIds: [] }) });
  return { caseId, statementId };
};

const firstVersionContent = async (statementId: string) =>
  ZStatementContentSchema.parse((await db.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId, number: 1 } } })).content);

const fill = async (statementId: string, sectionKey: string) => {
  const { currentVersion } = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
  const result = await saveStatementSection({ actor: clas, input: parseInput(ZSaveSectionSchema, { statementId, baseVersion: currentVersion, kind: "richText", sectionKey, value: doc(paragraph(`Text i ${sectionKey}.`)) }) });
  expect(result.status).toBe("SAVED");
};

const send = async (caseId: string, statementId: string) => {
  const linda = await db.user.findUniqueOrThrow({ where: { username: "linda.palo" } });
  const lee = await db.user.findUniqueOrThrow({ where: { username: "lee.orberson" } });
  const { currentVersion } = await db.statement.findUniqueOrThrow({ where: { id: statementId } });
  return sendStatementForAttestation({ actor: clas, input: { caseId, order: "SEQUENTIAL", attesterIds: [linda.id, lee.id], versionNumber: currentVersion } });
};

describe("editing a template", () => {
  it("saves the admin's edit as the next version with its audit event, and keys the new section from its heading", async () => {
    const [listed] = (await listTemplatesForAdmin(admin)).filter((template) => template.key === DEFAULT_TEMPLATE_KEY);
    expect(listed).toMatchObject({ municipalityId: "stockholm", version: 1, name: "Tjänsteutlåtande – yttrande över remiss" });
    const before = await templateState();

    const saved = await edit(admin, (sections) => [...sections, newSection("Ekonomiska konsekvenser")]);

    expect(saved.version).toBe(2);
    expect(saved.definition.sections.at(-1)).toEqual({ key: "ekonomiska-konsekvenser", heading: "Ekonomiska konsekvenser", kind: "RICH_TEXT", required: false, prefill: "NONE" });
    expect(await templateState()).toEqual({ versions: before.versions + 1, audit: before.audit + 1 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "statementTemplate.update", entityId: saved.id } });
    expect(event).toMatchObject({ actorId: admin.id, entityType: "StatementTemplate" });
    expect(event.data).toMatchObject({ key: DEFAULT_TEMPLATE_KEY, version: 2, basedOn: listed!.id });
    // The first version is kept as it was.
    expect((await db.statementTemplate.findUniqueOrThrow({ where: { id: listed!.id } })).definition).toEqual(listed!.definition);
    const current = await newest();
    expect(current).toMatchObject({ id: saved.id, version: 2 });
    expect(current.versions.map((version) => version.version)).toEqual([2, 1]);
    expect((await listTemplatesForAdmin(admin)).find((template) => template.key === DEFAULT_TEMPLATE_KEY)?.version).toBe(2);
  });

  it("refuses a handläggare and the admin of another municipality, and changes nothing", async () => {
    const base = await newest();
    const before = await templateState();
    const change: SectionsChange = (sections) => sections.slice(0, 2);

    await expectAppError(edit(clas, change, base), "NOT_FOUND");
    await expectAppError(edit(otherAdmin, change, base), "NOT_FOUND");
    await expectAppError(listTemplatesForAdmin(clas), "FORBIDDEN");
    await expectAppError(getTemplateForAdmin({ actor: clas, municipalityId: "stockholm", key: DEFAULT_TEMPLATE_KEY }), "NOT_FOUND");
    await expectAppError(getTemplateForAdmin({ actor: otherAdmin, municipalityId: "stockholm", key: DEFAULT_TEMPLATE_KEY }), "NOT_FOUND");
    // The other admin sees only their own municipality's templates.
    expect((await listTemplatesForAdmin(otherAdmin)).map((template) => template.municipalityId)).toEqual(["goteborg"]);

    expect(await templateState()).toEqual({ versions: before.versions + 1 /* Göteborg's default, created on listing */, audit: before.audit });
    expect(await newest()).toEqual(base);
  });

  it("refuses an edit based on an older version as a conflict, and lets only one of two simultaneous edits win", async () => {
    const base = await newest();
    await edit(admin, (sections) => sections, base);
    const before = await templateState();

    const stale = await expectAppError(edit(admin, (sections) => [...sections, newSection("Miljö")], base), "CONFLICT");
    expect(stale.userMessage).toBe(TEMPLATE_CONFLICT_MESSAGE);
    expect(await templateState()).toEqual(before);

    const current = await newest();
    const results = await Promise.allSettled([edit(admin, (sections) => sections, current), edit(admin, (sections) => sections, current)]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((result) => result.status === "rejected");
    expect(rejected?.status === "rejected" && rejected.reason).toMatchObject({ code: "CONFLICT", userMessage: TEMPLATE_CONFLICT_MESSAGE });
    expect((await newest()).version).toBe(current.version + 1);
  });

  it("answers invalid input with Swedish messages per field and stores nothing", async () => {
    const base = await newest();
    const before = await templateState();

    const emptyHeading = await expectAppError(edit(admin, (sections) => [...sections, newSection("  ")], base), "VALIDATION");
    expect(emptyHeading.fieldErrors?.[`definition.sections.${base.definition.sections.length}.heading`]).toEqual(["Ange en rubrik."]);

    const twoProposals = await expectAppError(edit(admin, (sections) => [...sections, { heading: "Beslut igen", kind: "DECISION_POINTS", required: false, prefill: "NONE" }], base), "VALIDATION");
    expect(twoProposals.fieldErrors?.["definition.sections"]).toEqual(["Avsnittstypen Förslag till beslut får bara förekomma en gång i mallen."]);

    const noName = await expectAppError(() => updateStatementTemplate({ actor: admin, input: parseInput(ZTemplateEditSchema, editInput(base, undefined, "")) }), "VALIDATION");
    expect(noName.fieldErrors?.name).toEqual(["Ange ett namn."]);

    const noSections = await expectAppError(edit(admin, () => [], base), "VALIDATION");
    expect(noSections.fieldErrors?.["definition.sections"]).toEqual(["Mallen måste ha minst ett avsnitt."]);

    // A version or status cannot be smuggled in.
    await expectAppError(() => updateStatementTemplate({ actor: admin, input: parseInput(ZTemplateEditSchema, { ...editInput(base), version: 99 }) }), "VALIDATION");
    expect(await templateState()).toEqual(before);
  });
});

describe("statements and template versions", () => {
  it("leaves a section dropped in a new version out of statements created afterwards; earlier statements keep their version", async () => {
    const earlier = await statementOnNewCase();
    const before = await newest();
    expect(before.definition.sections.map((section) => section.key)).toContain("synpunkter");
    const earlierStatement = await db.statement.findUniqueOrThrow({ where: { id: earlier.statementId } });
    expect(earlierStatement.templateId).toBe(before.id);

    const dropped = await edit(admin, (sections) => sections.filter((section) => section.key !== "synpunkter"));

    const later = await statementOnNewCase();
    expect((await db.statement.findUniqueOrThrow({ where: { id: later.statementId } })).templateId).toBe(dropped.id);
    expect((await firstVersionContent(later.statementId)).sections.map((section) => section.key)).not.toContain("synpunkter");
    const laterPage = await getStatementPage({ actor: clas, caseId: later.caseId });
    expect(laterPage.statement?.definition.sections.map((section) => section.heading)).not.toContain("Förvaltningens synpunkter och förslag");

    // The earlier statement: same template version, same content, the section still in its editor.
    expect(await db.statement.findUniqueOrThrow({ where: { id: earlier.statementId } })).toEqual(earlierStatement);
    expect((await firstVersionContent(earlier.statementId)).sections.map((section) => section.key)).toContain("synpunkter");
    const earlierPage = await getStatementPage({ actor: clas, caseId: earlier.caseId });
    expect(earlierPage.statement?.definition.sections.map((section) => section.heading)).toContain("Förvaltningens synpunkter och förslag");
    expect((await newest()).versions.find((version) => version.id === before.id)?.statementCount).toBeGreaterThanOrEqual(1);
  });

  it("enforces a required section added to the template when the statement is sent for attestation", async () => {
    const saved = await edit(admin, (sections) => [...sections, newSection("Konsekvenser för barn", true)]);
    const key = saved.definition.sections.at(-1)!.key;
    expect(key).toBe("konsekvenser-for-barn");

    const { caseId, statementId } = await statementOnNewCase();
    for (const section of saved.definition.sections.filter((item) => item.kind === "RICH_TEXT" && item.required && item.key !== key)) await fill(statementId, section.key);
    expect((await getStatementPage({ actor: clas, caseId })).statement?.missingRequired).toEqual(["Konsekvenser för barn"]);

    const refused = await expectAppError(send(caseId, statementId), "INVALID_STATE");
    expect(refused.userMessage).toBe("Fyll i de obligatoriska avsnitten innan du skickar: Konsekvenser för barn.");
    expect((await db.statement.findUniqueOrThrow({ where: { id: statementId } })).status).toBe("DRAFT");
    expect(await db.attestationRequest.count({ where: { subjectId: statementId } })).toBe(0);

    await fill(statementId, key);
    await send(caseId, statementId);
    expect((await db.statement.findUniqueOrThrow({ where: { id: statementId } })).status).toBe("IN_ATTESTATION");
  });
});
