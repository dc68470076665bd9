// "Återställ": an old version's content becomes the newest version (history is never
// rewritten). The user restores what they were looking at: if someone saved after the
// version they based the decision on, CONFLICT.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/server/auth/actor";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { ZRestoreVersionSchema } from "../schemas";
import { appendVersionInTx } from "./save-statement-section";
import { assertStatementEditable, loadStatementForEdit, parseStatementContent } from "./statement-access";

export type RestoreStatementVersionOptions = { actor: Actor; input: z.output<typeof ZRestoreVersionSchema> };

export const restoreStatementVersion = async ({ actor, input }: RestoreStatementVersionOptions): Promise<{ version: number }> => {
  const { statementId, number, baseVersion } = input;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM statement WHERE id = ${statementId}::uuid FOR UPDATE`;
    const statement = await loadStatementForEdit(tx, actor, statementId);
    assertStatementEditable(statement);
    if (statement.currentVersion !== baseVersion) {
      throw new AppError("CONFLICT", "Statement changed before restore", {
        userMessage: "Någon har sparat en nyare version sedan du öppnade historiken. Läs in sidan på nytt och försök igen.",
      });
    }
    const old = await tx.statementVersion.findUnique({ where: { statementId_number: { statementId, number } }, select: { content: true } });
    if (!old) throw new AppError("NOT_FOUND", `Version ${number} not found`);
    const version = await appendVersionInTx(tx, {
      actorId: actor.id,
      statementId,
      caseId: statement.caseId,
      current: statement.currentVersion,
      content: parseStatementContent(old.content),
      changedSection: null,
      restoredFromNumber: number,
      action: "statement.restore",
    });
    return { version: version.number };
  });
};
