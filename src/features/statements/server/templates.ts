// Statement templates: versioned per municipality. The default template is created by
// the seed and, lazily, the first time a statement is created in a municipality without one.
// Editing creates a new version; statements keep the version they were created from.
// No `import "server-only"`: the demo seed (scripts/start.ts, plain Node) uses this module;
// it imports nothing from next/* and is never imported by a client component.
import type { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { DEFAULT_TEMPLATE_DEFINITION, DEFAULT_TEMPLATE_KEY, DEFAULT_TEMPLATE_NAME } from "../content";
import { ZTemplateEditSchema, type TTemplateDefinition } from "../schemas";
import { parseTemplateDefinition } from "./statement-access";

export type StatementTemplateRow = { id: string; key: string; name: string; version: number; definition: TTemplateDefinition };

const toRow = (row: { id: string; key: string; name: string; version: number; definition: unknown }): StatementTemplateRow => ({
  ...row,
  definition: parseTemplateDefinition(row.definition),
});

/** The newest version of the municipality's default template, created when missing (idempotent under concurrency). */
export const ensureDefaultTemplate = async (client: Db | Tx, municipalityId: string): Promise<StatementTemplateRow> => {
  const find = () =>
    client.statementTemplate.findFirst({ where: { municipalityId, isDefault: true }, orderBy: { version: "desc" } });
  const existing = await find();
  if (existing) return toRow(existing);
  // skipDuplicates: two first statements created at once both try; one insert wins, both read it.
  await client.statementTemplate.createMany({
    data: [
      {
        municipalityId,
        key: DEFAULT_TEMPLATE_KEY,
        name: DEFAULT_TEMPLATE_NAME,
        version: 1,
        definition: DEFAULT_TEMPLATE_DEFINITION as unknown as Prisma.InputJsonValue,
        isDefault: true,
      },
    ],
    skipDuplicates: true,
  });
  const created = await find();
  if (!created) throw new Error(`Default statement template of ${municipalityId} could not be created`);
  return toRow(created);
};

const adminMunicipalities = (actor: Actor): string[] =>
  actor.memberships.filter((membership) => membership.role === "ADMIN" && membership.unitType === "MUNICIPALITY").map((membership) => membership.unitId);

/** The newest version of every template key in the admin's municipalities. */
export const listTemplatesForAdmin = async (actor: Actor): Promise<(StatementTemplateRow & { isDefault: boolean; updatedAt: Date })[]> => {
  const municipalities = adminMunicipalities(actor);
  if (municipalities.length === 0) throw new AppError("FORBIDDEN", "Templates are edited by admins");
  for (const municipalityId of municipalities) await ensureDefaultTemplate(db, municipalityId);
  const rows = await db.statementTemplate.findMany({
    where: { municipalityId: { in: municipalities } },
    orderBy: [{ key: "asc" }, { version: "desc" }],
  });
  const newest = rows.filter((row, index) => index === 0 || rows[index - 1]!.key !== row.key || rows[index - 1]!.municipalityId !== row.municipalityId);
  return newest.map((row) => ({ ...toRow(row), isDefault: row.isDefault, updatedAt: row.createdAt }));
};

export type UpdateTemplateOptions = { actor: Actor; input: unknown };

/**
 * Saves an edited template as a new version. `templateId` names the version the admin
 * edited: if someone else saved a newer one meanwhile, CONFLICT (the unique version
 * number makes the check race-free).
 */
export const updateStatementTemplate = async ({ actor, input }: UpdateTemplateOptions): Promise<StatementTemplateRow> => {
  const parsed = ZTemplateEditSchema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", "Invalid template", { fieldErrors: Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join(".") || "_form", [issue.message]])) });
  const { templateId, name, definition } = parsed.data;
  return db.$transaction(async (tx) => {
    const edited = await tx.statementTemplate.findUnique({ where: { id: templateId } });
    if (!edited || !adminMunicipalities(actor).includes(edited.municipalityId)) throw new AppError("NOT_FOUND", `Template ${templateId} not found`);
    const newest = await tx.statementTemplate.findFirst({ where: { municipalityId: edited.municipalityId, key: edited.key }, orderBy: { version: "desc" } });
    if (newest && newest.version !== edited.version) {
      throw new AppError("CONFLICT", "Template has a newer version", { userMessage: "Någon annan har sparat en nyare version av mallen. Läs in sidan på nytt." });
    }
    const created = await tx.statementTemplate.create({
      data: {
        municipalityId: edited.municipalityId,
        key: edited.key,
        name,
        version: edited.version + 1,
        definition: definition as unknown as Prisma.InputJsonValue,
        isDefault: edited.isDefault,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "statementTemplate.update",
      entityType: "StatementTemplate",
      entityId: created.id,
      data: { key: created.key, version: created.version },
    });
    return toRow(created);
  });
};
