// The database the scripts work on: DATABASE_URL when set, else the embedded one in
// YTTRA_DATA_DIR (started here, stopped by the caller).
import path from "node:path";
import { startEmbeddedPostgres } from "@/server/embedded-postgres";
import { env } from "@/server/env";

export type AppDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export const openAppDatabase = async (): Promise<AppDatabase> => {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  const database = await startEmbeddedPostgres({ dir: path.resolve(env.YTTRA_DATA_DIR) });
  return { url: database.url, embedded: true, stop: database.stop };
};
