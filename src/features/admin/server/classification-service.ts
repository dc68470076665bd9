// KLASSA classes of a municipality. Never deleted (cases refer to them): deactivated instead,
// which hides them from new registrations.
import "server-only";
import type { z } from "zod";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ZCreateClassificationSchema, ZUpdateClassificationSchema } from "../schemas";
import { adminMunicipalityOf, assertAdminOf } from "@/server/authz";
import type { AdminWriteOptions } from "./organisation-service";
import { staleWrite, withUniqueMessage } from "./write-helpers";

export const createClassification = async ({ actor, input: data }: AdminWriteOptions<z.output<typeof ZCreateClassificationSchema>>) => {
  const municipalityId = adminMunicipalityOf(actor);
  return withUniqueMessage(
    () =>
      db.$transaction(async (tx) => {
        const classification = await tx.classification.create({ data: { municipalityId, ...data } });
        await recordAudit(tx, { actorId: actor.id, action: "classification.create", entityType: "Classification", entityId: classification.id, data });
        return classification;
      }),
    "code",
    "Koden finns redan.",
  );
};

export const updateClassification = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZUpdateClassificationSchema>>) => {
  adminMunicipalityOf(actor);
  const { id, updatedAt, ...data } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.classification.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", `Classification ${id} not found`);
    assertAdminOf(actor, before.municipalityId);
    const { count } = await tx.classification.updateMany({ where: { id, updatedAt }, data });
    if (count === 0) throw staleWrite("Classification", id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "classification.update",
      entityType: "Classification",
      entityId: id,
      data: { code: before.code, before: { title: before.title, active: before.active }, after: data },
    });
  });
};
