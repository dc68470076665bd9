// A real OpenID Connect provider (the `oidc-provider` package) standing in for the
// municipality's login in tests: listens on a free loopback port and knows one
// confidential client, Yttra, with the redirect URIs of both next-auth providers.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Provider } from "oidc-provider";

export type OidcAccount = { sub: string; email: string; name: string };

/** What the provider was asked at a login prompt. */
export type LoginPrompt = { reasons: string[]; prompt: string | undefined; maxAge: string | undefined };

export type StartOidcProviderOptions = {
  /** Yttra's base URL, e.g. http://127.0.0.1:3103. */
  appUrl: string;
  clientId: string;
  clientSecret: string;
  accounts: OidcAccount[];
  /**
   * The user's side of a login prompt, answered by the test: which account and when it
   * authenticated (epoch seconds; default now). Without it the provider shows its own
   * login and consent pages (devInteractions), for a browser to fill in.
   */
  login?: (prompt: LoginPrompt) => { accountId: string; ts?: number };
  port?: number;
};

export type OidcTestProvider = { issuer: string; loginPrompts: LoginPrompt[]; stop: () => Promise<void> };

export const startOidcProvider = async ({ appUrl, clientId, clientSecret, accounts, login, port = 0 }: StartOidcProviderOptions): Promise<OidcTestProvider> => {
  const loginPrompts: LoginPrompt[] = [];
  // The issuer URL names the port, so the server listens before the provider exists.
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${appUrl}/api/auth/callback/oidc`, `${appUrl}/api/auth/callback/oidc-step-up`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    findAccount: (_ctx, id) => {
      const account = accounts.find((candidate) => candidate.sub === id);
      return account ? { accountId: id, claims: () => ({ sub: account.sub, email: account.email, email_verified: true, name: account.name }) } : undefined;
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Like Keycloak or Entra ID: the scopes' claims are in the ID token, which next-auth reads.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: !login } },
    cookies: { keys: ["yttra-test-oidc-provider"] },
  });
  const callback = provider.callback();

  const interact = async (req: http.IncomingMessage, res: http.ServerResponse, answer: NonNullable<typeof login>) => {
    const details = await provider.interactionDetails(req, res);
    const param = (name: string) => (typeof details.params[name] === "string" ? (details.params[name] as string) : undefined);
    if (details.prompt.name === "login") {
      const prompt = { reasons: details.prompt.reasons, prompt: param("prompt"), maxAge: param("max_age") };
      loginPrompts.push(prompt);
      const { accountId, ts } = answer(prompt);
      await provider.interactionFinished(req, res, { login: { accountId, ...(ts === undefined ? {} : { ts }) } }, { mergeWithLastSubmission: false });
      return;
    }
    // Consent: a first-party client gets the scopes it asks for.
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session!.accountId, clientId: param("client_id")! });
    grant!.addOIDCScope(param("scope") ?? "openid");
    await provider.interactionFinished(req, res, { consent: { grantId: await grant!.save() } }, { mergeWithLastSubmission: true });
  };

  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = new URL(req.url ?? "/", issuer).pathname;
    if (login && /^\/interaction\/[^/]+$/.test(path)) {
      interact(req, res, login).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
      return;
    }
    void callback(req, res);
  });

  return {
    issuer,
    loginPrompts,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
