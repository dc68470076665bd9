"use client";

import { ActionForm, Field } from "@/components/form";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/schemas";
import { changePasswordAction } from "../actions";

const LABELS = { currentPassword: "Nuvarande lösenord", newPassword: "Nytt lösenord", repeatPassword: "Nytt lösenord igen" };

/** `username`: for password managers, which store the new password under it. */
export const ChangePasswordForm = ({ username }: { username: string }) => (
  <ActionForm action={changePasswordAction} submitLabel="Byt lösenord" labels={LABELS} className="space-y-4">
    <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
    <Field name="currentPassword" label={LABELS.currentPassword} type="password" autoComplete="current-password" required maxLength={1024} />
    <Field name="newPassword" label={LABELS.newPassword} type="password" autoComplete="new-password" required maxLength={1024} hint={`Minst ${MIN_PASSWORD_LENGTH} tecken. En mening med några ord är lätt att minnas och svår att gissa.`} />
    <Field name="repeatPassword" label={LABELS.repeatPassword} type="password" autoComplete="new-password" required maxLength={1024} />
  </ActionForm>
);
