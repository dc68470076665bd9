// A municipality from scratch: no demo data, only the municipality row and its first
// administrator (what an installation administrator creates); everything else is set up
// through the admin services, as an administrator does in the browser.
import { createUser } from "@/features/admin/server/user-service";
import { createCommittee } from "@/features/admin/server/organisation-service";
import { createUserAsAdmin } from "@/features/admin/server/user-admin-service";
import { createMember } from "@/features/admin/server/member-service";
import { ZAdminCreateUserSchema, ZCreateCommitteeSchema, ZCreateMemberSchema, ZCreateUserSchema } from "@/features/admin/schemas";
import type { Role } from "@/generated/prisma/enums";
import type { Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { parseInput } from "@/server/validation";
import { actorFor } from "./meetings-fixtures";

export const PASSWORD = "ett-långt-lösenord-för-test";

export const createMunicipalityWithAdmin = async (db: Db, id: string, name: string): Promise<Actor> => {
  await db.municipality.create({ data: { id, name, slug: id } });
  const username = `${id}.admin`;
  await createUser({ actorId: null, input: parseInput(ZCreateUserSchema, { username, name: `Administratör ${name}`, password: PASSWORD }), memberships: [{ role: "ADMIN", unit: { municipalityId: id } }] });
  return actorFor(db, username);
};

export const createCommitteeAs = (admin: Actor, input: Record<string, unknown>) => createCommittee({ actor: admin, input: parseInput(ZCreateCommitteeSchema, input) });

/** A user with one role in a unit (unit key as in the admin form, e.g. "COMMITTEE:<id>"). */
export const createUserWithRole = async (admin: Actor, username: string, name: string, role: Role, unit: string) =>
  createUserAsAdmin({ actor: admin, input: parseInput(ZAdminCreateUserSchema, { username, name, password: PASSWORD, role, unit }) });

export const addMember = (admin: Actor, input: Record<string, unknown>) => createMember({ actor: admin, input: parseInput(ZCreateMemberSchema, input) });
