// How the app's HTTP server (scripts/serve.mjs) is started by `npm start`, `npm run dev` and
// `npm run bench`: the same Node binary, a larger young generation, and on Node 22 the flag that
// makes AsyncLocalStorage cheap; then waiting until it answers.
//
// Next.js keeps each request's state (headers, cookies, the work store) in AsyncLocalStorage and
// reads it throughout a render. On Node 20 and 22 that storage follows every promise through an
// async_hooks hook written in JavaScript, which runs on each of the thousands of promises a page
// creates (React, Prisma, pg). Node 24 carries the store in the async context frame instead;
// Node 22 does the same with --experimental-async-context-frame, which Node 20 lacks. Measured
// on the case page against the bulk data (app CPU per request, lowest of three alternating runs):
// Node 22 17.9 ms → 15.2 ms with the flag; Node 24 12.2 ms against Node 20's 16.9 ms.
import type { ChildProcess } from "node:child_process";
import path from "node:path";

const ASYNC_CONTEXT_FRAME = "--experimental-async-context-frame";

// A page's render allocates a few megabytes that die with the request (React's elements, the RSC
// payload, Prisma's rows); with Node 20's 16 MB semi-spaces 16 concurrent renders fill the young
// generation many times a second. 64 MB: app CPU per request on the bulk data, alternating runs,
// case page 19.6–20.0 → 18.2–19.1 ms, diarium 20.0–20.1 → 18.5–18.7, the trivial page 4.05 → 3.64;
// on Node 24, whose V8 sizes it itself, no change (12.3 → 12.2 ms). It costs about 100 MB more
// memory under load (two semi-spaces of 64 MB instead of 16; V8 sizes its new large-object space
// from them too): count it in a memory-limited deployment.
const YOUNG_GENERATION = "--max-semi-space-size=64";

/** The first Node 22 taken to have a working frame: in 22.7, where the flag came, every AsyncLocalStorage.run threw (nodejs/node#54503). */
const ASYNC_CONTEXT_FRAME_SINCE = [22, 12] as const;

const atLeast = (version: string, [major, minor]: readonly [number, number]) => {
  const [actualMajor = 0, actualMinor = 0] = version.replace(/^v/, "").split(".").map(Number);
  return actualMajor > major || (actualMajor === major && actualMinor >= minor);
};

/** Node's flags for the app server: the young generation, and the async context frame where this Node has it as an option (22.12 and later 22); Node 24 has it by default. */
export const appServerNodeFlags = (allowed: ReadonlySet<string> = process.allowedNodeEnvironmentFlags, version: string = process.version): string[] => [
  YOUNG_GENERATION,
  ...(allowed.has(ASYNC_CONTEXT_FRAME) && atLeast(version, ASYNC_CONTEXT_FRAME_SINCE) ? [ASYNC_CONTEXT_FRAME] : []),
];

/** The arguments to `process.execPath` that start scripts/serve.mjs in `root` with `serveArgs`. */
export const appServerArgs = (root: string, serveArgs: string[] = []): string[] => [...appServerNodeFlags(), path.join(root, "scripts", "serve.mjs"), ...serveArgs];

/** Waits until the server started as `child` answers `url` (its /api/health); throws if it exits or does not answer within `timeoutMs`. */
export const waitForHealth = async (url: string, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Appen avslutades med kod ${child.exitCode}.`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Appen svarade inte på ${url} inom ${timeoutMs / 1000} s.`);
};
