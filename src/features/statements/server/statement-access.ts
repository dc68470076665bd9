// Loading a case or statement together with what authorization needs, and the rule that
// only a draft can be edited. Readers of the case may read its statement; only the case's
// handläggare and medhandläggare edit it (src/server/authz: "statement.edit"). Unknown or unreadable → NOT_FOUND.
import "server-only";
import type { StatementStatus } from "@/generated/prisma/enums";
import { authorize, CASE_SCOPE_SELECT, toCaseScope, type RefusalMessages } from "@/server/authz";
import type { Actor } from "@/server/auth/actor";
import type { Db, Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { withProposerHeadings } from "../content";
import { ZStatementContentSchema, ZTemplateDefinitionSchema, type TStatementContent, type TTemplateDefinition } from "../schemas";

export const STATEMENT_LOCKED_MESSAGE = "Tjänsteutlåtandet är skickat på attestering och kan inte ändras. Det måste först återkallas.";

/** Any change to a statement (save, restore) requires a draft; the attestation issue adds withdrawal. */
export const assertStatementEditable = (statement: { status: StatementStatus }): void => {
  if (statement.status !== "DRAFT") {
    throw new AppError("INVALID_STATE", `Statement is ${statement.status}, not DRAFT`, { userMessage: STATEMENT_LOCKED_MESSAGE });
  }
};

/** What a reader who is not the handläggare is told when they try to write the statement. */
export const STATEMENT_EDIT_REFUSED: RefusalMessages = { forbidden: "Bara ärendets handläggare och medhandläggare kan skriva tjänsteutlåtandet." };

/** The statement (its scope is its case's) and its template, authorized for writing. */
export const loadStatementForEdit = async (client: Db | Tx, actor: Actor, statementId: string) => {
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
  authorize(actor, "statement.edit", toCaseScope(statement.case), STATEMENT_EDIT_REFUSED);
  return { ...statement, definition: parseTemplateDefinition(statement.template.definition) };
};

/** A stored template version as statements use it: its headings name its proposer (the admin's editor reads the raw definition). */
export const parseTemplateDefinition = (json: unknown): TTemplateDefinition => withProposerHeadings(ZTemplateDefinitionSchema.parse(json));

/** Stored content was validated on write; parsing again guards against rows edited outside the app. */
export const parseStatementContent = (json: unknown): TStatementContent => ZStatementContentSchema.parse(json);

/** The title of a stored version's content, or null when the JSON is not a statement's. */
export const statementTitleOf = (content: unknown): string | null => ZStatementContentSchema.safeParse(content).data?.header.title ?? null;
