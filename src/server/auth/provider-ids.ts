// next-auth provider ids, shared by the server configuration and the buttons that start a login.
// No server-only import: client components name the provider they sign in with.

/** The municipality's login (OIDC). */
export const OIDC_PROVIDER_ID = "oidc";
/**
 * The same identity provider, used as a step-up before attesting: it must authenticate the
 * user again (prompt=login, max_age) and the ID token's auth_time becomes the session's authTime.
 * Its redirect URI (/api/auth/callback/oidc-step-up) is registered at the provider too.
 */
export const OIDC_STEP_UP_PROVIDER_ID = "oidc-step-up";
