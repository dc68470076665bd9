"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction, type FormState } from "@/server/action";
import {
  caseChangeFromFormData,
  completeMotionFromFormData,
  registerCaseFromFormData,
  ZCompleteMotionSchema,
  ZMotionProposalSchema,
  ZCloseCaseSchema,
  ZMarkMisregisteredSchema,
  ZReassignCaseSchema,
  ZRegisterCaseSchema,
} from "./schemas";
import { closeCase, markCaseMisregistered, reassignCase } from "./server/case-lifecycle";
import { completeMotion, recordMotionProposal } from "./server/case-motion";
import { registerCase, type RegisteredCase } from "./server/register-case";

const runRegisterCase = defineFormAction({
  schema: ZRegisterCaseSchema,
  fromFormData: registerCaseFromFormData,
  handler: (input, actor) => registerCase({ actor, input }),
});

/** A failure comes back with the form's values (nothing typed is lost, also without JavaScript); success opens the case. */
export const registerCaseAction = async (previous: FormState<RegisteredCase> | null, form: FormData): Promise<FormState<RegisteredCase>> => {
  const result = await runRegisterCase(previous, form);
  // redirect() throws; it must stay outside defineAction's error handling.
  if (result.ok) {
    revalidatePath("/");
    redirect(`/arenden/${result.data.id}`);
  }
  return result;
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

export const completeMotionAction = defineFormAction({
  schema: ZCompleteMotionSchema,
  fromFormData: completeMotionFromFormData,
  handler: async (input, actor) => {
    await completeMotion({ actor, input });
    return afterCaseChange(input.caseId);
  },
});

export const recordMotionProposalAction = defineFormAction({
  schema: ZMotionProposalSchema,
  fromFormData: caseChangeFromFormData,
  handler: async (input, actor) => {
    await recordMotionProposal({ actor, input });
    return afterCaseChange(input.caseId);
  },
});
