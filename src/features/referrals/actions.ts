"use server";
// Server actions of the remiss pages: form → schema → actor → one service → revalidate.
// Authorization happens in the services, from the sender's case or the receiving committee.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { defineFormAction, formFields, formOptional, formText, type FormState } from "@/server/action";
import { REFERRAL_POSITION_LABELS } from "./labels";
import { ZAcceptReferralSchema, ZExtendReferralSchema, ZExternalAnswerSchema, ZReferralPositionSchema, ZReturnReferralSchema, ZSendReferralSchema } from "./schemas";
import { acceptReferral, extendReferralDueDate, recordExternalAnswer, returnReferral, sendReferral, setReferralPosition } from "./server";

const refreshCases = (): void => revalidatePath("/arenden", "layout");

/**
 * The sending form: a checkbox per committee (`committeeIds`) with its own remisstid
 * (`dueDate.<committeeId>`, else the common `dueDate`), and external bodies one per line as
 * "Namn; e-postadress; ÅÅÅÅ-MM-DD" (the date may be left out: the common remisstid).
 */
const sendFromFormData = (form: FormData) => {
  const common = formText(form, "dueDate")?.trim() ?? "";
  const internal = form.getAll("committeeIds").flatMap((value) => (typeof value === "string" ? [value] : []));
  const external = (formText(form, "external") ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name = "", email = "", dueDate = ""] = line.split(";").map((part) => part.trim());
      return { kind: "EXTERNAL", name, email, dueDate: dueDate || common };
    });
  return {
    ...formFields(form, "caseId", "letterMode", "sentDate", "text"),
    // Left empty: the default number of days.
    reminderDaysBefore: formOptional(form, "reminderDaysBefore"),
    reminderDaysAfter: formOptional(form, "reminderDaysAfter"),
    documentIds: form.getAll("documentIds").filter((value) => typeof value === "string"),
    recipients: [...internal.map((committeeId) => ({ kind: "INTERNAL", committeeId, dueDate: formOptional(form, `dueDate.${committeeId}`) ?? common })), ...external],
  };
};

export const sendReferralAction = defineFormAction({
  schema: ZSendReferralSchema,
  fromFormData: sendFromFormData,
  handler: async (input, actor) => {
    const { recipientIds, documentNumbers } = await sendReferral({ actor, input });
    refreshCases();
    return { message: `Remissen är skickad till ${recipientIds.length} remissinstanser (${documentNumbers.join(", ")}).`, href: `/arenden/${input.caseId}#remisser` };
  },
});

const runAcceptReferral = defineFormAction({
  schema: ZAcceptReferralSchema,
  // "Ingen" klassificering is an empty choice: no classification, not an invalid one.
  fromFormData: (form) => ({ ...formFields(form, "recipientId", "version", "departmentId", "caseOfficerId"), classificationId: formOptional(form, "classificationId") }),
  handler: (input, actor) => acceptReferral({ actor, input }),
});

/**
 * Success opens the new case, as registering a case does. A redirect, not the form's `href`:
 * the accepted remiss leaves the inbox, and its form with it, before a client-side push could run.
 */
type AcceptedReferral = Awaited<ReturnType<typeof acceptReferral>>;

export const acceptReferralAction = async (previous: FormState<AcceptedReferral> | null, form: FormData): Promise<FormState<AcceptedReferral>> => {
  const result = await runAcceptReferral(previous, form);
  // redirect() throws; it must stay outside defineAction's error handling.
  if (result.ok) {
    revalidatePath("/inkomna-remisser");
    refreshCases();
    redirect(`/arenden/${result.data.caseId}`);
  }
  return result;
};

export const returnReferralAction = defineFormAction({
  schema: ZReturnReferralSchema,
  fromFormData: (form) => formFields(form, "recipientId", "version", "reason"),
  handler: async (input, actor) => {
    await returnReferral({ actor, input });
    revalidatePath("/inkomna-remisser");
    return { message: "Remissen är skickad tillbaka till avsändaren." };
  },
});

export const extendReferralAction = defineFormAction({
  schema: ZExtendReferralSchema,
  fromFormData: (form) => formFields(form, "recipientId", "version", "dueDate"),
  handler: async (input, actor) => {
    const { name, after } = await extendReferralDueDate({ actor, input });
    refreshCases();
    return { message: `Remisstiden för ${name} är nu ${after}.` };
  },
});

export const referralPositionAction = defineFormAction({
  schema: ZReferralPositionSchema,
  fromFormData: (form) => formFields(form, "recipientId", "version", "position", "summary"),
  handler: async (input, actor) => {
    const { name } = await setReferralPosition({ actor, input });
    refreshCases();
    return { message: `Ställningstagandet för ${name} är sparat: ${REFERRAL_POSITION_LABELS[input.position]}.` };
  },
});

export const externalAnswerAction = defineFormAction({
  schema: ZExternalAnswerSchema,
  fromFormData: (form) => formFields(form, "recipientId", "version", "documentId", "answeredDate", "position", "summary"),
  handler: async (input, actor) => {
    const { name, documentNumber } = await recordExternalAnswer({ actor, input });
    refreshCases();
    return { message: `Svaret från ${name} är registrerat (${documentNumber}).` };
  },
});
