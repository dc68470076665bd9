// schema.prisma and the hand-written migrations must describe the same database: the
// generated client trusts the former, PostgreSQL enforces the latter.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../support/database";
import { findSchemaDrift } from "../support/schema-drift";

const schemaText = await readFile(path.resolve("prisma/schema.prisma"), "utf8");
const { url } = await createTestDatabase();

/** Inserts `lines` right after the opening brace of `model <name> {`. */
const addToModel = (schema: string, model: string, lines: string): string => {
  const opening = new RegExp(`^model ${model} \\{$`, "m");
  if (!opening.test(schema)) throw new Error(`model ${model} not found in schema.prisma`);
  return schema.replace(opening, `model ${model} {\n${lines}`);
};

const replaceOnce = (schema: string, search: RegExp, replacement: string): string => {
  if (!search.test(schema)) throw new Error(`${search} not found in schema.prisma`);
  return schema.replace(search, replacement);
};

describe("schema drift", () => {
  it("finds no difference between schema.prisma and the migrated database", async () => {
    const problems = await findSchemaDrift({ datamodel: schemaText, connectionString: url });
    expect(problems, `schema.prisma and prisma/migrations disagree:\n- ${problems.join("\n- ")}`).toEqual([]);
  });

  it("reports a datamodel the migrations do not build (the check can fail)", async () => {
    let drifted = addToModel(schemaText, "User", '  nickname String @default("anon")\n');
    drifted = addToModel(drifted, "Municipality", "  region String? @unique\n");
    drifted = replaceOnce(drifted, /sessionVersion Int {7}@default\(1\)/, "sessionVersion BigInt    @default(2)");
    drifted = replaceOnce(drifted, /(user +User +@relation\(fields: \[userId\], references: \[id\], onDelete: )Cascade/, "$1Restrict");
    drifted = replaceOnce(drifted, /  CHAIR\n/, "  CHAIR\n  VICE_CHAIR\n");
    drifted = replaceOnce(drifted, /@@index\(\[key, createdAt\]\)/, "@@index([createdAt, key])");
    drifted = `${drifted}
model DriftProbe {
  id   String @id @default(uuid(7)) @db.Uuid
  note String

  @@map("drift_probe")
}
`;
    const problems = await findSchemaDrift({ datamodel: drifted, connectionString: url });
    const expected = [
      /Model User \(table "app_user"\), field nickname \(column "nickname"\): column is missing/,
      /Model Municipality \(table "municipality"\), field region \(column "region"\): column is missing/,
      /Model Municipality \(table "municipality"\): unique index on \(region\) is missing/,
      /field sessionVersion \(column "session_version"\): database type is integer, schema.prisma expects bigint/,
      /field sessionVersion \(column "session_version"\): database has DEFAULT 1, schema.prisma expects DEFAULT "?2"?/,
      /relation user → User: foreign key "membership_user_id_fkey" is ON DELETE Cascade, schema.prisma expects onDelete: Restrict/,
      /Enum Role: database values .*CHAIR, MINUTES_CHECKER.*schema.prisma expects .*CHAIR, VICE_CHAIR, MINUTES_CHECKER/,
      /Model LoginFailure \(table "login_failure"\): index on \(created_at, key\) is missing/,
      /Index "login_failure_key_created_at_idx" on "login_failure"\(key, created_at\) exists in the database but not in schema.prisma/,
      /Model DriftProbe \(table "drift_probe"\): table is missing/,
    ];
    for (const pattern of expected) {
      expect(problems.some((problem) => pattern.test(problem)), `${pattern} not among:\n- ${problems.join("\n- ")}`).toBe(true);
    }
    expect(problems).toHaveLength(expected.length);
  });

  it("reports what the database has beyond the datamodel", async () => {
    // The same schema without a model and a field: the table and column are then extras.
    let reduced = replaceOnce(schemaText, /\n {2}phone +String\?\n/, "\n");
    reduced = replaceOnce(reduced, /\n\/\/\/ One failed sign-in[\s\S]*?@@map\("login_failure"\)\n\}\n/, "\n");
    const problems = await findSchemaDrift({ datamodel: reduced, connectionString: url });
    expect(problems).toEqual([
      'Model User (table "app_user"): column "phone" exists in the database but not in schema.prisma.',
      'Table "login_failure" exists in the database but has no model in schema.prisma.',
    ]);
  });
});
