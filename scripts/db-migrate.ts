// npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded
// database in YTTRA_DATA_DIR when DATABASE_URL is unset (started here and stopped again).
import { migrateDatabase } from "@/server/migrate";
import { openAppDatabase } from "./lib/app-database";

const main = async () => {
  const database = await openAppDatabase();
  try {
    const { applied } = await migrateDatabase({ connectionString: database.url, log: (message) => console.log(message) });
    if (applied.length === 0) {
      console.log("Databasen är redan uppdaterad – inga nya migreringar.");
    } else {
      console.log(`${applied.length === 1 ? "1 migrering körd" : `${applied.length} migreringar körda`}:`);
      for (const name of applied) console.log(`  ${name}`);
    }
  } finally {
    await database.stop();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
