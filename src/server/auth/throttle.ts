// Throttles password guessing per account and per IP address. Failures live in Postgres
// (login_failure) so every app instance sees the same counts.
import "server-only";
import { env } from "@/server/env";
import { db } from "@/server/db";

const windowStart = (): Date => new Date(Date.now() - env.LOGIN_FAILURE_WINDOW_MINUTES * 60_000);

const accountKey = (username: string): string => `user:${username}`;
const ipKey = (ip: string): string => `ip:${ip}`;

export const isLoginThrottled = async (username: string, ip: string | null): Promise<boolean> => {
  const since = windowStart();
  const [accountFailures, ipFailures] = await Promise.all([
    db.loginFailure.count({ where: { key: accountKey(username), createdAt: { gte: since } } }),
    ip ? db.loginFailure.count({ where: { key: ipKey(ip), createdAt: { gte: since } } }) : Promise.resolve(0),
  ]);
  return accountFailures >= env.LOGIN_MAX_FAILURES_PER_ACCOUNT || ipFailures >= env.LOGIN_MAX_FAILURES_PER_IP;
};

export const recordLoginFailure = async (username: string, ip: string | null): Promise<void> => {
  await db.$transaction([
    db.loginFailure.createMany({ data: [{ key: accountKey(username) }, ...(ip ? [{ key: ipKey(ip) }] : [])] }),
    // Pruning on write keeps the table small without a scheduled job.
    db.loginFailure.deleteMany({ where: { createdAt: { lt: windowStart() } } }),
  ]);
};

export const clearLoginFailures = async (username: string): Promise<void> => {
  await db.loginFailure.deleteMany({ where: { key: accountKey(username) } });
};
