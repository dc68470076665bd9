import { z } from "zod";

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
