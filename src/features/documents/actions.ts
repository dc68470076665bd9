"use server";
// A handling picker's search (remisshandlingar, Bilagor): read-only, authorized from the case.
import { defineAction } from "@/server/action";
import { ZFindDocumentChoicesSchema } from "./schemas";
import { findDocumentChoices } from "./server/document-choices";

export const findDocumentChoicesAction = defineAction({
  schema: ZFindDocumentChoicesSchema,
  handler: ({ caseId, query }, actor) => findDocumentChoices({ actor, caseId, query }),
});
