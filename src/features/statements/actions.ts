"use server";
// Statement actions: parse → actor → service → revalidate → small result. Autosave does
// not revalidate (the editor holds the text; re-rendering the page on every keystroke
// pause would only cost time).
import { revalidatePath } from "next/cache";
import { z } from "@/lib/zod";
import { defineAction, defineFormAction, formOptional, formText, type ActionResult } from "@/server/action";
import { getActor } from "@/server/auth";
import { createStatement } from "./server/create-statement";
import { restoreStatementVersion } from "./server/restore-statement-version";
import { refreshReferralCompilation } from "./server/referral-compilation";
import { saveStatementSection, type SaveSectionResult } from "./server/save-statement-section";
import { PROPOSER_SUGGESTIONS } from "./content";
import { createStatementTemplate, updateStatementTemplate } from "./server/templates";
import { ZCreateStatementSchema, ZRefreshReferralCompilationSchema, ZRestoreVersionSchema, ZSaveSectionSchema, ZTemplateCreateSchema, ZTemplateEditSchema } from "./schemas";

const statementPath = (caseId: string) => `/arenden/${caseId}/tjansteutlatande`;

export const createStatementAction = defineAction({
  schema: ZCreateStatementSchema,
  handler: async (input, actor) => {
    const result = await createStatement({ actor, input });
    revalidatePath(statementPath(input.caseId));
    return result;
  },
});

/** The save result, or "not logged in" as its own case: the editor keeps the text and asks the user to log in in another tab. */
export type SaveSectionActionResult = ActionResult<SaveSectionResult> | { ok: false; error: string; unauthenticated: true };

const saveSection = defineAction({
  schema: ZSaveSectionSchema,
  // The editor saves by itself: the message names the text, not a field.
  invalidMessage: "Texten kunde inte sparas: den innehåller något som inte är tillåtet.",
  handler: (input, actor) => saveStatementSection({ actor, input }),
});

export const saveStatementSectionAction = async (input: unknown): Promise<SaveSectionActionResult> => {
  if (!(await getActor())) {
    return { ok: false, unauthenticated: true, error: "Du är inte inloggad längre. Texten finns kvar i webbläsaren. Logga in i en annan flik och välj sedan Försök igen." };
  }
  return saveSection(input);
};

/** The editor adopts the returned section itself (as after an autosave): no revalidation. */
export const refreshReferralCompilationAction = defineAction({
  schema: ZRefreshReferralCompilationSchema,
  handler: (input, actor) => refreshReferralCompilation({ actor, input }),
});

export const restoreStatementVersionAction = defineAction({
  schema: ZRestoreVersionSchema.extend({ caseId: z.uuid() }).strict(),
  handler: async ({ caseId, ...input }, actor) => {
    const result = await restoreStatementVersion({ actor, input });
    revalidatePath(statementPath(caseId), "layout");
    return result;
  },
});

/** The saved version comes back whole: the form continues from it (new sections now have keys). */
export const updateStatementTemplateAction = defineAction({
  schema: ZTemplateEditSchema,
  handler: async (input, actor) => {
    const result = await updateStatementTemplate({ actor, input });
    revalidatePath("/admin/mallar", "layout");
    return { id: result.id, version: result.version, name: result.name, definition: result.definition };
  },
});

/** A suggested proposer by its name, or (choice "other") the two forms typed. */
const proposerFromForm = (form: FormData) =>
  PROPOSER_SUGGESTIONS.find((suggestion) => suggestion.name === formText(form, "proposerChoice")) ?? { name: formText(form, "proposer.name"), genitive: formText(form, "proposer.genitive") };

export const createStatementTemplateAction = defineFormAction({
  schema: ZTemplateCreateSchema,
  fromFormData: (form) => ({ basedOnTemplateId: formText(form, "basedOnTemplateId"), name: formText(form, "name"), committeeId: formOptional(form, "committeeId"), proposer: proposerFromForm(form) }),
  handler: async (input, actor) => {
    const result = await createStatementTemplate({ actor, input });
    revalidatePath("/admin/mallar", "layout");
    return { key: result.key };
  },
});
