"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction, type ActionResult } from "@/server/action";
import {
  caseChangeFromFormData,
  registerCaseFromFormData,
  ZCloseCaseSchema,
  ZMarkMisregisteredSchema,
  ZReassignCaseSchema,
  ZRegisterCaseSchema,
} from "./schemas";
import { closeCase, markCaseMisregistered, reassignCase } from "./server/case-lifecycle";
import { registerCase, type RegisteredCase } from "./server/register-case";

/** The form's own values come back with an error, so nothing typed is lost (also without JavaScript). */
export type RegisterCaseState = (ActionResult<RegisteredCase> & { values?: Record<string, string>; attempt: number }) | null;

const runRegisterCase = defineFormAction({
  schema: ZRegisterCaseSchema,
  fromFormData: registerCaseFromFormData,
  handler: (input, actor) => registerCase({ actor, input }),
});

export const registerCaseAction = async (previous: RegisterCaseState, form: FormData): Promise<RegisterCaseState> => {
  const result = await runRegisterCase(null, form);
  // redirect() throws; it must stay outside defineAction's error handling.
  if (result.ok) {
    revalidatePath("/");
    redirect(`/arenden/${result.data.id}`);
  }
  if (!(form instanceof FormData)) return { ...result, attempt: 1 };
  const values = Object.fromEntries(
    [...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string" && !entry[0].startsWith("$ACTION")),
  );
  return { ...result, values, attempt: (previous?.attempt ?? 0) + 1 };
};

const afterCaseChange = (caseId: string): { caseId: string } => {
  revalidatePath(`/arenden/${caseId}`);
  revalidatePath("/");
  return { caseId };
};

export const reassignCaseAction = defineFormAction({
  schema: ZReassignCaseSchema,
  fromFormData: caseChangeFromFormData,
  handler: async (input, actor) => {
    await reassignCase({ actor, input });
    return afterCaseChange(input.caseId);
  },
});

export const closeCaseAction = defineFormAction({
  schema: ZCloseCaseSchema,
  fromFormData: caseChangeFromFormData,
  handler: async (input, actor) => {
    await closeCase({ actor, input });
    return afterCaseChange(input.caseId);
  },
});

export const markCaseMisregisteredAction = defineFormAction({
  schema: ZMarkMisregisteredSchema,
  fromFormData: caseChangeFromFormData,
  handler: async (input, actor) => {
    await markCaseMisregistered({ actor, input });
    return afterCaseChange(input.caseId);
  },
});
