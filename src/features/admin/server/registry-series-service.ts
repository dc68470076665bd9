// Diarieserier: one per committee. Editing a series changes how future numbers look;
// numbers already given are stored on their cases and never change.
import "server-only";
import type { z } from "zod";
import { randomUUID } from "node:crypto";
import { documentNumberLooksLikeCaseNumber, seriesFormatsOverlap } from "@/lib/case-number";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { highestGivenSequence, lockSeriesCounter, setSeriesCounter } from "@/server/registry-counters";
import { ZCreateRegistrySeriesSchema, ZSetNextSerialSchema, ZUpdateRegistrySeriesSchema } from "../schemas";
import { adminMunicipalityOf, assertAdminOf } from "@/server/authz";
import type { AdminWriteOptions } from "./organisation-service";
import { fieldError, staleWrite, withUniqueMessage } from "./write-helpers";

const SERIES_EXISTS = "Nämnden har redan en diarieserie. Ändra den befintliga i stället.";

type SeriesNumbering = { format: string; prefix: string; seqPadding: number; documentNumberFormat: string };

/**
 * Case numbers are unique per series, so two series of one municipality must never be able
 * to print the same number (the public diarium and the registrators search across series),
 * and a handling number must never read as a diarienummer.
 */
const assertDistinctNumbering = async (tx: Tx, { municipalityId, seriesId, numbering }: { municipalityId: string; seriesId?: string; numbering: SeriesNumbering }) => {
  if (documentNumberLooksLikeCaseNumber(numbering)) {
    throw fieldError("VALIDATION", "documentNumberFormat", "Handlingsnumren skulle kunna läsas som diarienummer i serien. Välj ett annat skiljetecken, t.ex. {number}:{n} eller {number} nr {n}.");
  }
  const others = await tx.registrySeries.findMany({
    where: { committee: { municipalityId }, ...(seriesId ? { id: { not: seriesId } } : {}) },
    select: { name: true, format: true, prefix: true, seqPadding: true, committee: { select: { name: true } } },
  });
  const clash = others.find((other) => seriesFormatsOverlap(numbering, other));
  if (clash) {
    throw fieldError(
      "CONFLICT",
      "prefix",
      `Prefix och format kan ge samma diarienummer som diarieserien ${clash.name} (${clash.committee.name}). Välj ett annat prefix eller format.`,
    );
  }
};

export const createRegistrySeries = async ({ actor, input: data }: AdminWriteOptions<z.output<typeof ZCreateRegistrySeriesSchema>>) => {
  adminMunicipalityOf(actor);
  return withUniqueMessage(
    () =>
      db.$transaction(async (tx) => {
        const committee = await tx.committee.findUnique({ where: { id: data.committeeId }, select: { municipalityId: true, registrySeries: { select: { id: true } } } });
        if (!committee) throw fieldError("VALIDATION", "committeeId", "Nämnden finns inte. Välj en nämnd i listan.");
        assertAdminOf(actor, committee.municipalityId);
        if (committee.registrySeries) throw fieldError("CONFLICT", "committeeId", SERIES_EXISTS);
        await assertDistinctNumbering(tx, { municipalityId: committee.municipalityId, numbering: data });
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
    await assertDistinctNumbering(tx, { municipalityId: before.committee.municipalityId, seriesId: id, numbering: data });
    const { count } = await tx.registrySeries.updateMany({ where: { id, updatedAt }, data });
    if (count === 0) throw staleWrite("RegistrySeries", id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "registry_series.update",
      entityType: "RegistrySeries",
      entityId: id,
      data: {
        before: { name: before.name, format: before.format, prefix: before.prefix, seqPadding: before.seqPadding, documentNumberFormat: before.documentNumberFormat },
        after: data,
      },
    });
  });
};

/**
 * Sets where the counter of a year continues: a registry that starts mid-year, or one whose
 * earlier numbers were given in another system. Never at or below a serial a case of the
 * series already has in that year, so no number is given twice.
 */
export const setNextSerial = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZSetNextSerialSchema>>) => {
  adminMunicipalityOf(actor);
  const { seriesId, year, nextSerial } = input;
  await db.$transaction(async (tx) => {
    const series = await tx.registrySeries.findUnique({ where: { id: seriesId }, select: { name: true, committee: { select: { municipalityId: true } } } });
    if (!series) throw new AppError("NOT_FOUND", `Registry series ${seriesId} not found`);
    assertAdminOf(actor, series.committee.municipalityId);
    const before = await lockSeriesCounter(tx, { seriesId, year });
    const highest = await highestGivenSequence(tx, { seriesId, year });
    if (nextSerial <= highest) {
      throw fieldError("VALIDATION", "nextSerial", `Löpnummer ${highest} är redan givet ${year}. Nästa löpnummer måste vara minst ${highest + 1}.`);
    }
    await setSeriesCounter(tx, { seriesId, year, lastValue: nextSerial - 1 });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "registry_series.set_next_serial",
      entityType: "RegistrySeries",
      entityId: seriesId,
      data: { name: series.name, year, nextSerial, before: before + 1 },
    });
  });
};
