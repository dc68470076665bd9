// The one place that reads process.env. Everything else imports `env`.
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

export const ZEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Any PostgreSQL server. Unset: `npm start` runs an embedded one and sets this for the app. */
  DATABASE_URL: optionalString,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Signs session tokens. `npm start` creates one in .data/ when unset. */
  NEXTAUTH_SECRET: optionalString,
  NEXTAUTH_URL: optionalString,
  OIDC_ISSUER: optionalString,
  OIDC_CLIENT_ID: optionalString,
  OIDC_CLIENT_SECRET: optionalString,
  OIDC_NAME: z.string().default("Kommunens inloggning"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the embedded database and generated secrets live. */
  YTTRA_DATA_DIR: z.string().default(".data"),
  /** Allows `npm run db:seed` when NODE_ENV=production (never do this on a real database). */
  YTTRA_ALLOW_DEMO_SEED: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
  /** `npm start` only: use the existing build instead of checking whether one is needed (test runs). */
  YTTRA_SKIP_BUILD: z
    .enum(["0", "1", "true", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
  /** `npm run user:create`: the new user's password when not asked on a terminal. */
  YTTRA_NEW_USER_PASSWORD: optionalString,
  /** Failed sign-ins allowed per account and per IP address within the window. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

export const env: TEnv = ZEnvSchema.parse(process.env);

export const oidcEnabled = (): boolean =>
  Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
