/**
 * The installation administrator of the "from-scratch" project's empty installation
 * (playwright.config.ts creates it with scripts/user-create.ts before the server starts).
 */
export const SCRATCH_INSTALLATION_ADMIN = { username: "drift", name: "Driftansvarig", password: "ett-långt-drift-lösenord" } as const;
