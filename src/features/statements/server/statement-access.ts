// Loading a case or statement together with what authorization needs, and the rule that
// only a draft can be edited. Readers of the case may read its statement; only the case's
// handläggare edits it (case-access.ts: "editStatement"). Unknown or unreadable → NOT_FOUND.
import "server-only";
import type { StatementStatus } from "@/generated/prisma/enums";
import { canOnCase, CASE_SCOPE_SELECT, toCaseScope, type CaseAction, type CaseScope } from "@/features/cases/server";
import type { Actor } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { ZStatementContentSchema, ZTemplateDefinitionSchema, type TStatementContent, type TTemplateDefinition } from "../schemas";

export const STATEMENT_LOCKED_MESSAGE = "Tjänsteutlåtandet är skickat på attestering och kan inte ändras. Det måste först återkallas.";

/** Any change to a statement (save, restore) requires a draft; the attestation issue adds withdrawal. */
export const assertStatementEditable = (statement: { status: StatementStatus }): void => {
  if (statement.status !== "DRAFT") {
    throw new AppError("INVALID_STATE", `Statement is ${statement.status}, not DRAFT`, { userMessage: STATEMENT_LOCKED_MESSAGE });
  }
};

/** Throws NOT_FOUND when the actor may not even read the case, FORBIDDEN when reading is all they may do. */
export const authorizeOnCase = (actor: Actor, scope: CaseScope, action: CaseAction): void => {
  if (!canOnCase(actor, "read", scope)) throw new AppError("NOT_FOUND", "Case not readable by actor");
  if (action !== "read" && !canOnCase(actor, action, scope)) {
    throw new AppError("FORBIDDEN", `Actor may not ${action} on case`, {
      userMessage: action === "editStatement" ? "Bara ärendets handläggare kan skriva tjänsteutlåtandet." : undefined,
    });
  }
};

/** The statement, its case's scope and its template, authorized for `action`. */
export const loadStatementForActor = async (client: Db | Tx, actor: Actor, statementId: string, action: CaseAction) => {
  const statement = await client.statement.findUnique({
    where: { id: statementId },
    select: {
      id: true,
      caseId: true,
      status: true,
      currentVersion: true,
      template: { select: { definition: true } },
      case: { select: { ...CASE_SCOPE_SELECT, caseNumber: true } },
    },
  });
  if (!statement) throw new AppError("NOT_FOUND", `Statement ${statementId} not found`);
  authorizeOnCase(actor, toCaseScope(statement.case), action);
  return { ...statement, definition: parseTemplateDefinition(statement.template.definition) };
};

export const parseTemplateDefinition = (json: unknown): TTemplateDefinition => ZTemplateDefinitionSchema.parse(json);

/** Stored content was validated on write; parsing again guards against rows edited outside the app. */
export const parseStatementContent = (json: unknown): TStatementContent => ZStatementContentSchema.parse(json);

/** The title of a stored version's content, or null when the JSON is not a statement's. */
export const statementTitleOf = (content: unknown): string | null => ZStatementContentSchema.safeParse(content).data?.header.title ?? null;
