// Diarieserier: one per committee. Editing a series changes how future numbers look;
// numbers already given are stored on their cases and never change.
import "server-only";
import type { z } from "zod";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/server/audit";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ZCreateRegistrySeriesSchema, ZUpdateRegistrySeriesSchema } from "../schemas";
import { adminMunicipalityOf, assertAdminOf } from "@/server/authz";
import type { AdminWriteOptions } from "./organisation-service";
import { fieldError, staleWrite, withUniqueMessage } from "./write-helpers";

const SERIES_EXISTS = "Nämnden har redan en diarieserie. Ändra den befintliga i stället.";

export const createRegistrySeries = async ({ actor, input: data }: AdminWriteOptions<z.output<typeof ZCreateRegistrySeriesSchema>>) => {
  adminMunicipalityOf(actor);
  return withUniqueMessage(
    () =>
      db.$transaction(async (tx) => {
        const committee = await tx.committee.findUnique({ where: { id: data.committeeId }, select: { municipalityId: true, registrySeries: { select: { id: true } } } });
        if (!committee) throw fieldError("VALIDATION", "committeeId", "Nämnden finns inte. Välj en nämnd i listan.");
        assertAdminOf(actor, committee.municipalityId);
        if (committee.registrySeries) throw fieldError("CONFLICT", "committeeId", SERIES_EXISTS);
        const series = await tx.registrySeries.create({ data: { id: randomUUID(), ...data } });
        await recordAudit(tx, { actorId: actor.id, action: "registry_series.create", entityType: "RegistrySeries", entityId: series.id, data });
        return series;
      }),
    "committeeId",
    SERIES_EXISTS,
  );
};

export const updateRegistrySeries = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZUpdateRegistrySeriesSchema>>) => {
  adminMunicipalityOf(actor);
  const { id, updatedAt, ...data } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.registrySeries.findUnique({ where: { id }, include: { committee: { select: { municipalityId: true } } } });
    if (!before) throw new AppError("NOT_FOUND", `Registry series ${id} not found`);
    assertAdminOf(actor, before.committee.municipalityId);
    const { count } = await tx.registrySeries.updateMany({ where: { id, updatedAt }, data });
    if (count === 0) throw staleWrite("RegistrySeries", id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "registry_series.update",
      entityType: "RegistrySeries",
      entityId: id,
      data: { before: { name: before.name, format: before.format, prefix: before.prefix, seqPadding: before.seqPadding }, after: data },
    });
  });
};
