"use server";

import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/server/action";
import { caseChangeFromFormData } from "@/features/cases/schemas";
import { ZCoOfficerChangeSchema } from "./schemas";
import { addCoOfficer, removeCoOfficer } from "./server/co-officers";

const afterChange = (caseId: string): { caseId: string } => {
  revalidatePath(`/arenden/${caseId}`);
  revalidatePath("/");
  return { caseId };
};

export const addCoOfficerAction = defineFormAction({
  schema: ZCoOfficerChangeSchema,
  fromFormData: caseChangeFromFormData,
  handler: async (input, actor) => {
    await addCoOfficer({ actor, input });
    return afterChange(input.caseId);
  },
});

export const removeCoOfficerAction = defineFormAction({
  schema: ZCoOfficerChangeSchema,
  fromFormData: caseChangeFromFormData,
  handler: async (input, actor) => {
    await removeCoOfficer({ actor, input });
    return afterChange(input.caseId);
  },
});
