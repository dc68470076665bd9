"use server";
// The auth feature's server action: a user chooses their own password (/byt-losenord).
import { redirect } from "next/navigation";
import { definePasswordFormAction, formText, type FormState } from "@/server/action";
import { ZChangePasswordSchema } from "@/server/auth/schemas";
import { changeOwnPassword } from "./server/change-password";

const runChangePassword = definePasswordFormAction({
  schema: ZChangePasswordSchema,
  fromFormData: (form) => ({ currentPassword: formText(form, "currentPassword"), newPassword: formText(form, "newPassword"), repeatPassword: formText(form, "repeatPassword") }),
  handler: (input, session) => changeOwnPassword({ session, input }),
});

/** A refusal comes back to the form; success sends the user to sign in again (the change ended every session of theirs, this one too), also without JavaScript. */
export const changePasswordAction = async (previous: FormState<void> | null, form: FormData): Promise<FormState<void>> => {
  const result = await runChangePassword(previous, form);
  // redirect() throws; it must stay outside the action's error handling.
  if (result.ok) redirect("/logga-in?losenord=bytt");
  return result;
};
