// Committees (nämnder), administrations (förvaltningar) and departments (avdelningar).
// Units are created and renamed, never deleted: cases, roles and series refer to them.
import "server-only";
import type { z } from "zod";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import {
  ZCreateAdministrationSchema,
  ZCreateCommitteeSchema,
  ZCreateDepartmentSchema,
  ZRenameUnitSchema,
  ZUpdateCommitteeSchema,
} from "../schemas";
import { adminMunicipalityOf, assertAdminOf } from "@/server/authz";
import { assertNameFree, fieldError, sameName, staleWrite, withUniqueMessage } from "./write-helpers";
import { DEFAULT_OPENING_ITEMS, kansliName, SUB_COMMITTEE_KINDS } from "../committees";

export type AdminWriteOptions<T> = { actor: Actor; input: T };

const SHORT_NAME_TAKEN = "Förkortningen används redan av en annan nämnd.";

const COMMITTEE_NAME_TAKEN = "Det finns redan en nämnd med det namnet.";
const ADMINISTRATION_NAME_TAKEN = "Det finns redan en förvaltning med det namnet.";
const DEPARTMENT_NAME_TAKEN = "Förvaltningen har redan en avdelning med det namnet.";

/** A new name, not the same one in other letter case: a unit that shares its name with another from before can still be edited. */
const renamed = (before: string, after: string): boolean => before.toLocaleLowerCase("sv") !== after.toLocaleLowerCase("sv");


/** The one department of a committee's own kansli. */
export const KANSLI_DEPARTMENT = "Kansliet";

/** An utskott's or a beredning's parent: a committee of the same municipality that is not itself one (no chains, no cycles). */
const assertParent = async (tx: Tx, parentId: string | undefined, municipalityId: string, selfId?: string): Promise<void> => {
  if (!parentId) return;
  const parent = await tx.committee.findUnique({ where: { id: parentId }, select: { municipalityId: true, kind: true } });
  if (!parent || parent.municipalityId !== municipalityId || parentId === selfId) {
    throw fieldError("VALIDATION", "parentId", "Nämnden finns inte. Välj en nämnd i listan.");
  }
  if (SUB_COMMITTEE_KINDS.includes(parent.kind)) throw fieldError("VALIDATION", "parentId", "Ett utskott eller en beredning kan inte höra till ett annat utskott eller en annan beredning.");
};

/**
 * A new committee. With its own kansli (kommunfullmäktige, kommunstyrelsen) the kansli and
 * its department "Kansliet" are created in the same transaction, so that the committee can
 * register and handle cases at once; otherwise a förvaltning is added under Förvaltningar.
 */
export const createCommittee = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZCreateCommitteeSchema>>) => {
  const municipalityId = adminMunicipalityOf(actor);
  const { preparedBy, parentId, ...data } = input;
  return withUniqueMessage(
    () =>
      db.$transaction(async (tx) => {
        await assertParent(tx, parentId, municipalityId);
        await assertNameFree(tx.committee.count({ where: { municipalityId, ...sameName(data.name) } }), COMMITTEE_NAME_TAKEN);
        const committee = await tx.committee.create({ data: { id: randomUUID(), municipalityId, parentId: parentId ?? null, openingItems: [...DEFAULT_OPENING_ITEMS], ...data } });
        await recordAudit(tx, { actorId: actor.id, action: "committee.create", entityType: "Committee", entityId: committee.id, data: { ...input, openingItems: committee.openingItems } });
        if (preparedBy === "OWN_KANSLI") {
          await assertNameFree(tx.administration.count({ where: { municipalityId, ...sameName(kansliName(committee.name)) } }), `Det finns redan en förvaltning som heter ${kansliName(committee.name)}.`);
          const kansli = await tx.administration.create({ data: { id: randomUUID(), municipalityId, committeeId: committee.id, name: kansliName(committee.name) } });
          await recordAudit(tx, { actorId: actor.id, action: "administration.create", entityType: "Administration", entityId: kansli.id, data: { name: kansli.name, committeeId: committee.id } });
          const department = await tx.department.create({ data: { id: randomUUID(), administrationId: kansli.id, name: KANSLI_DEPARTMENT } });
          await recordAudit(tx, { actorId: actor.id, action: "department.create", entityType: "Department", entityId: department.id, data: { name: department.name, administrationId: kansli.id } });
        }
        return committee;
      }),
    "shortName",
    SHORT_NAME_TAKEN,
  );
};

export const updateCommittee = async ({ actor, input }: AdminWriteOptions<z.output<typeof ZUpdateCommitteeSchema>>) => {
  adminMunicipalityOf(actor);
  const { id, updatedAt, parentId, minutesKeptAt, ...fields } = input;
  const data = { ...fields, parentId: parentId ?? null, minutesKeptAt: minutesKeptAt ?? null };
  return withUniqueMessage(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.committee.findUnique({ where: { id } });
        if (!before) throw new AppError("NOT_FOUND", `Committee ${id} not found`);
        assertAdminOf(actor, before.municipalityId);
        await assertParent(tx, parentId, before.municipalityId, id);
        if (renamed(before.name, data.name)) await assertNameFree(tx.committee.count({ where: { municipalityId: before.municipalityId, ...sameName(data.name, id) } }), COMMITTEE_NAME_TAKEN);
        if (SUB_COMMITTEE_KINDS.includes(data.kind) && (await tx.committee.count({ where: { parentId: id } })) > 0) {
          throw fieldError("VALIDATION", "kind", "Nämnden har utskott eller beredningar och kan inte själv bli ett utskott eller en beredning.");
        }
        const { count } = await tx.committee.updateMany({ where: { id, updatedAt }, data });
        if (count === 0) throw staleWrite("Committee", id);
        await recordAudit(tx, {
          actorId: actor.id,
          action: "committee.update",
          entityType: "Committee",
          entityId: id,
          data: {
            before: {
              name: before.name,
              shortName: before.shortName,
              kind: before.kind,
              parentId: before.parentId,
              publicMeetings: before.publicMeetings,
              minutesKeptAt: before.minutesKeptAt,
              openingItems: before.openingItems,
            },
            after: data,
          },
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
    await assertNameFree(tx.administration.count({ where: { municipalityId: committee.municipalityId, ...sameName(data.name) } }), ADMINISTRATION_NAME_TAKEN);
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
    if (renamed(before.name, name)) await assertNameFree(tx.administration.count({ where: { municipalityId: before.municipalityId, ...sameName(name, id) } }), ADMINISTRATION_NAME_TAKEN);
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
    await assertNameFree(tx.department.count({ where: { administrationId: data.administrationId, ...sameName(data.name) } }), DEPARTMENT_NAME_TAKEN);
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
    if (renamed(before.name, name)) await assertNameFree(tx.department.count({ where: { administrationId: before.administrationId, ...sameName(name, id) } }), DEPARTMENT_NAME_TAKEN);
    const { count } = await tx.department.updateMany({ where: { id, updatedAt }, data: { name } });
    if (count === 0) throw staleWrite("Department", id);
    await recordAudit(tx, { actorId: actor.id, action: "department.update", entityType: "Department", entityId: id, data: { before: { name: before.name }, after: { name } } });
  });
};
