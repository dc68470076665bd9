"use server";
// Attestation actions: parse → actor → service → revalidate → small result.
import { revalidatePath } from "next/cache";
import { defineAction } from "@/server/action";
import { ZAttestSchema, ZReturnSchema, ZSendForAttestationSchema, ZWithdrawSchema } from "./schemas";
import { attestStep, returnStep, sendStatementForAttestation, withdrawAttestation } from "./server/attestation-service";

const revalidateCase = (caseId?: string) => {
  if (caseId) revalidatePath(`/arenden/${caseId}`, "layout");
  revalidatePath("/attestera");
};

export const sendForAttestationAction = defineAction({
  schema: ZSendForAttestationSchema,
  handler: async (input, actor) => {
    const result = await sendStatementForAttestation({ actor, input });
    revalidateCase(input.caseId);
    return { verificationCode: result.verificationCode };
  },
});

export const attestAction = defineAction({
  schema: ZAttestSchema.extend({ caseId: ZSendForAttestationSchema.shape.caseId }).strict(),
  handler: async ({ caseId, ...input }, actor) => {
    const result = await attestStep({ actor, input });
    revalidateCase(caseId);
    return { status: result.status };
  },
});

export const returnAction = defineAction({
  schema: ZReturnSchema.extend({ caseId: ZSendForAttestationSchema.shape.caseId }).strict(),
  handler: async ({ caseId, ...input }, actor) => {
    await returnStep({ actor, input });
    revalidateCase(caseId);
    return { returned: true };
  },
});

export const withdrawAction = defineAction({
  schema: ZWithdrawSchema,
  handler: async (input, actor) => {
    await withdrawAttestation({ actor, input });
    revalidateCase(input.caseId);
    return { withdrawn: true };
  },
});
