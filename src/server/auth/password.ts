import "server-only";
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id (algorithm 2; the enum is a const enum that isolatedModules cannot import),
// OWASP's second recommended profile: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

// A real hash of a random secret: checking an unknown user costs as much as a known one,
// so response times do not reveal which usernames exist.
let dummyHash: Promise<string> | undefined;
const getDummyHash = (): Promise<string> => (dummyHash ??= hashPassword(randomBytes(16).toString("hex")));

export const verifyPassword = async (passwordHash: string | null | undefined, password: string): Promise<boolean> => {
  try {
    if (!passwordHash) {
      await verify(await getDummyHash(), password);
      return false;
    }
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

