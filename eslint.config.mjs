// ESLint flat config. eslint-config-next 16 ships flat-config arrays:
// `core-web-vitals` (Next, React, hooks, import, jsx-a11y) and `typescript` (typescript-eslint recommended).
import { readdirSync } from "node:fs";
import { defineConfig, globalIgnores } from "eslint/config";
import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// ─── Imports point down ──────────────────────────────────────────────────────
// app → features → components / server / lib. Within features, the layer order below, top to
// bottom: a feature imports only features in lower layers, never one beside or above it, so
// no two features import each other. The order is what the code says: exports renders every
// document (statements, meetings, attestation blocks); meetings put attested statements on
// the agenda and justera minutes through attestation; attestation attests statements;
// statements, the diarium, handlingar and the history are all about a case; cases is the
// spine, with notifications; admin and auth sit at the bottom. A feature uses another's
// server/ or components/ only through its public entry (server/index.ts, components/index.ts:
// small, explicit re-exports); top-level modules (schemas.ts, labels.ts, pure rules) are open
// to the features above. Services (src/server, features' server/) never import next/* or UI, so
// route handlers, jobs, scripts and tests call the same functions; src/lib is pure and imports
// nothing of ours.
const FEATURE_LAYERS = [
  ["exports", "search"],
  ["meetings"],
  ["attestation"],
  ["statements"],
  ["referrals"],
  ["audit", "diarium", "documents"],
  ["cases", "notifications"],
  ["admin", "auth"],
];

const unplaced = readdirSync(new URL("./src/features", import.meta.url)).filter((name) => !FEATURE_LAYERS.flat().includes(name));
if (unplaced.length > 0) throw new Error(`eslint.config.mjs: place ${unplaced.join(", ")} in FEATURE_LAYERS`);

const SERVICE_PATTERNS = [
  { group: ["next", "next/*", "next-auth", "next-auth/*"], message: "Services never import next/* (revalidate, redirect, notFound belong in actions and pages): route handlers, jobs, scripts and tests call the same functions." },
  { regex: "(^|/)components(/|$)", message: "Services never import UI (components/)." },
];
const NOT_APP = { regex: "^@/app/", message: "Nothing imports a route: src/app is the top." };
const leavingBy = (ups) => ({ regex: `^(\\.\\./){${ups}}`, message: "Leave the folder through @/… so the zones below see where the import goes." });
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const featureZones = FEATURE_LAYERS.flatMap((layer, index) =>
  layer.flatMap((feature) => {
    const notBelow = FEATURE_LAYERS.slice(0, index + 1).flat().filter((other) => other !== feature);
    const patterns = [
      { regex: `^@/features/(?!${feature}/)[^/]+/(server|components)/`, message: "Another feature's server/ or components/ only through its public entry: @/features/<feature>/server or @/features/<feature>/components." },
      ...(notBelow.length > 0 ? [{ regex: `^@/features/(${notBelow.join("|")})(/|$)`, message: `${feature} may import only features in lower layers (FEATURE_LAYERS in eslint.config.mjs).` }] : []),
      NOT_APP,
    ];
    return [
      { files: [`src/features/${feature}/*.{ts,tsx}`], rules: restrict(...patterns, leavingBy(1)) },
      { files: [`src/features/${feature}/*/**/*.{ts,tsx}`], ignores: [`src/features/${feature}/server/**`], rules: restrict(...patterns, leavingBy(2)) },
      { files: [`src/features/${feature}/server/**/*.{ts,tsx}`], rules: restrict(...patterns, leavingBy(2), ...SERVICE_PATTERNS) },
    ];
  }),
);

const BELOW_FEATURES = { regex: "^@/(features|app)/", message: "src/server and src/components sit below the features: pass what they need in (props, options)." };

const importZones = [
  ...featureZones,
  // The next-auth facade and the pages' orNotFound are the framework boundary; the seed moves to scripts/seed.
  { files: ["src/server/**/*.{ts,tsx}"], ignores: ["src/server/auth/**", "src/server/pages.ts", "src/server/seed/**"], rules: restrict(...SERVICE_PATTERNS, BELOW_FEATURES) },
  { files: ["src/server/auth/**/*.{ts,tsx}", "src/server/pages.ts"], rules: restrict(SERVICE_PATTERNS[1], BELOW_FEATURES) },
  { files: ["src/server/seed/**/*.{ts,tsx}"], rules: restrict(...SERVICE_PATTERNS) },
  // The header composes features' badges (the attestation and justering inboxes, the notification bell).
  { files: ["src/components/**/*.{ts,tsx}"], ignores: ["src/components/app-header.tsx"], rules: restrict(BELOW_FEATURES) },
  {
    files: ["src/lib/**/*.{ts,tsx}"],
    rules: restrict(
      { regex: "^@/(?!lib/|generated/prisma/enums$)", message: "src/lib is pure: it imports only src/lib (and the generated enum types)." },
      leavingBy(1),
    ),
  },
];

export default defineConfig([
  globalIgnores([
    ".next/**",
    "src/generated/**",
    "node_modules/**",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
    "bench-results/**",
    "next-env.d.ts",
  ]),
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      // App Router only: there is no pages/ directory for this rule to check links against.
      "@next/next/no-html-link-for-pages": "off",
      // `_`-prefixed names are deliberately unused (destructuring to omit a field, unused parameters).
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/components/link.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "ImportDeclaration[source.value='next/link']", message: "Links go through @/components/link (no prefetching: every page is dynamic and per user)." },
      ],
    },
  },
  {
    // Playwright fixtures take a `use` callback that is not a React hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  ...importZones,
]);
