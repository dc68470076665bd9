// npm run db:seed — demo organisation and accounts (idempotent; refused in production unless forced).
import { createDb, setDb } from "@/server/db";
import { env } from "@/server/env";
import { migrateDatabase } from "@/server/migrate";
import { seedDemoInstallation } from "./seed/demo";
import { openAppDatabase } from "./lib/app-database";

const main = async () => {
  const database = await openAppDatabase();
  const client = createDb(database.url, 2);
  try {
    await migrateDatabase({ connectionString: database.url });
    setDb(client);
    const { created } = await seedDemoInstallation({ nodeEnv: env.NODE_ENV, force: env.YTTRA_ALLOW_DEMO_SEED });
    console.log(created ? "Demodata skapad." : "Demodata fanns redan och är uppdaterad.");
  } finally {
    await client.$disconnect();
    await database.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
