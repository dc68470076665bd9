// Committees (nämnder), administrations (förvaltningar) and departments (avdelningar).
// Units are created and renamed, never deleted: cases, roles and series refer to them.
import "server-only";
import type { z } from "zod";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  ZCreateAdministrationSchema,
  ZCreateCommitteeSchema,
  ZCreateDepartmentSchema,
  ZRenameUnitSchema,
  ZUpdateCommitteeSchema,
} from "../schemas";
import { adminMunicipalityOf, assertAdminOf } from "@/server/authz";
import { fieldError, staleWrite, withUniqueMessage } from "./write-helpers";

export type AdminWriteOptions<T> = { actor: Actor; input: T };

const SHORT_NAME_TAKEN = "Förkortningen används redan av en annan nämnd.";

export const createCommittee = async ({ actor, input: data }: AdminWriteOptions<z.output<typeof ZCreateCommitteeSchema>>) => {
  const municipalityId = adminMunicipalityOf(actor);
  return withUniqueMessage(
    () =>
      db.$transaction(async (tx) => {
        const committee = await tx.committee.create({ data: { id: randomUUID(), municipalityId, ...data } });
        await recordAudit(tx, { actorId: actor.id, action: "committee.create", entityType: "Committee", entityId: committee.id, data });
        return committee;
      }),
    "shortName",
    SHORT_NAME_TAKEN,
  );
};

export const updateCommittee = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZUpdateCommitteeSchema>>) => {
  adminMunicipalityOf(actor);
  const { id, updatedAt, ...data } = input;
  return withUniqueMessage(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.committee.findUnique({ where: { id } });
        if (!before) throw new AppError("NOT_FOUND", `Committee ${id} not found`);
        assertAdminOf(actor, before.municipalityId);
        const { count } = await tx.committee.updateMany({ where: { id, updatedAt }, data });
        if (count === 0) throw staleWrite("Committee", id);
        await recordAudit(tx, {
          actorId: actor.id,
          action: "committee.update",
          entityType: "Committee",
          entityId: id,
          data: { before: { name: before.name, shortName: before.shortName }, after: data },
        });
      }),
    "shortName",
    SHORT_NAME_TAKEN,
  );
};

export const createAdministration = async ({ actor, input: data }: AdminWriteOptions<z.output<typeof ZCreateAdministrationSchema>>) => {
  adminMunicipalityOf(actor);
  return db.$transaction(async (tx) => {
    const committee = await tx.committee.findUnique({ where: { id: data.committeeId }, select: { municipalityId: true } });
    if (!committee) throw fieldError("VALIDATION", "committeeId", "Nämnden finns inte. Välj en nämnd i listan.");
    assertAdminOf(actor, committee.municipalityId);
    const administration = await tx.administration.create({ data: { id: randomUUID(), municipalityId: committee.municipalityId, ...data } });
    await recordAudit(tx, { actorId: actor.id, action: "administration.create", entityType: "Administration", entityId: administration.id, data });
    return administration;
  });
};

export const renameAdministration = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZRenameUnitSchema>>) => {
  adminMunicipalityOf(actor);
  const { id, updatedAt, name } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.administration.findUnique({ where: { id } });
    if (!before) throw new AppError("NOT_FOUND", `Administration ${id} not found`);
    assertAdminOf(actor, before.municipalityId);
    const { count } = await tx.administration.updateMany({ where: { id, updatedAt }, data: { name } });
    if (count === 0) throw staleWrite("Administration", id);
    await recordAudit(tx, { actorId: actor.id, action: "administration.update", entityType: "Administration", entityId: id, data: { before: { name: before.name }, after: { name } } });
  });
};

export const createDepartment = async ({ actor, input: data }: AdminWriteOptions<z.output<typeof ZCreateDepartmentSchema>>) => {
  adminMunicipalityOf(actor);
  return db.$transaction(async (tx) => {
    const administration = await tx.administration.findUnique({ where: { id: data.administrationId }, select: { municipalityId: true } });
    if (!administration) throw fieldError("VALIDATION", "administrationId", "Förvaltningen finns inte. Välj en förvaltning i listan.");
    assertAdminOf(actor, administration.municipalityId);
    const department = await tx.department.create({ data: { id: randomUUID(), ...data } });
    await recordAudit(tx, { actorId: actor.id, action: "department.create", entityType: "Department", entityId: department.id, data });
    return department;
  });
};

export const renameDepartment = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZRenameUnitSchema>>) => {
  adminMunicipalityOf(actor);
  const { id, updatedAt, name } = input;
  await db.$transaction(async (tx) => {
    const before = await tx.department.findUnique({ where: { id }, include: { administration: { select: { municipalityId: true } } } });
    if (!before) throw new AppError("NOT_FOUND", `Department ${id} not found`);
    assertAdminOf(actor, before.administration.municipalityId);
    const { count } = await tx.department.updateMany({ where: { id, updatedAt }, data: { name } });
    if (count === 0) throw staleWrite("Department", id);
    await recordAudit(tx, { actorId: actor.id, action: "department.update", entityType: "Department", entityId: id, data: { before: { name: before.name }, after: { name } } });
  });
};
