// Statement templates: versioned per municipality. The default template is created by
// the seed and, lazily, the first time a statement is created in a municipality without one.
// A committee may have its own template (a copy the admin made): it is the default for the
// committee's cases, and the municipality's templates remain to choose from.
// Editing creates a new version; statements keep the version they were created from.
import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Db, type Tx } from "@/server/db";
import { administeredMunicipalityIds, can } from "@/server/authz";
import { AppError } from "@/server/errors";
import { DEFAULT_TEMPLATE_DEFINITION, DEFAULT_TEMPLATE_KEY, DEFAULT_TEMPLATE_NAME, TEMPLATE_CONFLICT_MESSAGE } from "../content";
import { ZTemplateDefinitionSchema, type TTemplateCreateInput, type TTemplateDefinition, type TTemplateEditInput } from "../schemas";
import { assignSectionKeys, sectionKeyFromHeading } from "../template-keys";
import { zodFieldErrors } from "@/lib/field-errors";

export type StatementTemplateRow = { id: string; key: string; name: string; version: number; definition: TTemplateDefinition };

const toRow = (row: { id: string; key: string; name: string; version: number; definition: unknown }): StatementTemplateRow => ({
  ...row,
  // Raw: the admin edits headings with their "{proposer}".
  definition: ZTemplateDefinitionSchema.parse(row.definition),
});

/**
 * The newest version of the municipality's default template, created (with its audit event)
 * when missing; idempotent under concurrency.
 */
export const ensureDefaultTemplate = async (client: Tx, municipalityId: string): Promise<StatementTemplateRow> => {
  const find = () =>
    client.statementTemplate.findFirst({ where: { municipalityId, committeeId: null, isDefault: true }, orderBy: { version: "desc" } });
  const existing = await find();
  if (existing) return toRow(existing);
  // skipDuplicates: two first statements created at once both try; one insert wins, both read it.
  const inserted = await client.statementTemplate.createMany({
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
  if (inserted.count > 0) {
    await recordAudit(client, { actorId: null, action: "statement_template.create_default", entityType: "StatementTemplate", entityId: created.id, data: { municipalityId, version: 1 } });
  }
  return toRow(created);
};

export type TemplateListRow = StatementTemplateRow & { municipalityId: string; committeeId: string | null; committeeName: string | null; isDefault: boolean; updatedAt: Date };

const WITH_COMMITTEE = { committee: { select: { name: true } } } as const;

type TemplateRecord = Prisma.StatementTemplateGetPayload<{ include: typeof WITH_COMMITTEE }>;

/** Rows ordered by municipality, key and version (newest first) → the newest version of each key. */
const newestPerKey = (rows: TemplateRecord[]): TemplateRecord[] =>
  rows.filter((row, index) => index === 0 || rows[index - 1]!.key !== row.key || rows[index - 1]!.municipalityId !== row.municipalityId);

// A version row is never changed: the newest version's creation is the template's last change.
const toListRow = (row: TemplateRecord): TemplateListRow => ({
  ...toRow(row),
  municipalityId: row.municipalityId,
  committeeId: row.committeeId,
  committeeName: row.committee?.name ?? null,
  isDefault: row.isDefault,
  updatedAt: row.createdAt,
});

/** The newest version of every template key in the admin's municipalities. */
export const listTemplatesForAdmin = async (actor: Actor): Promise<TemplateListRow[]> => {
  const municipalities = administeredMunicipalityIds(actor);
  if (municipalities.length === 0) throw new AppError("FORBIDDEN", "Templates are edited by admins");
  for (const municipalityId of municipalities) await db.$transaction((tx) => ensureDefaultTemplate(tx, municipalityId));
  const rows = await db.statementTemplate.findMany({
    where: { municipalityId: { in: municipalities } },
    orderBy: [{ municipalityId: "asc" }, { key: "asc" }, { version: "desc" }],
    include: WITH_COMMITTEE,
  });
  return newestPerKey(rows).map(toListRow);
};

/**
 * The templates a committee's case may be written from (newest versions): the committee's
 * own and the municipality's. `isDefault` marks the one preselected: the committee's own
 * template when it has one, otherwise the municipality's default. Default first.
 */
export const templatesForCommittee = async (client: Tx | Db, { municipalityId, committeeId }: { municipalityId: string; committeeId: string }): Promise<TemplateListRow[]> => {
  const rows = await client.statementTemplate.findMany({
    where: { municipalityId, OR: [{ committeeId: null }, { committeeId }] },
    orderBy: [{ key: "asc" }, { version: "desc" }],
    include: WITH_COMMITTEE,
  });
  const newest = newestPerKey(rows);
  const chosen = newest.find((row) => row.committeeId === committeeId) ?? newest.find((row) => row.committeeId === null && row.isDefault);
  return newest
    .map((row) => ({ ...toListRow(row), isDefault: row.id === chosen?.id }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.name.localeCompare(b.name, "sv"));
};

export type TemplateVersionRow = { id: string; version: number; createdAt: Date; statementCount: number };
export type TemplateForAdmin = TemplateListRow & { versions: TemplateVersionRow[] };

export type GetTemplateForAdminOptions = { actor: Actor; municipalityId: string; key: string };

/**
 * The newest version of one template, with every version and how many statements use it
 * (a statement keeps the version it was created from). NOT_FOUND for anyone who is not
 * ADMIN of the municipality: the template's existence is not revealed.
 */
export const getTemplateForAdmin = async ({ actor, municipalityId, key }: GetTemplateForAdminOptions): Promise<TemplateForAdmin> => {
  if (!can(actor, "admin.manage", { municipalityId })) throw new AppError("NOT_FOUND", `Template ${key} of ${municipalityId} not visible to ${actor.id}`);
  const rows = await db.statementTemplate.findMany({
    where: { municipalityId, key },
    orderBy: { version: "desc" },
    include: { ...WITH_COMMITTEE, _count: { select: { statements: true } } },
  });
  const newest = rows[0];
  if (!newest) throw new AppError("NOT_FOUND", `Template ${key} of ${municipalityId} not found`);
  return {
    ...toListRow(newest),
    versions: rows.map((row) => ({ id: row.id, version: row.version, createdAt: row.createdAt, statementCount: row._count.statements })),
  };
};

const conflict = (cause?: unknown) => new AppError("CONFLICT", "Template has a newer version", { userMessage: TEMPLATE_CONFLICT_MESSAGE, cause });

const invalid = (fieldErrors: Record<string, string[]>) =>
  new AppError("VALIDATION", "Invalid template", { userMessage: "Mallen är inte sparad. Rätta de markerade fälten.", fieldErrors });

/**
 * The definition to store: sections added in the form get keys from their headings, and a
 * prefill only applies to text sections. Validated as a whole (one Förslag till beslut …).
 */
const definitionToStore = (input: TTemplateEditInput["definition"]): TTemplateDefinition => {
  const sections = assignSectionKeys(input.sections).map((section) => (section.kind === "RICH_TEXT" ? section : { ...section, prefill: "NONE" as const }));
  const parsed = ZTemplateDefinitionSchema.safeParse({ ...input, sections });
  if (!parsed.success) throw invalid(zodFieldErrors(parsed.error, ["definition"]));
  return parsed.data;
};

export type UpdateTemplateOptions = { actor: Actor; input: TTemplateEditInput };

/**
 * Saves an edited template as a new version. `templateId` names the version the admin
 * edited: if someone else saved a newer one meanwhile, CONFLICT and nothing is written
 * (the unique (municipality, key, version) makes the check race-free: of two saves based
 * on the same version, one insert fails). Statements keep the version they were made from.
 */
export const updateStatementTemplate = async ({ actor, input }: UpdateTemplateOptions): Promise<StatementTemplateRow> => {
  const { templateId, name } = input;
  const definition = definitionToStore(input.definition);
  try {
    return await db.$transaction(async (tx) => {
      const edited = await tx.statementTemplate.findUnique({ where: { id: templateId } });
      if (!edited || !can(actor, "admin.manage", { municipalityId: edited.municipalityId })) throw new AppError("NOT_FOUND", `Template ${templateId} not found`);
      const newest = await tx.statementTemplate.findFirst({ where: { municipalityId: edited.municipalityId, key: edited.key }, orderBy: { version: "desc" } });
      if (newest && newest.version !== edited.version) throw conflict();
      const created = await tx.statementTemplate.create({
        data: {
          municipalityId: edited.municipalityId,
          key: edited.key,
          name,
          version: edited.version + 1,
          definition: definition as unknown as Prisma.InputJsonValue,
          committeeId: edited.committeeId,
          isDefault: edited.isDefault,
        },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "statementTemplate.update",
        entityType: "StatementTemplate",
        entityId: created.id,
        data: {
          key: created.key,
          name: created.name,
          version: created.version,
          basedOn: edited.id,
          sections: definition.sections.map((section) => ({ key: section.key, heading: section.heading, kind: section.kind, required: section.required })),
        },
      });
      return toRow(created);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw conflict(error);
    throw error;
  }
};

export type CreateTemplateOptions = { actor: Actor; input: TTemplateCreateInput };

/** A key for a new template: its name's slug, unique in the municipality. */
const newTemplateKey = async (tx: Tx, municipalityId: string, name: string): Promise<string> => {
  const taken = new Set((await tx.statementTemplate.findMany({ where: { municipalityId }, distinct: ["key"], select: { key: true } })).map((row) => row.key));
  return sectionKeyFromHeading(name, taken);
};

/**
 * "Ny mall": a copy of one of the municipality's templates (its newest version), for the
 * whole municipality or for one committee, with its own name and proposer. A committee has
 * at most one own template, which is the default for its cases; the committee row is locked
 * so that two admins cannot both give it one.
 */
export const createStatementTemplate = async ({ actor, input }: CreateTemplateOptions): Promise<StatementTemplateRow> =>
  db.$transaction(async (tx) => {
    const source = await tx.statementTemplate.findUnique({ where: { id: input.basedOnTemplateId } });
    if (!source || !can(actor, "admin.manage", { municipalityId: source.municipalityId })) throw new AppError("NOT_FOUND", `Template ${input.basedOnTemplateId} not found`);
    const { municipalityId } = source;
    const newest = await tx.statementTemplate.findFirstOrThrow({ where: { municipalityId, key: source.key }, orderBy: { version: "desc" } });
    if (input.committeeId) {
      await tx.$queryRaw`SELECT id FROM "committee" WHERE id = ${input.committeeId} FOR UPDATE`;
      const committee = await tx.committee.findUnique({ where: { id: input.committeeId }, select: { municipalityId: true, name: true, templates: { select: { name: true }, take: 1 } } });
      if (!committee || committee.municipalityId !== municipalityId) throw invalid({ committeeId: ["Välj en nämnd i kommunen."] });
      const own = committee.templates[0];
      if (own) throw invalid({ committeeId: [`${committee.name} har redan en egen mall (${own.name}). Ändra den i stället.`] });
    }
    const definition: TTemplateDefinition = { ...ZTemplateDefinitionSchema.parse(newest.definition), proposer: input.proposer };
    const created = await tx.statementTemplate.create({
      data: {
        municipalityId,
        committeeId: input.committeeId ?? null,
        key: await newTemplateKey(tx, municipalityId, input.name),
        name: input.name,
        version: 1,
        definition: definition as unknown as Prisma.InputJsonValue,
        // A committee's own template is the default for its cases; the municipality keeps its default.
        isDefault: input.committeeId !== undefined,
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "statementTemplate.create",
      entityType: "StatementTemplate",
      entityId: created.id,
      data: { key: created.key, name: created.name, basedOn: newest.id, committeeId: created.committeeId, proposer: input.proposer.name },
    });
    return toRow(created);
  });
