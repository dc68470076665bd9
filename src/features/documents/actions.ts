"use server";
// A handling picker's search, or the chosen handlingar it does not show yet (remisshandlingar,
// Bilagor): read-only, authorized from the case.
import { defineAction } from "@/server/action";
import { ZFindDocumentChoicesSchema } from "./schemas";
import { findDocumentChoices } from "./server/document-choices";

export const findDocumentChoicesAction = defineAction({
  schema: ZFindDocumentChoicesSchema,
  handler: ({ caseId, query, ids }, actor) => findDocumentChoices({ actor, caseId, ...(ids ? { ids } : { query: query ?? "" }) }),
});
