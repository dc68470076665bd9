// The diarium at scale: 100 000 cases in Hägersten-Älvsjö (plus 10 000 in Södermalm), one
// handling and one deadline per case, then the list queries as the pages run them —
// first page, a page 80 000 rows deep via its cursor, filtered, free text, other sorts,
// the public diarium, search (/sok) and bevakning — and EXPLAIN of the keyset queries to check that they
// walk an index instead of sorting the committee's cases.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { encodeCursor } from "@/features/diarium/cursor";
import { listDeadlines, summarizeDeadlines } from "@/features/diarium/server/deadlines";
import { diariumFilterOptions, listDiariumCases } from "@/features/diarium/server/diarium-list";
import { listMyOpenCases } from "@/features/diarium/server/my-cases";
import { listPublicDiarium } from "@/features/diarium/server/public-diarium";
import { searchCases } from "@/features/search/server/search";
import { PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth/actor";
import { setDb } from "@/server/db";
import { DEMO_USERS } from "../scripts/seed/demo-organisation";
import { seedDemoData } from "../scripts/seed/demo";
import { sample, type Bench } from "./support";

const HAS_CASES = 100_000;
const SOS_CASES = 10_000;

const demoActor = (username: string): Actor => {
  const user = DEMO_USERS.find((candidate) => candidate.username === username)!;
  return {
    id: user.id,
    username,
    name: user.name,
    title: user.title,
    phone: user.phone,
    email: null,
    authTime: 0,
    memberships: user.memberships.map((membership) => {
      const [unitType, unitId] = Object.entries(membership.unit)[0]! as [string, string];
      const type = ({ municipalityId: "MUNICIPALITY", committeeId: "COMMITTEE", administrationId: "ADMINISTRATION", departmentId: "DEPARTMENT" } as const)[unitType as "committeeId"];
      return { role: membership.role, unitType: type, unitId, unitName: unitId };
    }),
  };
};

type PlanNode = { "Node Type": string; "Index Name"?: string; "Relation Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

const summarisePlan = (node: PlanNode): string[] => [
  `${node["Node Type"]}${node["Index Name"] ? ` using ${node["Index Name"]}` : node["Relation Name"] ? ` on ${node["Relation Name"]}` : ""} (rows ${node["Actual Rows"] ?? "?"})`,
  ...(node.Plans ?? []).flatMap(summarisePlan).map((line) => `  ${line}`),
];

const insertData = async (client: pg.Client) => {
  const clas = DEMO_USERS.find((user) => user.username === "clas.cederlid")!.id;
  const linda = DEMO_USERS.find((user) => user.username === "linda.palo")!.id;
  const registrar = DEMO_USERS.find((user) => user.username === "registrator")!.id;
  const insertCases = (committee: string, prefix: string, departments: string[], count: number, offset: number) =>
    client.query(
      `WITH cls AS (SELECT array_agg(id ORDER BY code) AS ids FROM classification)
       INSERT INTO "case" (id, case_number, series_id, year, sequence, title, kind, status, committee_id, department_id, case_officer_id,
                           classification_id, received_date, due_date, secrecy_reference, created_by_id, created_at, updated_at, last_document_number)
       SELECT gen_random_uuid(), $1 || ' ' || (2015 + i % 10) || '/' || (100000 + i), 'series-' || $2, 2015 + i % 10, 100000 + i,
              'Ärende ' || i || ' om ' || (ARRAY['parkbelysning','skolvägar','utegym','drogscener','bygglov'])[1 + i % 5],
              'OTHER', (CASE WHEN i % 10 < 7 THEN 'CLOSED' ELSE 'OPEN' END)::"CaseStatus", $2,
              ($3::text[])[1 + i % array_length($3::text[], 1)],
              CASE WHEN i % 20 = 0 THEN $4::uuid ELSE $5::uuid END,
              cls.ids[1 + i % array_length(cls.ids, 1)],
              date '2015-01-01' + (i % 3650), CASE WHEN i % 4 = 0 THEN NULL ELSE date '2015-01-01' + (i % 3650) + 60 END,
              CASE WHEN i % 200 = 0 THEN '26 kap. 1 § OSL' END, $6::uuid,
              now() - make_interval(mins => ($7::int + $8::int - i) / 2), now(), 1
         FROM generate_series($8::int + 1, $8::int + $7::int) AS i, cls`,
      [prefix, committee, departments, clas, linda, registrar, count, offset],
    );
  await insertCases("has", "HÄS", ["has-sos", "has-sos", "has-ifo"], HAS_CASES, 0);
  await insertCases("sos", "SÖS", ["sos-sos"], SOS_CASES, HAS_CASES);
  await client.query(
    `INSERT INTO case_document (id, case_id, number, direction, document_date, registered_at, counterpart, description, secrecy_reference, created_by_id, created_at, updated_at)
     SELECT gen_random_uuid(), c.id, 1, 'INCOMING', c.received_date, c.created_at, 'Kommunstyrelsen', 'Remissunderlag ' || c.title, NULL, c.created_by_id, c.created_at, now()
       FROM "case" c WHERE c.sequence > 100000`,
  );
  await client.query(
    `INSERT INTO deadline (id, case_id, kind, due_date, description, created_at, updated_at)
     SELECT gen_random_uuid(), c.id, CASE WHEN c.sequence % 3 = 0 THEN 'MOTION_ONE_YEAR' ELSE 'REFERRAL_DUE' END::"DeadlineKind",
            current_date + (c.sequence % 120) - 30, 'Remisstid', now(), now()
       FROM "case" c WHERE c.sequence > 100000 AND c.status = 'OPEN'`,
  );
  await client.query("ANALYZE");
};

const bench: Bench = async ({ db, url, log, candidateSql }) => {
  log("seeding the demo organisation …");
  await seedDemoData({ nodeEnv: "development", force: false });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let started = performance.now();
    log(`inserting ${HAS_CASES + SOS_CASES} cases, their handlingar and deadlines …`);
    await insertData(client);
    const insertSeconds = Math.round((performance.now() - started) / 100) / 10;
    log(`inserted in ${insertSeconds} s`);
    for (const statement of candidateSql) {
      log(`candidate: ${statement}`);
      await client.query(statement);
    }
    if (candidateSql.length > 0) await client.query("ANALYZE");

    const registrar = demoActor("registrator");
    const clas = demoActor("clas.cederlid");
    const linda = demoActor("linda.palo");
    const deep = await client.query<{ id: string; created_at: Date }>(
      `SELECT id, created_at FROM "case" WHERE committee_id = 'has' ORDER BY created_at DESC, id DESC OFFSET 80000 LIMIT 1`,
    );
    const deepRow = deep.rows[0]!;
    const deepCursor = encodeCursor({ s: "registrerad-nyast", k: [deepRow.created_at.toISOString()], id: deepRow.id });
    const publicDeepRow = (
      await client.query<{ id: string; registered_at: Date }>(`SELECT id, registered_at FROM case_document ORDER BY registered_at DESC, id DESC OFFSET 80000 LIMIT 1`)
    ).rows[0]!;
    const publicDeepCursor = encodeCursor({ s: "publik", k: [publicDeepRow.registered_at.toISOString()], id: publicDeepRow.id });

    const checks: Record<string, () => Promise<unknown>> = {
      "diarium: first page (registrator)": () => listDiariumCases({ actor: registrar, params: {} }),
      "diarium: page 1 600 (cursor, 80 000 deep)": () => listDiariumCases({ actor: registrar, params: { efter: deepCursor } }),
      "diarium: back from 80 000 deep": () => listDiariumCases({ actor: registrar, params: { fore: deepCursor } }),
      "diarium: filtered (nämnd, år, öppna)": () => listDiariumCases({ actor: registrar, params: { namnd: "has", ar: 2020, status: "OPEN" } }),
      "diarium: endast försenade": () => listDiariumCases({ actor: registrar, params: { forsenade: "1" } }),
      "diarium: free text": () => listDiariumCases({ actor: registrar, params: { q: "ärende 4242" } }),
      "diarium: sort remisstid": () => listDiariumCases({ actor: registrar, params: { sortering: "remisstid" } }),
      "diarium: sort diarienummer": () => listDiariumCases({ actor: registrar, params: { sortering: "diarienummer-fallande" } }),
      "diarium: first page (handläggare)": () => listDiariumCases({ actor: clas, params: {} }),
      "diarium: filter choices": () => diariumFilterOptions(registrar),
      "public: first page": () => listPublicDiarium({ municipalityId: "stockholm", params: {} }),
      "public: 80 000 deep": () => listPublicDiarium({ municipalityId: "stockholm", params: { efter: publicDeepCursor } }),
      "public: free text": () => listPublicDiarium({ municipalityId: "stockholm", params: { q: "utegym 777" } }),
      "search: rare word (registrator)": () => searchCases({ actor: registrar, params: { q: "77777" } }),
      "search: common word (registrator)": () => searchCases({ actor: registrar, params: { q: "utegym" } }),
      "search: common word (handläggare)": () => searchCases({ actor: clas, params: { q: "drogscenerna" } }),
      "search: case number (registrator)": () => searchCases({ actor: registrar, params: { q: "has 2020-100005" } }),
      "bevakning (avdelningschef)": () => listDeadlines({ actor: linda }),
      "start page deadlines (avdelningschef)": () => summarizeDeadlines({ actor: linda }),
      "mina ärenden (handläggare)": () => listMyOpenCases({ actor: clas }),
    };
    const measurements: Record<string, number[]> = {};
    started = performance.now();
    for (const [name, fn] of Object.entries(checks)) {
      measurements[name] = await sample(fn, { runs: 30, warmup: 3 });
    }
    log(`measured in ${Math.round((performance.now() - started) / 100) / 10} s`);

    // EXPLAIN the SQL Prisma actually sends for the keyset queries.
    const captured: { query: string; params: string }[] = [];
    const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 2 }), log: [{ emit: "event", level: "query" }] });
    logging.$on("query", (event) => captured.push({ query: event.query, params: event.params }));
    setDb(logging);
    const explain = async (name: string, fn: () => Promise<unknown>) => {
      captured.length = 0;
      await fn();
      const query = captured.find((entry) => /FROM "public"\."case"|FROM "case"|FROM case_document/.test(entry.query) && /LIMIT/i.test(entry.query));
      if (!query) return { name, error: "query not captured" };
      const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${query.query}`,
        JSON.parse(query.params) as unknown[],
      );
      const plan = rows[0]!["QUERY PLAN"][0];
      const lines = summarisePlan(plan.Plan);
      return { name, executionMs: Math.round(plan["Execution Time"] * 100) / 100, usesIndex: lines.some((line) => /Index/.test(line)), sortsAll: lines.some((line) => /^\s*Sort/.test(line)), plan: lines };
    };
    const plans = [
      await explain("first page", () => listDiariumCases({ actor: registrar, params: {} })),
      await explain("80 000 deep", () => listDiariumCases({ actor: registrar, params: { efter: deepCursor } })),
      await explain("filtered by committee, 80 000 deep", () => listDiariumCases({ actor: registrar, params: { namnd: "has", efter: deepCursor } })),
      await explain("public, 80 000 deep", () => listPublicDiarium({ municipalityId: "stockholm", params: { efter: publicDeepCursor } })),
      await explain("free text", () => listDiariumCases({ actor: registrar, params: { q: "ärende 4242" } })),
      await explain("public free text", () => listPublicDiarium({ municipalityId: "stockholm", params: { q: "utegym 777" } })),
    ];
    setDb(db);
    await logging.$disconnect();

    return {
      measurements,
      notes: {
        loadAverageNote: "Timings on a shared machine: compare runs made close together.",
        cases: HAS_CASES + SOS_CASES,
        insertSeconds,
        explain: plans,
      },
    };
  } finally {
    await client.end();
  }
};

export default bench;
