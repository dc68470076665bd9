import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/password";
import { normalizeUsername, USERNAME_PATTERN } from "@/server/auth/schemas";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Högst ${max} tecken.` })
    .optional()
    .transform((value) => (value ? value : undefined));

export const ZCreateUserSchema = z
  .object({
    username: z
      .string()
      .max(64, { error: "Högst 64 tecken." })
      .transform(normalizeUsername)
      .pipe(z.string().regex(USERNAME_PATTERN, { error: "2–64 tecken: små bokstäver a–z, siffror, punkt, bindestreck eller understreck." })),
    name: z.string().trim().min(1, { error: "Ange namn." }).max(200, { error: "Högst 200 tecken." }),
    title: optionalText(200),
    phone: optionalText(50),
    email: z
      .email({ error: "Ange en giltig e-postadress." })
      .max(320)
      .optional(),
    password: z
      .string()
      .min(MIN_PASSWORD_LENGTH, { error: `Lösenordet måste ha minst ${MIN_PASSWORD_LENGTH} tecken.` })
      .max(1024)
      .optional(),
  })
  .strict();

export type TCreateUser = z.infer<typeof ZCreateUserSchema>;
