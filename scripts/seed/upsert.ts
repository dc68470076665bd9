// Idempotent upserts of a municipality's demo organisation, accounts and KLASSA classes with
// fixed ids, shared by Stockholm's demo (demo.ts) and Exempelby's (exempelby.ts).
import type { Role } from "@/generated/prisma/enums";
import { DEFAULT_OPENING_ITEMS } from "@/features/admin/committees";
import type { Actor, ActorMembership } from "@/server/auth/actor";
import type { Tx } from "@/server/db";

type Unit = { municipalityId: string } | { committeeId: string } | { administrationId: string } | { departmentId: string };

export type SeedUser = {
  id: string;
  username: string;
  name: string;
  title: string;
  phone: string;
  /** The installation administrator: creates municipalities, holds no role in one. */
  installationAdmin?: true;
  memberships: { id: string; role: Role; unit: Unit }[];
};

export type SeedOrganisation = {
  municipality: { id: string; name: string; slug: string; publicUrl?: string };
  committees: readonly { id: string; name: string; shortName: string; kind: "KOMMUNFULLMAKTIGE" | "KOMMUNSTYRELSE" | "NAMND" | "STADSDELSNAMND" | "UTSKOTT" | "BEREDNING" }[];
  administrations: readonly { id: string; committeeId: string; name: string }[];
  departments: readonly { id: string; administrationId: string; name: string }[];
};

export const upsertOrganisation = async (tx: Tx, { municipality, committees, administrations, departments }: SeedOrganisation): Promise<void> => {
  await tx.municipality.upsert({ where: { id: municipality.id }, create: municipality, update: { name: municipality.name, slug: municipality.slug } });
  for (const committee of committees) {
    const data = { ...committee, municipalityId: municipality.id };
    // Created with the standard opening items, as the administration creates a committee; a re-seed keeps the administrator's list.
    await tx.committee.upsert({ where: { id: committee.id }, create: { ...data, openingItems: [...DEFAULT_OPENING_ITEMS] }, update: data });
  }
  for (const administration of administrations) {
    const data = { ...administration, municipalityId: municipality.id };
    await tx.administration.upsert({ where: { id: administration.id }, create: data, update: data });
  }
  for (const department of departments) {
    await tx.department.upsert({ where: { id: department.id }, create: department, update: department });
  }
};

/** The accounts and their roles; e-mail `<username>@<emailDomain>`. */
export const upsertUsers = async (tx: Tx, users: readonly SeedUser[], { passwordHash, emailDomain }: { passwordHash: string; emailDomain: string }): Promise<void> => {
  for (const { memberships, installationAdmin = false, ...user } of users) {
    const profile = { name: user.name, title: user.title, phone: user.phone, email: `${user.username}@${emailDomain}`, installationAdmin };
    // The password is set only on creation: a changed demo password survives a re-seed.
    await tx.user.upsert({ where: { id: user.id }, create: { ...user, ...profile, passwordHash }, update: profile });
    for (const membership of memberships) {
      const data = { id: membership.id, userId: user.id, role: membership.role, ...membership.unit };
      await tx.membership.upsert({ where: { id: membership.id }, create: data, update: data });
    }
  }
};

/** Admins may change classes later: a re-seed creates what is missing and keeps their edits. */
export const upsertClassifications = async (tx: Tx, municipalityId: string, classifications: readonly { id: string; code: string; title: string }[]): Promise<void> => {
  for (const classification of classifications) {
    await tx.classification.upsert({
      where: { municipalityId_code: { municipalityId, code: classification.code } },
      create: { ...classification, municipalityId },
      update: {},
    });
  }
};

/** A seeded account as a signed-in actor with one role (the seed runs without a session). */
export const seedActor = (user: SeedUser, membership: ActorMembership): Actor => ({
  id: user.id,
  username: user.username,
  name: user.name,
  title: user.title,
  phone: user.phone,
  email: null,
  authTime: 0,
  memberships: [membership],
});
