// Throttles password guessing. Failures live in Postgres (login_failure) so every app
// instance sees the same counts.
//
// An attempt reserves its place before the slow password check: under transaction-scoped
// advisory locks on its keys, the recent failures are counted and, when every count is
// under its limit, one row per key is written in the same transaction. Concurrent wrong
// passwords therefore cannot all pass the check before any of them is recorded. A right
// password removes its reservation; a wrong one leaves it as the recorded failure.
//
// Keys and limits (within LOGIN_FAILURE_WINDOW_MINUTES):
// - account and address (LOGIN_MAX_FAILURES_PER_ACCOUNT): a guesser locks out only their
//   own address, not the real user elsewhere;
// - address (LOGIN_MAX_FAILURES_PER_IP): one address guessing across many accounts;
// - account from all addresses (LOGIN_MAX_FAILURES_PER_ACCOUNT_TOTAL, higher): a slower
//   limit on guessing one account from many addresses.
import "server-only";
import { db } from "@/server/db";
import { env } from "@/server/env";

/** Advisory lock class of the throttle keys (two-key form; the audit chain uses the one-key form). */
const THROTTLE_LOCK_CLASS = 7_265_002;

const windowStart = (): Date => new Date(Date.now() - env.LOGIN_FAILURE_WINDOW_MINUTES * 60_000);

const limitsFor = (username: string, address: string | null): { key: string; limit: number }[] => [
  { key: `user:${username}|ip:${address ?? "-"}`, limit: env.LOGIN_MAX_FAILURES_PER_ACCOUNT },
  // Without a known address (re-authentication inside a session) only the account counts.
  ...(address ? [{ key: `ip:${address}`, limit: env.LOGIN_MAX_FAILURES_PER_IP }] : []),
  { key: `user:${username}`, limit: env.LOGIN_MAX_FAILURES_PER_ACCOUNT_TOTAL },
];

/** Reserves an attempt: the ids of its failure rows, or null when a limit is reached. */
const reserveAttempt = (username: string, address: string | null): Promise<bigint[] | null> =>
  db.$transaction(async (tx) => {
    // Sorted, so that two attempts sharing keys take their locks in the same order.
    const limits = limitsFor(username, address).sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const { key } of limits) await tx.$executeRaw`SELECT pg_advisory_xact_lock(${THROTTLE_LOCK_CLASS}::int, hashtext(${key}))`;
    const since = windowStart();
    for (const { key, limit } of limits) {
      if ((await tx.loginFailure.count({ where: { key, createdAt: { gte: since } } })) >= limit) return null;
    }
    const rows = await tx.loginFailure.createManyAndReturn({ data: limits.map(({ key }) => ({ key })), select: { id: true } });
    // Pruning on write keeps the table small without a scheduled job.
    await tx.loginFailure.deleteMany({ where: { createdAt: { lt: since } } });
    return rows.map((row) => row.id);
  });

export type ThrottledCheckResult = "VALID" | "INVALID" | "THROTTLED";

/**
 * Runs `check` (the slow password verification) as one throttled attempt of `username`
 * from `address`. THROTTLED means the check did not run at all.
 */
export const throttledPasswordCheck = async ({ username, address, check }: { username: string; address: string | null; check: () => Promise<boolean> }): Promise<ThrottledCheckResult> => {
  const reservation = await reserveAttempt(username, address);
  if (!reservation) return "THROTTLED";
  if (!(await check())) return "INVALID";
  // Proven from this address: its earlier failures on the account are forgiven; the
  // account's total and the address's count across accounts stay.
  const [accountAndAddress] = limitsFor(username, address);
  await db.loginFailure.deleteMany({ where: { OR: [{ id: { in: reservation } }, { key: accountAndAddress!.key }] } });
  return "VALID";
};
