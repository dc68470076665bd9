// Shared setup of the admin integration tests: actors of the demo organisation and a second
// municipality with its own administrator (for cross-municipality tests).
import { expect } from "vitest";
import { createUser } from "@/features/admin/server/user-service";
import type { Db } from "@/server/db";
import { loadActor, type Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { ZCreateUserSchema } from "@/features/admin/schemas";
import { parseInput } from "@/server/validation";

export const actorFor = async (db: Db, username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  // A user an administrator created acts once they have chosen their own password (/byt-losenord).
  if (user.passwordChangeRequired) await db.user.update({ where: { id: user.id }, data: { passwordChangeRequired: false } });
  const actor = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 });
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
};

/** Göteborg with a committee and an administrator who has nothing to do with Stockholm. */
export const createSecondMunicipality = async (db: Db): Promise<{ committeeId: string; adminUsername: string }> => {
  await db.municipality.create({ data: { id: "goteborg", name: "Göteborgs stad", slug: "goteborg" } });
  await db.committee.create({ data: { id: "gbg-ks", municipalityId: "goteborg", name: "Kommunstyrelsen i Göteborg", shortName: "KS" } });
  await createUser({
    actorId: null,
    input: parseInput(ZCreateUserSchema, { username: "gbg.admin", name: "Göteborgs administratör", password: "lösenord-som-är-långt" }),
    memberships: [{ role: "ADMIN", unit: { municipalityId: "goteborg" } }],
  });
  return { committeeId: "gbg-ks", adminUsername: "gbg.admin" };
};

/** Expects the promise to fail with an AppError of the given code. */
export const expectAppError = async (call: Promise<unknown> | (() => Promise<unknown>), code: AppError["code"]): Promise<AppError> => {
  // A call is run here, so that an input its schema refuses (thrown before the service runs) is caught too.
  const error = await (typeof call === "function" ? Promise.resolve().then(call) : call).then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
};
