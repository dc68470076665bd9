// What `npm run bench` loads (scripts/bench-pages.ts) and whose SQL it times (bench/page-sql.run.ts):
// one entry per page, with the path autocannon requests and the demo user it signs in as.
import { BENCH_COMMON_WORD, BENCH_RARE_WORD } from "../scripts/seed/bulk-words";
import { DEMO_MEETING_PLANNED_ID } from "../scripts/seed/demo-meetings";

/**
 * The case the case page, the editor and the case-number search open, and the samlingsärende
 * with the most handlingar the registrator reads (chosen from the bulk data).
 */
export type BenchCase = { id: string; caseNumber: string; collectionId: string };

export type BenchTarget = { name: string; path: string; /** Demo username, or null for an anonymous request. */ user: string | null };

const sok = (q: string) => `/sok?q=${encodeURIComponent(q)}`;

export const benchTargets = (benchCase: BenchCase): BenchTarget[] => [
  { name: "trivial", path: "/status", user: null },
  { name: "case-page", path: `/arenden/${benchCase.id}`, user: "registrator" },
  // A samlingsärende of thousands of handlingar: the case page shows the first hundred and the newest events.
  { name: "case-page-collection", path: `/arenden/${benchCase.collectionId}`, user: "registrator" },
  { name: "diarium-list", path: "/diarium", user: "registrator" },
  { name: "statement-editor", path: `/arenden/${benchCase.id}/tjansteutlatande`, user: "clas.cederlid" },
  { name: "start-page", path: "/", user: "clas.cederlid" },
  // The nämndsekreterare's start page (the ten cases longest ready for an agenda verified) and a planned meeting's page (every case it offers verified).
  { name: "start-page-secretary", path: "/", user: "sekreterare" },
  { name: "meeting-page", path: `/sammantraden/${DEMO_MEETING_PLANNED_ID}`, user: "sekreterare" },
  { name: "bevakning", path: "/bevakning", user: "registrator" },
  // The search page before a query: the signed-in layout (the actor, the header's counts and notifications) and a form; what a signed-in page costs before its content.
  { name: "search-form", path: "/sok", user: "registrator" },
  { name: "search-rare-word", path: sok(BENCH_RARE_WORD), user: "registrator" },
  { name: "search-common-word", path: sok(BENCH_COMMON_WORD), user: "registrator" },
  { name: "search-case-number", path: sok(benchCase.caseNumber), user: "registrator" },
  { name: "public-diarium", path: "/stockholm/offentligt-diarium", user: null },
  { name: "public-search", path: `/stockholm/offentligt-diarium?q=${encodeURIComponent(BENCH_COMMON_WORD)}`, user: null },
];

/** What bench/page-sql.run.ts reports per target: the milliseconds one render waits for SQL (at least one query in flight) and its round trips. */
export type PageSql = { queries: number; p50: number; p95: number; p99: number };

export const percentiles = (samples: number[]): { p50: number; p95: number; p99: number } => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN) * 100) / 100;
  return { p50: at(50), p95: at(95), p99: at(99) };
};
