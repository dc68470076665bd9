// Step-up with the municipality's login, against a real OpenID Connect provider
// (oidc-provider, tests/support/oidc-provider.ts) on a loopback port. Yttra's side is the
// app's own next-auth configuration (authOptions) served through Next's API-route layer;
// the test plays the browser: it follows the redirects and keeps each origin's cookies.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOidcProvider } from "../support/oidc-provider";

const CLIENT = { clientId: "yttra", clientSecret: "yttra-oidc-test-client-secret" };
const LINDA_SUB = "idp-linda-palo";
const epoch = (): number => Math.floor(Date.now() / 1000);

// When the provider says the user authenticated at the next login prompt (undefined: now).
let nextLoginTs: number | undefined;

// Yttra's server listens first: its URL is the base of the client's redirect URIs.
const appServer = http.createServer();
await new Promise<void>((resolve) => appServer.listen(0, "127.0.0.1", resolve));
const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}`;

const idp = await startOidcProvider({
  appUrl,
  ...CLIENT,
  accounts: [{ sub: LINDA_SUB, email: "linda.palo@kommun.example", name: "Linda Palo" }],
  login: () => ({ accountId: LINDA_SUB, ts: nextLoginTs }),
});

const savedEnv = { ...process.env };
Object.assign(process.env, {
  NEXTAUTH_URL: appUrl,
  NEXTAUTH_SECRET: "yttra-oidc-test-nextauth-secret-0123456789",
  OIDC_ISSUER: idp.issuer,
  OIDC_CLIENT_ID: CLIENT.clientId,
  OIDC_CLIENT_SECRET: CLIENT.clientSecret,
});
afterAll(async () => {
  process.env = savedEnv;
  await new Promise<void>((resolve) => appServer.close(() => resolve()));
  await idp.stop();
});

// Everything that reads env (src/server/env.ts) is imported after it is set.
const { default: NextAuth } = await import("next-auth");
const { apiResolver } = await import("next/dist/server/api-utils/node/api-resolver.js");
const { authOptions, loadActor } = await import("@/server/auth");
const { attestStep, sendStatementForAttestation } = await import("@/features/attestation/server/attestation-service");
const { getCaseAttestationView } = await import("@/features/attestation/server/attestation-queries");
const { createTestDatabase } = await import("../support/database");
const { actorFor, createCaseWithStatement, expectAppError, seedOrganisation, sentHash, stepOf } = await import("./attestation-fixtures");

appServer.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
  const url = new URL(req.url ?? "/", appUrl);
  const route = /^\/api\/auth\/(.+)$/.exec(url.pathname);
  if (!route) {
    res.statusCode = 404;
    res.end();
    return;
  }
  const query = { ...Object.fromEntries(url.searchParams), nextauth: route[1]!.split("/") };
  const handler = { default: (apiReq: http.IncomingMessage, apiRes: http.ServerResponse) => NextAuth(apiReq as never, apiRes as never, authOptions) };
  void apiResolver(req, res, query, handler, { previewModeId: "", previewModeEncryptionKey: "", previewModeSigningKey: "", dev: false }, false);
});

// ─── The browser ────────────────────────────────────────────────────────────

const jar = new Map<string, Map<string, string>>();

const request = async (href: string, init: RequestInit = {}): Promise<Response> => {
  const url = new URL(href);
  const cookies = jar.get(url.origin) ?? new Map<string, string>();
  jar.set(url.origin, cookies);
  const cookie = [...cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  const response = await fetch(url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
  for (const line of response.headers.getSetCookie()) {
    const [pair = "", ...attributes] = line.split(";");
    const name = pair.slice(0, pair.indexOf("=")).trim();
    const value = pair.slice(pair.indexOf("=") + 1).trim();
    const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute) || (/^\s*expires=/i.test(attribute) && Date.parse(attribute.split("=")[1]!) < Date.now()));
    if (expired || value === "") cookies.delete(name);
    else cookies.set(name, value);
  }
  return response;
};

/** Follows redirects through next-auth and the provider until a page of the app. */
const follow = async (href: string): Promise<URL> => {
  let location = new URL(href);
  for (let hop = 0; hop < 20; hop++) {
    if (location.origin === appUrl && !location.pathname.startsWith("/api/auth/")) return location;
    const response = await request(location.href);
    const next = response.headers.get("location");
    if (!next) throw new Error(`${location.href} answered ${response.status} without a redirect: ${await response.text()}`);
    location = new URL(next, location);
  }
  throw new Error("Too many redirects");
};

/** The login button: next-auth's sign-in for `providerId`, then the whole round trip. */
const signIn = async (providerId: string, callbackUrl: string) => {
  const { csrfToken } = (await (await request(`${appUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request(`${appUrl}/api/auth/signin/${providerId}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }).toString(),
  });
  const { url } = (await response.json()) as { url: string };
  return { authorizationUrl: new URL(url), landing: await follow(url) };
};

const session = async () => (await (await request(`${appUrl}/api/auth/session`)).json()) as { userId?: string; sessionVersion: number; authTime: number };

const sessionActor = async () => {
  const claims = await session();
  const actor = await loadActor({ userId: claims.userId ?? "", sessionVersion: claims.sessionVersion, authTime: claims.authTime });
  if (!actor) throw new Error("No session");
  return actor;
};

// ─── The case ───────────────────────────────────────────────────────────────

const { db } = await createTestDatabase();
let caseId = "";
let statementId = "";
let lindaId = "";

beforeAll(async () => {
  await seedOrganisation();
  // Linda signs in only through the municipality's login: no password to confirm with.
  lindaId = (await db.user.update({ where: { username: "linda.palo" }, data: { passwordHash: null, oidcSubject: LINDA_SUB } })).id;
  ({ caseId, statementId } = await createCaseWithStatement(db));
  const lee = await db.user.findUniqueOrThrow({ where: { username: "lee.orberson" } });
  await sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "PARALLEL", attesterIds: [lindaId, lee.id], versionNumber: 1 } });
});

const attest = async () => attestStep({ actor: await sessionActor(), input: { stepId: await stepOf(db, statementId, "linda.palo"), contentHash: await sentHash(db, statementId) } });

describe("step-up through the municipality's OIDC login before attesting", () => {
  const hourAgo = epoch() - 3600;

  it("takes the moment of authentication from the ID token's auth_time, not from the server clock", async () => {
    // Linda's session at the provider is an hour old: signing in to Yttra rides on it.
    nextLoginTs = hourAgo;
    const { authorizationUrl, landing } = await signIn("oidc", "/attestera");
    expect(authorizationUrl.origin).toBe(idp.issuer);
    expect(authorizationUrl.searchParams.get("prompt")).toBeNull();
    expect(authorizationUrl.searchParams.get("max_age")).toBe(String(8 * 60 * 60));
    expect(landing.pathname).toBe("/attestera");
    expect(await session()).toMatchObject({ userId: lindaId, authTime: hourAgo });
    const login = await db.auditEvent.findFirstOrThrow({ where: { action: "user.login", actorId: lindaId }, orderBy: { seq: "desc" } });
    expect(login.data).toEqual({ method: "oidc", stepUp: false, authTime: hourAgo });
  });

  it("refuses to attest on an hour-old authentication and offers the step-up, not a password", async () => {
    const view = await getCaseAttestationView({ actor: await sessionActor(), caseId });
    expect(view.myStep).toMatchObject({ needsPassword: true, hasPassword: false });
    const error = await expectAppError(attest(), "UNAUTHENTICATED");
    expect(error.userMessage).toMatch(/^Logga in igen med kommunens inloggning/);
    expect(await db.attestationStep.count({ where: { assigneeId: lindaId, status: "ATTESTED" } })).toBe(0);
  });

  it("refuses a step-up whose ID token reports an old authentication (a provider that ignored prompt=login)", async () => {
    nextLoginTs = hourAgo;
    const { landing } = await signIn("oidc-step-up", `/arenden/${caseId}/attestering`);
    expect(landing.pathname).toBe("/logga-in");
    expect(landing.searchParams.get("error")).toBe("OAuthCallback");
    expect((await session()).authTime).toBe(hourAgo);
    await expectAppError(attest(), "UNAUTHENTICATED");
  });

  it("forces a fresh login at the provider (prompt=login, max_age) and then the attestation succeeds", async () => {
    nextLoginTs = undefined;
    const promptsBefore = idp.loginPrompts.length;
    const before = epoch();
    const { authorizationUrl, landing } = await signIn("oidc-step-up", `/arenden/${caseId}/attestering`);
    expect(authorizationUrl.searchParams.get("prompt")).toBe("login");
    expect(authorizationUrl.searchParams.get("max_age")).toBe("300");
    // The provider still had Linda's session, and asked her to log in anyway.
    expect(idp.loginPrompts.slice(promptsBefore)).toEqual([expect.objectContaining({ prompt: "login", maxAge: "300", reasons: expect.arrayContaining(["login_prompt"]) })]);
    expect(landing.pathname).toBe(`/arenden/${caseId}/attestering`);
    const { authTime } = await session();
    expect(authTime).toBeGreaterThanOrEqual(before);
    expect(authTime).toBeLessThanOrEqual(epoch());

    await attest();
    const step = await db.attestationStep.findFirstOrThrow({ where: { assigneeId: lindaId, request: { subjectId: statementId } } });
    expect(step).toMatchObject({ status: "ATTESTED", authMethod: "Kommunens inloggning (OIDC)" });
    const login = await db.auditEvent.findFirstOrThrow({ where: { action: "user.login", actorId: lindaId }, orderBy: { seq: "desc" } });
    expect(login.data).toEqual({ method: "oidc", stepUp: true, authTime });
  });
});
