// The one place that reads process.env. Everything else imports `env`.
import "server-only";
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value));

/** E-mail delivery (src/server/mail.ts). Without SMTP_HOST mails stay in the outbox (/admin/utkorg). */
export const ZMailEnvSchema = z.object({
  SMTP_HOST: optionalString,
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  /** "true": TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  SMTP_SECURE: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  SMTP_FROM: z.string().default("Yttra <noreply@yttra.invalid>"),
  /** Absolute base of links in e-mails and exports, e.g. https://yttra.kommun.se (default NEXTAUTH_URL). */
  APP_BASE_URL: optionalString,
  NEXTAUTH_URL: optionalString,
  /** A SENDING mail older than this is taken to be left by a crashed worker and tried again. */
  MAIL_SENDING_LEASE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** The sweep re-enqueues QUEUED mails older than this (a crash between commit and enqueue). */
  MAIL_SWEEP_QUEUED_AFTER_SECONDS: z.coerce.number().int().min(0).default(60),
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(8),
});
export type TMailEnv = z.infer<typeof ZMailEnvSchema>;

export const ZEnvSchema = ZMailEnvSchema.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Any PostgreSQL server. Unset: `npm start` runs an embedded one and sets this for the app. */
  DATABASE_URL: optionalString,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** "false" behind a pooler that cannot keep prepared statements (PgBouncer in transaction mode before 1.21). */
  DATABASE_PREPARED_STATEMENTS: z.enum(["true", "false"]).default("true").transform((value) => value === "true"),
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
  /** Failed sign-ins allowed within the window: per account from one address, per address, per account in total. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_TOTAL: z.coerce.number().int().min(1).default(50),
  /** Reverse proxies in front of the app that append to X-Forwarded-For; 0 = clients connect directly. */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),
  LOGIN_FAILURE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  /** An attester whose last login is older than this confirms their identity again. */
  YTTRA_REAUTH_MAX_AGE_SECONDS: z.coerce.number().int().min(1).default(300),
  /** How often the job worker sweeps for mails a crash left behind. */
  YTTRA_WORKER_SWEEP_SECONDS: z.coerce.number().int().min(1).default(30),
  /** The tillgänglighetsredogörelse (/tillganglighet): the public body running this installation … */
  YTTRA_OPERATOR_NAME: optionalString,
  /** … and the address where anyone reports inaccessibility or asks for content in another form. */
  YTTRA_ACCESSIBILITY_EMAIL: optionalString.pipe(z.email().optional()),
});

export type TEnv = z.infer<typeof ZEnvSchema>;

export const env: TEnv = ZEnvSchema.parse(process.env);

export const oidcEnabled = (): boolean =>
  Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);

/**
 * The app's public address, the base of every absolute link it hands out: links in e-mails
 * and the verification link and QR code in exported documents. APP_BASE_URL, else
 * NEXTAUTH_URL, else this server on localhost.
 */
export const appBaseUrl = (): string => (env.APP_BASE_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, "");
