// Bulk data for benchmarks (`npm run db:seed:bulk`, `npm run bench`): on top of the demo
// installation, `cases` cases spread over every committee that has a series and a department
// with handläggare (Stockholm's and Exempelby's; each such department gets a second
// handläggare, and one case in twenty a medhandläggare), ten years back, with Swedish titles from
// word lists (bulk-words.ts), motions with authors and att-satser, `documents` handlingar
// (some confidential, some with a PDF whose text is extracted), remisstider, ten years of
// historical meetings with a § for every closed case, and tjänsteutlåtanden with every
// section written for most open cases — a few of them attested through the attestation engine.
//
// Set-based: the rows are made by INSERT … SELECT over generate_series in one transaction,
// the non-unique indexes of the big tables are rebuilt once after the insert instead of row by
// row, and numbers continue the series' and § counters, so the app registers and decides on
// top of the data as usual. The transaction ends with one `seed.bulk` event in the händelselogg.
import { randomUUID } from "node:crypto";
import PDFDocument from "pdfkit";
import * as engine from "@/features/attestation/server/engine";
import { statementSubject } from "@/features/attestation/server/statement-subject";
import { doc, paragraph } from "@/features/statements/rich-text";
import type { TStatementContent } from "@/features/statements/schemas";
import { buildInitialContent, CASE_FOR_STATEMENT_SELECT, hashStatementContent, resolveSignatories } from "@/features/statements/server/create-statement";
import { ensureDefaultTemplate } from "@/features/statements/server/templates";
import { formatDocumentNumber } from "@/lib/case-number";
import { sha256Hex } from "@/lib/hash";
import type { Passage } from "@/lib/passages";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { extractText } from "@/server/text-extraction";
import { AUTHORS, BENCH_RARE_WORD, COLLEAGUES, DOCUMENT_KINDS, ORGANISATIONS, PARTIES, PLACES, RARE_WORDS, SENDERS, SENTENCES, TOPICS } from "./bulk-words";
import { demoUser } from "./demo-organisation";

export type SeedBulkOptions = { cases: number; documents: number; log?: (message: string) => void };
export type SeedBulkResult = { version: number; cases: number; documents: number; files: number; statements: number; attested: number; meetings: number; decisions: number };

/**
 * The shape of the bulk data, recorded in its `seed.bulk` event: raise it when the data changes,
 * so `npm run bench` seeds anew instead of measuring data of another shape (2: medhandläggare).
 */
export const BULK_DATA_VERSION = 2;

/** Tables whose non-unique indexes are dropped during the insert and rebuilt after it. */
const REBUILT_TABLES = ["case", "case_document", "case_document_file", "case_document_file_passage", "statement_version", "deadline", "motion"];
/** PDFs the files are drawn from (content-addressed blobs, each with its text). */
const PDF_VARIANTS = 48;
/** One PDF variant in LONG_PDF_EVERY is a long report of LONG_PDF_PAGES pages (about 60 000 characters), as budgets and utredningar are. */
const LONG_PDF_EVERY = 24;
const LONG_PDF_PAGES = 24;
const STATEMENT_CHUNK = 1_000;

/** A small deterministic generator, so two bulk runs write the same texts. */
const randomFrom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
};

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

const sentencesFrom = (random: () => number, count: number): string => Array.from({ length: count }, () => pick(random, SENTENCES)).join(" ");

/** A PDF of the given pages, each a list of paragraphs. */
const renderPdf = (pages: string[][]): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ info: { CreationDate: new Date("2026-01-01T00:00:00Z") } });
    const chunks: Buffer[] = [];
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
    pages.forEach((lines, index) => {
      if (index > 0) pdf.addPage();
      for (const line of lines) pdf.text(line);
    });
    pdf.end();
  });

type PdfVariant = { sha256: string; size: number; passages: Passage[] };

/** The PDF variants: their bytes as blobs and their text in passages, which the files carry as already extracted. */
const insertPdfBlobs = async (tx: Tx): Promise<PdfVariant[]> => {
  const random = randomFrom(20_261_201);
  const variants = [];
  for (let n = 0; n < PDF_VARIANTS; n++) {
    const heading = `Underlag om ${pick(random, TOPICS)} i ${pick(random, PLACES)}`;
    const rare = n % 8 === 3 ? [`Bilagan beskriver även ${pick(random, RARE_WORDS)} i området.`] : [];
    const pages =
      n % LONG_PDF_EVERY === LONG_PDF_EVERY - 1
        ? Array.from({ length: LONG_PDF_PAGES }, (_, page) => [
            ...(page === 0 ? [heading] : []),
            ...Array.from({ length: 6 }, () => sentencesFrom(random, 4)),
            ...(page === LONG_PDF_PAGES - 1 ? rare : []),
          ])
        : [[heading, sentencesFrom(random, 4), sentencesFrom(random, 3), ...rare]];
    const data = await renderPdf(pages);
    // Its text as the worker extracts it (src/server/text-extraction.ts).
    const passages = await extractText(data, "application/pdf");
    variants.push({ sha256: sha256Hex(data), size: data.length, passages, data });
  }
  await tx.blob.createMany({
    data: variants.map((variant) => ({ sha256: variant.sha256, size: variant.size, mimeType: "application/pdf", data: new Uint8Array(variant.data) })),
    skipDuplicates: true,
  });
  return variants.map(({ sha256, size, passages }) => ({ sha256, size, passages }));
};

const sql = (tx: Tx, text: string, ...params: unknown[]) => tx.$executeRawUnsafe(text, ...params);

/** The word lists, as one row the generating statements join (CREATE TABLE AS takes no parameters). */
const createWords = async (tx: Tx) => {
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_words (topics text[], places text[], senders text[], organisations text[], rare text[], bench_rare text, authors text[], parties text[], document_kinds text[]) ON COMMIT DROP`,
  );
  await sql(
    tx,
    "INSERT INTO bulk_words VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    [...TOPICS],
    [...PLACES],
    [...SENDERS],
    [...ORGANISATIONS],
    [...RARE_WORDS],
    BENCH_RARE_WORD,
    [...AUTHORS],
    [...PARTIES],
    [...DOCUMENT_KINDS],
  );
};

/**
 * A second handläggare in each department that has one, so a case can be shared: the cases are
 * drawn over both, and one in CO_OFFICER_EVERY has the other as medhandläggare (insertCoOfficers).
 * They have no password: they are colleagues in the data, not demo logins.
 */
const addColleagues = (tx: Tx) =>
  sql(
    tx,
    `WITH staffed AS (
       SELECT DISTINCT m.department_id FROM membership m JOIN app_user u ON u.id = m.user_id AND u.disabled_at IS NULL
        WHERE m.role = 'CASE_OFFICER' AND m.department_id IS NOT NULL
     ),
     colleague AS (
       SELECT gen_random_uuid() AS id, department_id, ($1::text[])[1 + (row_number() OVER (ORDER BY department_id) - 1)::int % cardinality($1::text[])] AS name FROM staffed
     ),
     added AS (
       INSERT INTO app_user (id, username, name, title, updated_at)
       SELECT id, 'bulk.' || department_id, name, 'Utredare', now() FROM colleague
       ON CONFLICT (username) DO NOTHING
       RETURNING id
     )
     INSERT INTO membership (id, user_id, role, department_id, updated_at)
     SELECT gen_random_uuid(), colleague.id, 'CASE_OFFICER', colleague.department_id, now() FROM colleague JOIN added ON added.id = colleague.id`,
    [...COLLEAGUES],
  );

/** One case in CO_OFFICER_EVERY has a medhandläggare. */
const CO_OFFICER_EVERY = 20;

/** The medhandläggare: another handläggare of the case's department (the app offers those of its förvaltning). */
const insertCoOfficers = (tx: Tx) =>
  sql(
    tx,
    `INSERT INTO case_co_officer (case_id, user_id, added_by_id, created_at, updated_at)
     SELECT b.id, colleague.user_id, b.officer_id, b.created_at, b.created_at
       FROM bulk_case b
       CROSS JOIN LATERAL (
         SELECT m.user_id FROM membership m JOIN app_user u ON u.id = m.user_id AND u.disabled_at IS NULL
          WHERE m.role = 'CASE_OFFICER' AND m.department_id = b.department_id AND m.user_id <> b.officer_id
          ORDER BY m.user_id LIMIT 1
       ) colleague
      WHERE b.i % ${CO_OFFICER_EVERY} = 3`,
  );

/** Committee × department pairs that can hold cases, with who registers, handles and records their meetings. */
const createUnits = (tx: Tx) =>
  sql(
    tx,
    `CREATE TEMP TABLE bulk_unit ON COMMIT DROP AS
     WITH unit AS (
       SELECT c.id AS committee_id, c.name AS committee_name, c.municipality_id, s.id AS series_id, s.format, s.prefix, s.seq_padding, d.id AS department_id,
              (SELECT array_agg(m.user_id ORDER BY m.user_id) FROM membership m JOIN app_user au ON au.id = m.user_id AND au.disabled_at IS NULL
                WHERE m.role = 'CASE_OFFICER' AND (m.department_id = d.id OR m.administration_id = a.id)) AS officers,
              (SELECT m.user_id FROM membership m WHERE m.role = 'REGISTRAR' AND (m.committee_id = c.id OR m.municipality_id = c.municipality_id) ORDER BY m.committee_id NULLS LAST, m.user_id LIMIT 1) AS registrar,
              (SELECT m.user_id FROM membership m WHERE m.role = 'COMMITTEE_SECRETARY' AND m.committee_id = c.id ORDER BY m.user_id LIMIT 1) AS secretary,
              (SELECT array_agg(cl.id ORDER BY cl.code) FROM classification cl WHERE cl.municipality_id = c.municipality_id AND cl.active) AS classes
         FROM committee c
         JOIN registry_series s ON s.committee_id = c.id
         JOIN administration a ON a.committee_id = c.id
         JOIN department d ON d.administration_id = a.id
     )
     -- The demo's Hägersten-Älvsjö first: the benchmark's pinned cases (see BENCH_UNIT) land there.
     SELECT (row_number() OVER (ORDER BY committee_id <> 'has', committee_id, department_id) - 1)::int AS ord, * FROM unit WHERE officers IS NOT NULL`,
  );

const createCases = async (tx: Tx, cases: number) => {
  await sql(tx, "SELECT setseed(0.2026)");
  // Drawn values first (random() per row), then the texts and numbers built from them.
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_draw ON COMMIT DROP AS
     SELECT i, gen_random_uuid() AS id, random() AS r_date, random() AS r_kind, random() AS r_topic, random() AS r_place, random() AS r_rare,
            random() AS r_word, random() AS r_status, random() AS r_secret, random() AS r_class, random() AS r_officer, random() AS r_sender, random() AS r_time
       FROM generate_series(1, ${cases}) AS i`,
  );
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_case ON COMMIT DROP AS
     WITH drawn AS (
       SELECT d.*, u.committee_id, u.committee_name, u.municipality_id, u.series_id, u.format, u.prefix, u.seq_padding, u.department_id,
              u.officers[1 + floor(d.r_officer * array_length(u.officers, 1))::int] AS officer_id,
              u.registrar, u.secretary,
              u.classes[1 + floor(d.r_class * coalesce(array_length(u.classes, 1), 0))::int] AS classification_id,
              current_date - floor(d.r_date * 3650)::int AS received,
              CASE WHEN d.r_kind < 0.45 THEN 'MOTION_REFERRAL' WHEN d.r_kind < 0.7 THEN 'AGENCY_REFERRAL' WHEN d.r_kind < 0.85 THEN 'LETTER' ELSE 'OTHER' END AS kind,
              w.topics[1 + floor(d.r_topic * array_length(w.topics, 1))::int] AS topic,
              w.places[1 + floor(d.r_place * array_length(w.places, 1))::int] AS place,
              w.senders[1 + floor(d.r_sender * array_length(w.senders, 1))::int] AS sender,
              w.organisations[1 + floor(d.r_sender * array_length(w.organisations, 1))::int] AS organisation,
              CASE WHEN d.i % 25000 = 7 THEN w.bench_rare WHEN d.r_rare < 0.01 THEN w.rare[1 + floor(d.r_word * array_length(w.rare, 1))::int] END AS rare
         FROM bulk_draw d
         -- The cases holding the benchmark's rare word (i % 25000 = 7) and its handling (case 12, see insertDocuments)
         -- are public cases of the first unit, so the demo users the benchmark signs in as read them whatever units exist.
         JOIN bulk_unit u ON u.ord = CASE WHEN d.i % 25000 IN (7, 12) THEN 0 ELSE d.i % (SELECT count(*) FROM bulk_unit) END
         CROSS JOIN bulk_words w
     ),
     titled AS (
       SELECT drawn.*, extract(year FROM received)::int AS year,
              CASE kind
                WHEN 'MOTION_REFERRAL' THEN 'Remiss av motion om ' || topic || ' i ' || place
                WHEN 'AGENCY_REFERRAL' THEN 'Remiss av ' || (ARRAY['förslag till program', 'utredning', 'strategi', 'handlingsplan', 'förslag till riktlinjer'])[1 + i % 5] || ' för ' || topic
                WHEN 'LETTER' THEN 'Skrivelse från ' || organisation || ' om ' || topic || ' i ' || place
                ELSE 'Medborgarförslag om ' || topic || ' i ' || place
              END || coalesce(' samt ' || rare, '') AS title,
              CASE kind WHEN 'MOTION_REFERRAL' THEN 'Kommunstyrelsen' WHEN 'AGENCY_REFERRAL' THEN sender END AS referring_body,
              CASE WHEN r_status < 0.005 THEN 'MISREGISTERED' WHEN received < current_date - 120 AND r_status < 0.92 THEN 'CLOSED' ELSE 'OPEN' END AS status,
              (received + time '08:00' + make_interval(secs => floor(r_time * 32400)::int))::timestamp AS created_at
         FROM drawn
     )
     SELECT t.*,
            (greatest(counter.last_value, taken.sequence, 0) + row_number() OVER (PARTITION BY t.series_id, t.year ORDER BY t.created_at, t.i))::int AS sequence,
            CASE WHEN t.kind = 'MOTION_REFERRAL' THEN 'KS ' || t.year || '/' || (1000 + t.i % 8000)
                 WHEN t.kind = 'AGENCY_REFERRAL' THEN (100 + t.i % 900) || '-' || t.year END AS referring_case_number,
            CASE WHEN t.kind IN ('MOTION_REFERRAL', 'AGENCY_REFERRAL') THEN t.received + 60 END AS due_date,
            CASE WHEN t.r_secret < 0.01 AND t.i % 25000 NOT IN (7, 12) THEN '26 kap. 1 § OSL' END AS secrecy_reference
       FROM titled t
       LEFT JOIN registry_series_counter counter ON counter.series_id = t.series_id AND counter.year = t.year
       -- Migrated numbers (registered with their befintliga diarienummer) sit above the counter, which skips them.
       LEFT JOIN (SELECT series_id, year, max(sequence) AS sequence FROM "case" GROUP BY series_id, year) taken ON taken.series_id = t.series_id AND taken.year = t.year`,
  );
  await sql(tx, "CREATE INDEX ON bulk_case (i)");
};

/** Ten years of monthly meetings (not July) per committee; each closed case got its § at the first meeting 45 days after it came in. */
const createMeetings = async (tx: Tx) => {
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_meeting ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, c.committee_id, (month + interval '17 days 16 hours')::timestamp AS starts_at
       FROM (SELECT DISTINCT committee_id FROM bulk_unit) c,
            generate_series(date_trunc('month', current_date - 3660), date_trunc('month', current_date) - interval '1 month', interval '1 month') AS month
      WHERE extract(month FROM month) <> 7`,
  );
  await sql(tx, "CREATE INDEX ON bulk_meeting (committee_id, starts_at)");
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_decided ON COMMIT DROP AS
     SELECT b.id AS case_id, b.committee_id, b.committee_name, b.title, b.referring_body, b.sequence, m.id AS meeting_id, m.starts_at
       FROM bulk_case b
       CROSS JOIN LATERAL (SELECT id, starts_at FROM bulk_meeting m WHERE m.committee_id = b.committee_id AND m.starts_at >= b.received + 45 ORDER BY starts_at LIMIT 1) m
      WHERE b.status = 'CLOSED'`,
  );
  // A closed case whose meeting would be in the future stays open.
  await sql(tx, `UPDATE bulk_case SET status = 'OPEN' WHERE status = 'CLOSED' AND id NOT IN (SELECT case_id FROM bulk_decided)`);
};

const insertCases = async (tx: Tx) => {
  await sql(
    tx,
    `INSERT INTO "case" (id, case_number, series_id, year, sequence, title, kind, status, committee_id, department_id, case_officer_id, classification_id,
                         referring_body, referring_case_number, received_date, due_date, secrecy_reference, secrecy_reason, secrecy_decided_by_id, secrecy_decided_at,
                         closed_at, closed_reason, answered_date, last_document_number, created_by_id, created_at, updated_at)
     SELECT b.id,
            replace(replace(replace(replace(replace(b.format, '{prefix}', b.prefix), '{year}', b.year::text), '{yy}', lpad((b.year % 100)::text, 2, '0')),
                    '{seq}', lpad(b.sequence::text, greatest(b.seq_padding, length(b.sequence::text)), '0')), '{class}', coalesce(cl.code, '')),
            b.series_id, b.year, b.sequence, b.title, b.kind::"CaseKind", b.status::"CaseStatus", b.committee_id, b.department_id, b.officer_id, b.classification_id,
            b.referring_body, b.referring_case_number, b.received, b.due_date, b.secrecy_reference,
            CASE WHEN b.secrecy_reference IS NOT NULL THEN 'Uppgifter om enskildas personliga förhållanden' END,
            CASE WHEN b.secrecy_reference IS NOT NULL THEN coalesce(b.registrar, b.officer_id) END,
            CASE WHEN b.secrecy_reference IS NOT NULL THEN b.created_at END,
            CASE WHEN b.status = 'CLOSED' THEN d.starts_at + interval '14 days' WHEN b.status = 'MISREGISTERED' THEN b.created_at + interval '1 hour' END,
            CASE WHEN b.status = 'CLOSED' THEN 'Remissen besvarad enligt nämndens beslut.' WHEN b.status = 'MISREGISTERED' THEN 'Registrerades två gånger.' END,
            d.starts_at::date, 0, coalesce(b.registrar, b.officer_id), b.created_at, b.created_at
       FROM bulk_case b
       LEFT JOIN classification cl ON cl.id = b.classification_id
       LEFT JOIN bulk_decided d ON d.case_id = b.id`,
  );
  await sql(
    tx,
    `INSERT INTO registry_series_counter (series_id, year, last_value, created_at, updated_at)
     SELECT series_id, year, max(sequence), now(), now() FROM bulk_case GROUP BY series_id, year
     ON CONFLICT (series_id, year) DO UPDATE SET last_value = greatest(registry_series_counter.last_value, EXCLUDED.last_value), updated_at = now()`,
  );
  // Motions behind the remisser of motions, with their authors and att-satser.
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_motion ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, b.id AS case_id, b.i, b.year, b.topic, b.place, b.received, b.created_at,
            w.authors[1 + b.i % array_length(w.authors, 1)] AS author, w.parties[1 + (b.i / 7) % array_length(w.parties, 1)] AS party
       FROM bulk_case b CROSS JOIN bulk_words w WHERE b.kind = 'MOTION_REFERRAL'`,
  );
  await sql(
    tx,
    `INSERT INTO motion (id, case_id, number, title, raised_date, created_at, updated_at)
     SELECT id, case_id, year || ':' || (1 + i % 180), 'Motion om ' || topic || ' i ' || place, received - 30, created_at, created_at FROM bulk_motion`,
  );
  await sql(tx, `INSERT INTO motion_author (id, motion_id, position, name, party, created_at, updated_at) SELECT gen_random_uuid(), id, 1, author, party, created_at, created_at FROM bulk_motion`);
  await sql(
    tx,
    `INSERT INTO motion_proposal (id, motion_id, position, text, created_at, updated_at)
     SELECT gen_random_uuid(), id, p, CASE p WHEN 1 THEN 'staden utreder ' || topic || ' i ' || place ELSE 'förslag på åtgärder redovisas för kommunfullmäktige inom ett år' END, created_at, created_at
       FROM bulk_motion, generate_series(1, 1 + i % 2) AS p`,
  );
  await sql(
    tx,
    `INSERT INTO deadline (id, case_id, kind, due_date, description, completed_at, created_at, updated_at)
     SELECT gen_random_uuid(), id, 'REFERRAL_DUE', due_date, 'Remisstid', CASE WHEN status <> 'OPEN' THEN created_at + interval '50 days' END, created_at, created_at
       FROM bulk_case WHERE due_date IS NOT NULL`,
  );
};

/**
 * One handling in COLLECTION_SHARE goes to a samlingsärende (delegationsbeslut, avtal, synpunkter
 * of a year: a case that gathers hundreds or thousands), so that pages over a case's handlingar
 * are measured where they grow, not only on cases of ten.
 */
const COLLECTION_SHARE = 100;

const insertDocuments = async (tx: Tx, cases: number, documents: number, blobs: PdfVariant[]) => {
  // The samlingsärenden: each committee's first open, public case.
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_collection ON COMMIT DROP AS
     SELECT (row_number() OVER (ORDER BY i) - 1)::int AS k, i FROM (
       SELECT DISTINCT ON (committee_id) committee_id, i FROM bulk_case WHERE status = 'OPEN' AND secrecy_reference IS NULL ORDER BY committee_id, i) first_open`,
  );
  // Handling j belongs to case j % cases + 1, or (one in COLLECTION_SHARE) to a samlingsärende,
  // and is numbered in the order of j within its case.
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_document ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, b.id AS case_id, b.i, b.title, b.kind, b.referring_body, b.organisation, b.officer_id, b.registrar, b.created_at AS case_created_at,
            row_number() OVER (PARTITION BY b.i ORDER BY j)::int AS number, j, random() AS r_direction, random() AS r_text, random() AS r_secret, random() AS r_file
       FROM generate_series(0, ${documents - 1}) AS j
       LEFT JOIN bulk_collection bc ON j % ${COLLECTION_SHARE} = ${COLLECTION_SHARE - 1} AND bc.k = (j / ${COLLECTION_SHARE}) % NULLIF((SELECT count(*) FROM bulk_collection), 0)
       JOIN bulk_case b ON b.i = coalesce(bc.i, j % ${cases} + 1)`,
  );
  await sql(
    tx,
    `INSERT INTO case_document (id, case_id, number, direction, document_date, registered_at, counterpart, description, secrecy_reference, secrecy_reason, created_by_id, created_at, updated_at)
     SELECT d.id, d.case_id, d.number, x.direction::"DocumentDirection", x.registered::date, x.registered,
            CASE x.direction WHEN 'INCOMING' THEN coalesce(d.referring_body, d.organisation) WHEN 'OUTGOING' THEN coalesce(d.referring_body, 'Kommunstyrelsen') END,
            CASE WHEN d.number = 1 THEN CASE WHEN d.referring_body IS NOT NULL THEN 'Remiss: ' ELSE 'Inkommen skrivelse: ' END || d.title
                 ELSE w.document_kinds[1 + floor(d.r_text * array_length(w.document_kinds, 1))::int] || ' ' || w.topics[1 + d.j % array_length(w.topics, 1)]
                      || CASE WHEN d.j % 250000 = 11 THEN ' och ' || w.bench_rare WHEN d.r_text < 0.002 THEN ' och ' || w.rare[1 + d.j % array_length(w.rare, 1)] ELSE '' END
                      || CASE WHEN d.r_direction < 0.3 THEN ' med förslag till beslut' ELSE '' END
            END,
            CASE WHEN d.r_secret < 0.02 AND d.j % 250000 <> 11 THEN '26 kap. 1 § OSL' END,
            CASE WHEN d.r_secret < 0.02 AND d.j % 250000 <> 11 THEN 'Uppgifter om enskildas hälsa och personliga förhållanden' END,
            CASE WHEN x.direction = 'INCOMING' THEN coalesce(d.registrar, d.officer_id) ELSE d.officer_id END, x.registered, x.registered
       FROM bulk_document d CROSS JOIN bulk_words w,
            LATERAL (SELECT CASE WHEN d.number = 1 OR d.r_direction < 0.45 THEN 'INCOMING' WHEN d.r_direction < 0.8 THEN 'DRAWN_UP' ELSE 'OUTGOING' END AS direction,
                            least(now() - interval '1 minute', d.case_created_at + make_interval(days => (d.number - 1) * 3, mins => d.number)) AS registered) x`,
  );
  await sql(tx, `UPDATE "case" c SET last_document_number = n.number FROM (SELECT case_id, max(number) AS number FROM bulk_document GROUP BY case_id) n WHERE n.case_id = c.id`);
  // One handling in twenty has a PDF; its text is already extracted, as the worker would have done.
  await sql(
    tx,
    `INSERT INTO case_document_file (id, document_id, blob_sha256, file_name, mime_type, size, text_extracted_at, created_at, updated_at)
     SELECT gen_random_uuid(), d.id, ($1::text[])[1 + d.j % array_length($1::text[], 1)], 'Bilaga ' || d.number || '.pdf', 'application/pdf',
            ($2::int[])[1 + d.j % array_length($1::text[], 1)], cd.registered_at, cd.registered_at, cd.registered_at
       FROM bulk_document d JOIN case_document cd ON cd.id = d.id WHERE d.r_file < 0.05`,
    blobs.map((blob) => blob.sha256),
    blobs.map((blob) => blob.size),
  );
  const passages = blobs.flatMap((blob) => blob.passages.map((passage, ordinal) => ({ sha256: blob.sha256, ordinal, ...passage })));
  await sql(
    tx,
    `INSERT INTO case_document_file_passage (file_id, document_id, case_id, ordinal, page, text)
     SELECT f.id, d.id, d.case_id, p.ordinal, p.page, p.text
       FROM bulk_document d JOIN case_document_file f ON f.document_id = d.id
       JOIN unnest($1::text[], $2::int[], $3::int[], $4::text[]) AS p (sha256, ordinal, page, text) ON p.sha256 = f.blob_sha256`,
    passages.map((passage) => passage.sha256),
    passages.map((passage) => passage.ordinal),
    passages.map((passage) => passage.page),
    passages.map((passage) => passage.text),
  );
};

const insertDecisions = async (tx: Tx) => {
  await sql(
    tx,
    `INSERT INTO meeting (id, committee_id, starts_at, place, status, historical, historical_approved_on, version, created_by_id, created_at, updated_at)
     SELECT m.id, m.committee_id, m.starts_at, 'Sammanträdesrummet, ' || u.committee_name, 'APPROVED', true, (m.starts_at + interval '7 days')::date, 1,
            coalesce(u.secretary, u.registrar, u.officers[1]), m.starts_at - interval '20 days', m.starts_at + interval '7 days'
       FROM bulk_meeting m
       JOIN LATERAL (SELECT * FROM bulk_unit u WHERE u.committee_id = m.committee_id ORDER BY ord LIMIT 1) u ON true
      WHERE EXISTS (SELECT 1 FROM bulk_decided d WHERE d.meeting_id = m.id)`,
  );
  await sql(
    tx,
    `CREATE TEMP TABLE bulk_item ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, gen_random_uuid() AS decision_id, d.*, extract(year FROM d.starts_at)::int AS year,
            row_number() OVER (PARTITION BY d.meeting_id ORDER BY d.sequence, d.case_id)::int AS position
       FROM bulk_decided d`,
  );
  await sql(
    tx,
    `INSERT INTO agenda_item (id, meeting_id, position, kind, case_id, title, created_at, updated_at)
     SELECT id, meeting_id, position, 'CASE', case_id, title, starts_at, starts_at FROM bulk_item`,
  );
  await sql(
    tx,
    `INSERT INTO decision (id, agenda_item_id, committee_id, year, paragraph, kind, decision_points, created_by_id, created_at, updated_at)
     SELECT i.decision_id, i.id, i.committee_id, i.year,
            (coalesce(pc.last_value, 0) + row_number() OVER (PARTITION BY i.committee_id, i.year ORDER BY i.starts_at, i.position))::int,
            'AS_PROPOSED',
            jsonb_build_array(i.committee_name || ' godkänner förvaltningens tjänsteutlåtande och överlämnar det till '
                              || lower(coalesce(i.referring_body, 'kommunstyrelsen')) || ' som svar.'),
            m.created_by_id, i.starts_at, i.starts_at
       FROM bulk_item i
       JOIN meeting m ON m.id = i.meeting_id
       LEFT JOIN paragraph_counter pc ON pc.committee_id = i.committee_id AND pc.year = i.year`,
  );
  await sql(
    tx,
    `INSERT INTO paragraph_counter (committee_id, year, last_value, created_at, updated_at)
     SELECT d.committee_id, d.year, max(d.paragraph), now(), now() FROM decision d JOIN bulk_item i ON i.decision_id = d.id GROUP BY d.committee_id, d.year
     ON CONFLICT (committee_id, year) DO UPDATE SET last_value = greatest(paragraph_counter.last_value, EXCLUDED.last_value), updated_at = now()`,
  );
};

const STATEMENT_SELECT = {
  ...CASE_FOR_STATEMENT_SELECT,
  createdAt: true,
  series: { select: { documentNumberFormat: true } },
  documents: { where: { number: 1 }, select: { id: true, description: true } },
} as const;

/**
 * A written section as long as a real tjänsteutlåtande's (the reference's: Sammanfattning
 * 800 characters, Förvaltningens synpunkter 4 100): what search quotes from and the editor
 * shows. The bulk data's statements were a quarter of that, which hid how a snippet's cost
 * grows with the text.
 */
const writtenSectionBody = (random: () => number, key: string) => {
  const paragraphs = key === "synpunkter" ? 9 : key === "sammanfattning" ? 2 : 3;
  const sentences = key === "synpunkter" ? () => 4 + Math.floor(random() * 4) : () => 3 + Math.floor(random() * 3);
  return doc(...Array.from({ length: paragraphs }, () => paragraph(sentencesFrom(random, sentences()))));
};

/** Tjänsteutlåtanden (one draft version, every section written) for six open cases in ten. */
const insertStatements = async (tx: Tx): Promise<number> => {
  const ids = (await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM bulk_case WHERE status = 'OPEN' AND r_word < 0.6 ORDER BY i`)).map((row) => row.id);
  const random = randomFrom(42);
  const signatories = new Map<string, TStatementContent["signatories"]>();
  for (let start = 0; start < ids.length; start += STATEMENT_CHUNK) {
    const rows = await tx.case.findMany({ where: { id: { in: ids.slice(start, start + STATEMENT_CHUNK) } }, select: STATEMENT_SELECT });
    const statements = [];
    for (const row of rows) {
      const template = await ensureDefaultTemplate(tx, row.committee.municipalityId);
      const signers = signatories.get(row.departmentId) ?? (await resolveSignatories(tx, row, template.definition));
      signatories.set(row.departmentId, signers);
      const first = row.documents[0];
      const attachments = first ? [{ documentId: first.id, number: formatDocumentNumber(row.caseNumber, 1, row.series.documentNumberFormat), description: first.description.slice(0, 500) }] : [];
      const initial = buildInitialContent(row, template.definition, signers, attachments);
      const written = new Set(template.definition.sections.filter((section) => section.prefill === "NONE").map((section) => section.key));
      const content: TStatementContent = {
        ...initial,
        sections: initial.sections.map((section) =>
          written.has(section.key) ? { key: section.key, body: writtenSectionBody(random, section.key) } : section,
        ),
      };
      statements.push({ id: randomUUID(), caseId: row.id, templateId: template.id, authorId: row.caseOfficerId, content, createdAt: new Date(row.createdAt.getTime() + 7 * 86_400_000) });
    }
    await sql(
      tx,
      `WITH s AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::timestamp[]) AS s(id, case_id, template_id, author_id, content, hash, created_at)
       ), statement AS (
         INSERT INTO statement (id, case_id, template_id, status, current_version, created_by_id, created_at, updated_at)
         SELECT id, case_id, template_id, 'DRAFT', 1, author_id, created_at, created_at FROM s
       )
       INSERT INTO statement_version (id, statement_id, number, content, content_hash, author_id, created_at)
       SELECT gen_random_uuid(), id, 1, content::jsonb, hash, author_id, created_at FROM s`,
      statements.map((statement) => statement.id),
      statements.map((statement) => statement.caseId),
      statements.map((statement) => statement.templateId),
      statements.map((statement) => statement.authorId),
      statements.map((statement) => JSON.stringify(statement.content)),
      statements.map((statement) => hashStatementContent(statement.content)),
      statements.map((statement) => statement.createdAt),
    );
  }
  return ids.length;
};

/**
 * Attests a few of the drafts of Hägersten-Älvsjö's handläggare through the attestation engine
 * (sent by the case's handläggare a week after the statement was written, attested by Linda
 * Palo and Lee Orberson), so the data has attested statements whose hashes and events verify
 * like the app's own.
 */
const attestSomeStatements = async (count: number): Promise<number> => {
  const statements = await db.statement.findMany({
    where: { status: "DRAFT", case: { status: "OPEN", departmentId: "has-sos", secrecyReference: null } },
    orderBy: { createdAt: "asc" },
    take: count,
    select: { id: true, createdAt: true, currentVersion: true, case: { select: { caseOfficer: { select: { id: true, name: true } } } } },
  });
  for (const statement of statements) {
    const sentAt = new Date(statement.createdAt.getTime() + 7 * 86_400_000);
    await db.$transaction(async (tx) => {
      // Sent by the case's handläggare, as only they may.
      const { request } = await engine.sendForAttestation(tx, {
        adapter: statementSubject,
        subjectId: statement.id,
        actor: statement.case.caseOfficer,
        now: sentAt,
        order: "SEQUENTIAL",
        steps: [
          { assigneeId: demoUser("linda.palo").id, role: "DEPARTMENT_HEAD" },
          { assigneeId: demoUser("lee.orberson").id, role: "DIRECTOR" },
        ],
        bind: async (subject) => ({
          versionNumber: subject.currentVersion,
          content: (await tx.statementVersion.findUniqueOrThrow({ where: { statementId_number: { statementId: subject.id, number: subject.currentVersion } }, select: { content: true } })).content,
        }),
        quiet: true,
      });
      for (const [index, username] of ["linda.palo", "lee.orberson"].entries()) {
        await engine.attest(tx, {
          adapter: statementSubject,
          requestId: request.id,
          stepId: request.steps[index]!.id,
          actor: demoUser(username),
          now: new Date(sentAt.getTime() + (index + 1) * 3_600_000),
          authMethod: "Lösenord (inloggning)",
          contentHash: request.contentHash,
          quiet: true,
        });
      }
    });
  }
  return statements.length;
};

/**
 * Adds the bulk data to a database that holds the demo installation (seedDemoInstallation).
 * Everything but the attestations is one transaction; the attestations are the engine's own.
 */
export const seedBulkData = async ({ cases, documents, log = () => undefined }: SeedBulkOptions): Promise<SeedBulkResult> => {
  const started = performance.now();
  const step = (message: string) => log(`${message} (${Math.round((performance.now() - started) / 100) / 10} s)`);
  const counts = await db.$transaction(
    async (tx) => {
      // Bulk statements run for minutes; the app's statement timeout is for requests.
      await sql(tx, "SET LOCAL statement_timeout = 0");
      await sql(tx, "SET LOCAL maintenance_work_mem = '256MB'");
      const indexes = await tx.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
        `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY($1::text[]) AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%'`,
        REBUILT_TABLES,
      );
      for (const index of indexes) await sql(tx, `DROP INDEX "${index.indexname}"`);
      const blobs = await insertPdfBlobs(tx);
      await createWords(tx);
      await addColleagues(tx);
      await createUnits(tx);
      await createCases(tx, cases);
      await createMeetings(tx);
      await insertCases(tx);
      await insertCoOfficers(tx);
      step(`${cases} ärenden`);
      await insertDocuments(tx, cases, documents, blobs);
      step(`${documents} handlingar`);
      await insertDecisions(tx);
      step("sammanträden och beslut");
      const statements = await insertStatements(tx);
      step(`${statements} tjänsteutlåtanden`);
      for (const index of indexes) await sql(tx, index.indexdef);
      step("index");
      const [row] = await tx.$queryRawUnsafe<{ files: number; meetings: number; decisions: number }[]>(
        `SELECT (SELECT count(*) FROM case_document_file f JOIN bulk_document d ON d.id = f.document_id)::int AS files,
                (SELECT count(DISTINCT meeting_id) FROM bulk_item)::int AS meetings, (SELECT count(*) FROM bulk_item)::int AS decisions`,
      );
      const result = { version: BULK_DATA_VERSION, cases, documents, statements, ...row! };
      await recordAudit(tx, { actorId: null, action: "seed.bulk", entityType: "Installation", entityId: "bulk", data: result });
      return result;
    },
    { timeout: 60 * 60_000, maxWait: 60_000 },
  );
  const attested = await attestSomeStatements(Math.min(200, Math.ceil(cases / 500)));
  step(`${attested} attesterade`);
  await db.$executeRawUnsafe("ANALYZE");
  step("ANALYZE");
  return { ...counts, attested };
};
