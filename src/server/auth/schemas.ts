import { z } from "@/lib/zod";

/** Login names: lower-case letters, digits and . _ -; 2–64 characters. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export const normalizeUsername = (value: string): string => value.normalize("NFKC").trim().toLowerCase();

export const ZLoginSchema = z
  .object({
    username: z.string().max(64).transform(normalizeUsername).pipe(z.string().regex(USERNAME_PATTERN)),
    password: z.string().min(1).max(1024),
  })
  .strict();

export type TLogin = z.infer<typeof ZLoginSchema>;

/** The shortest password anyone may choose or be given (12 characters). */
export const MIN_PASSWORD_LENGTH = 12;

/** A password being set (by an administrator, or by the user on /byt-losenord). */
export const ZNewPassword = z
  .string({ error: `Ange ett lösenord med minst ${MIN_PASSWORD_LENGTH} tecken.` })
  .min(MIN_PASSWORD_LENGTH, { error: `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.` })
  .max(1024, { error: "Högst 1024 tecken." });

/** /byt-losenord: the password signed in with, and the new one twice. */
export const ZChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Ange ditt nuvarande lösenord." }).min(1, { error: "Ange ditt nuvarande lösenord." }).max(1024, { error: "Högst 1024 tecken." }),
    newPassword: ZNewPassword,
    repeatPassword: z.string({ error: "Skriv det nya lösenordet en gång till." }).max(1024, { error: "Högst 1024 tecken." }),
  })
  .strict()
  .refine((input) => input.newPassword === input.repeatPassword, { error: "Skriv samma nya lösenord två gånger.", path: ["repeatPassword"] });

export type TChangePassword = z.infer<typeof ZChangePasswordSchema>;
