// Calling server actions and route handlers the way a browser does, with any session:
// the action id from the build's server-reference manifest, the arguments encoded by
// React's own encodeReply (what the client runtime sends), the Flight reply parsed back.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

export type ManifestAction = { id: string; name: string; file: string; path: string };

/** `src/features/x/actions.ts#nameAction` for every action the build exposes. */
export const actionKey = (action: Pick<ManifestAction, "file" | "name">): string => `${action.file}#${action.name}`;

/** Every server action of the build, with a page path that serves it. */
export const readActionManifest = (): ManifestAction[] => {
  const distDir = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(ROOT, distDir, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    // A page without dynamic segments; Next forwards an action to the worker that has it.
    const worker = Object.keys(entry.workers).find((name) => !name.includes("[")) ?? "app/page";
    const pagePath = worker.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
    return { id, name: entry.exportedName, file: entry.filename, path: pagePath };
  });
};

/** A signed-in session's cookies (next-auth credentials login, as the login form does). */
export const loginCookies = async (baseURL: string, username: string, password = "demo"): Promise<string> => {
  const csrf = await fetch(`${baseURL}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseURL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; "), origin: baseURL },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const all = [...cookies, ...response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]!)];
  if (!all.some((cookie) => cookie.includes("session-token="))) throw new Error(`Login as ${username} failed (${response.status})`);
  return all.join("; ");
};

export type ActionReply = {
  status: number;
  /** The action's return value; undefined when the reply carried none (redirect, error page). */
  result: unknown;
  /** Where a successful action redirected to (x-action-redirect). */
  redirect: string | null;
  body: string;
};

/** The action's value in a Flight reply: row 0 is `{"a":"$@<row>",…}`, that row is the value. */
const actionValue = (body: string): unknown => {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const match = /^([0-9a-f]+):(.*)$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  const root = rows.get("0");
  if (!root) return undefined;
  try {
    const reference = (JSON.parse(root) as { a?: unknown }).a;
    if (typeof reference !== "string" || !reference.startsWith("$@")) return undefined;
    const row = rows.get(reference.slice(2));
    return row === undefined ? undefined : JSON.parse(row);
  } catch {
    return undefined;
  }
};

export const callAction = async (
  baseURL: string,
  action: Pick<ManifestAction, "id" | "path">,
  args: unknown[],
  { cookie, raw }: { cookie?: string; raw?: { body: string | FormData; contentType?: string } } = {},
): Promise<ActionReply> => {
  const body = raw?.body ?? (await encodeReply(args));
  const response = await fetch(`${baseURL}${action.path}`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "next-action": action.id,
      accept: "text/x-component",
      origin: baseURL,
      ...(cookie ? { cookie } : {}),
      ...(typeof body === "string" ? { "content-type": raw?.contentType ?? "text/plain;charset=UTF-8" } : {}),
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, result: actionValue(text), redirect: response.headers.get("x-action-redirect"), body: text };
};

/** A FormData from a record; arrays become repeated fields. */
export const formOf = (fields: Record<string, string | string[]>): FormData => {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const item of [value].flat()) form.append(key, item);
  return form;
};
