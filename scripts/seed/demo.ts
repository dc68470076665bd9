// `npm run db:seed` and the first `npm start`: the demo organisation and accounts.
// Idempotent upserts with fixed ids; refused on a production database unless forced.
import { storePendingRecords } from "@/features/exports/server/records";
import { recordAudit } from "@/server/audit";
import { hashPassword } from "@/server/auth/password";
import { db } from "@/server/db";
import { seedDemoAttestations } from "./demo-attestation";
import { seedDemoCases } from "./demo-cases";
import { seedDemoMeetings } from "./demo-meetings";
import { seedDemoReferrals } from "./demo-referrals";
import { seedDemoStatements } from "./demo-statements";
import { ADMINISTRATIONS, COMMITTEES, DEMO_PASSWORD, DEMO_USERS, DEPARTMENTS, MUNICIPALITY } from "./demo-organisation";
import { seedExempelby } from "./exempelby";
import { upsertOrganisation, upsertUsers } from "./upsert";

export type SeedDemoOptions = { nodeEnv: string; force: boolean };

export const assertDemoSeedAllowed = ({ nodeEnv, force }: SeedDemoOptions): void => {
  if (nodeEnv === "production" && !force) {
    throw new Error(
      "Refusing to seed demo data with NODE_ENV=production. Demo accounts have the password 'demo'. " +
        "Set YTTRA_ALLOW_DEMO_SEED=1 only for a demo installation.",
    );
  }
};

export const seedDemoData = async (options: SeedDemoOptions): Promise<{ created: boolean }> => {
  assertDemoSeedAllowed(options);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.$transaction(
    async (tx) => {
      const existed = await tx.municipality.findUnique({ where: { id: MUNICIPALITY.id } });
      await upsertOrganisation(tx, { municipality: MUNICIPALITY, committees: COMMITTEES, administrations: ADMINISTRATIONS, departments: DEPARTMENTS });
      await upsertUsers(tx, DEMO_USERS, { passwordHash, emailDomain: "yttra.example" });
      if (!existed) {
        await recordAudit(tx, { actorId: null, action: "seed.demo", entityType: "Municipality", entityId: MUNICIPALITY.id, data: { users: DEMO_USERS.length } });
      }
      // The demo diarium (series, KLASSA, cases) goes in the same transaction: all or nothing.
      await seedDemoCases(tx);
      return { created: !existed };
    },
    { timeout: 60_000 },
  );
};

/**
 * Everything a demo installation shows (`npm start` on a new database, `npm run db:seed`):
 * the organisation and diarium, the reference tjänsteutlåtande attested as in the reference,
 * a second statement waiting in linda.palo's inbox, and the committee meeting of 2024-04-25
 * that decided the reference case (minutes justerade, extract dispatched), kommunstyrelsen's
 * remiss of the motion with the answers come home and compiled; and the second
 * municipality, Exempelby kommun. Each step is idempotent.
 */
export const seedDemoInstallation = async (options: SeedDemoOptions): Promise<{ created: boolean }> => {
  const result = await seedDemoData(options);
  await db.$transaction((tx) => seedDemoStatements(tx), { timeout: 60_000 });
  // Attestation writes through its own transaction, as the app does.
  await seedDemoAttestations();
  await db.$transaction((tx) => seedDemoMeetings(tx), { timeout: 60_000 });
  // Kommunstyrelsen's side of the reference remiss: sent, answered, compiled (after the dispatch above).
  await seedDemoReferrals();
  // The second, fictional municipality (scripts/seed/exempelby.ts).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction((tx) => seedExempelby(tx, passwordHash), { timeout: 60_000 });
  // The attested tjänsteutlåtanden and the expedierat protokollsutdrag as files of their handlings, as the worker stores them.
  await storePendingRecords();
  return result;
};
