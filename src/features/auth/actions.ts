"use server";
// The auth feature's server action: a user chooses their own password (/byt-losenord).
import { definePasswordFormAction, formText } from "@/server/action";
import { ZChangePasswordSchema } from "@/server/auth/schemas";
import { changeOwnPassword } from "./server/change-password";

/** Where the user signs in again: the change ended every session of theirs, this one too. */
const PASSWORD_CHANGED_PATH = "/logga-in?losenord=bytt";

export const changePasswordAction = definePasswordFormAction({
  schema: ZChangePasswordSchema,
  fromFormData: (form) => ({ currentPassword: formText(form, "currentPassword"), newPassword: formText(form, "newPassword"), repeatPassword: formText(form, "repeatPassword") }),
  handler: async (input, session): Promise<{ href: string }> => {
    await changeOwnPassword({ session, input });
    return { href: PASSWORD_CHANGED_PATH };
  },
});
