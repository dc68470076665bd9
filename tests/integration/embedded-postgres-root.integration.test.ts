// As root, PostgreSQL runs as the `postgres` user. A project cloned into a private (0700)
// folder, e.g. under /root, is out of that user's reach: the cluster (and, when
// node_modules is out of reach too, the binaries) must be placed where it can reach them.
import { mkdir, mkdtemp, chmod, readdir, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/server/embedded-postgres";

const isRoot = process.getuid?.() === 0;
const cleanup: string[] = [];

afterAll(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

describe("the embedded PostgreSQL started by root", () => {
  it.skipIf(!isRoot)("starts from a data directory inside a private (0700) folder, with the cluster where the postgres user can reach it (runs only as root)", async () => {
    const privateFolder = await mkdtemp(path.join(tmpdir(), "yttra-private-"));
    cleanup.push(privateFolder);
    await chmod(privateFolder, 0o700);
    const dir = path.join(privateFolder, "projekt", ".data");
    await mkdir(dir, { recursive: true });
    const reachableBase = await mkdtemp(path.join(tmpdir(), "yttra-reachable-"));
    cleanup.push(reachableBase);
    await chmod(reachableBase, 0o755);

    const database = await startEmbeddedPostgres({ dir, ephemeral: true, reachableBase });
    try {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query<{ dir: string; user: string }>("SELECT current_setting('data_directory') AS dir, current_user AS user");
      await client.end();
      expect(rows[0]!.user).toBe("yttra");
      expect(rows[0]!.dir.startsWith(path.join(reachableBase, "clusters") + path.sep)).toBe(true);
      expect(existsSync(path.join(dir, "postgres"))).toBe(false);
    } finally {
      await database.stop();
    }
    // Ephemeral: the relocated cluster is gone with the server.
    expect(await readdir(path.join(reachableBase, "clusters"))).toEqual([]);
  }, 180_000);
});
