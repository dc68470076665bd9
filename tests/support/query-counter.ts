// Counts SQL round trips at the driver: every `query` call on a pooled pg connection is one
// trip to PostgreSQL (Prisma's extended-protocol statements, BEGIN/COMMIT, raw SQL alike).
// Hand `onConnect` to createTestDatabase; nothing of this exists outside tests.
import type pg from "pg";

export type QueryCounter = {
  onConnect: (client: pg.PoolClient) => void;
  /** The round trips `run` makes, and its result. */
  count: <T>(run: () => Promise<T>) => Promise<{ queries: number; sql: string[]; result: T }>;
};

const sqlText = (args: unknown[]): string => {
  const [first] = args;
  if (typeof first === "string") return first;
  if (first && typeof first === "object" && "text" in first) return String((first as { text: unknown }).text);
  return "?";
};

export const createQueryCounter = (): QueryCounter => {
  let recording: string[] | null = null;
  const onConnect = (client: pg.PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      recording?.push(sqlText(args));
      return query(...args);
    };
  };
  const count: QueryCounter["count"] = async (run) => {
    if (recording) throw new Error("count() calls do not nest");
    recording = [];
    try {
      const result = await run();
      return { queries: recording.length, sql: recording, result };
    } finally {
      recording = null;
    }
  };
  return { onConnect, count };
};
