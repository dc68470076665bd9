// Every server action and route handler against the roles: the action registry below must
// name every action of the build (read from .next/server/server-reference-manifest.json,
// so a new action cannot be forgotten) and every src/app/**/route.ts. Each is called over
// HTTP against the built server, as the browser calls it (Next-Action header, arguments
// encoded by React's encodeReply — see support/server-actions.ts), by an anonymous
// visitor, a user with the wrong role in the same unit, a user with the right role in
// another unit and one in another municipality: all are refused with a Swedish message and
// the database is unchanged (row count and md5 of every table). Then the intended user
// makes the same call and it succeeds, so the refusals are not a broken call. The steps
// walk one case through its life (registration → statement → attestation → meeting →
// minutes → dispatch), because most actions only make sense in a certain state.
// In-process calls were not an option: the actions read the session through next/headers,
// which only works inside a Next request.
//
// The texts the steps write carry markup (XSS below): every page that shows them, the
// exports (PDF, DOCX) and the e-mails must show it as text, inert.
//
// Afterwards the same registry drives a bounded fuzzer (fast-check, fixed seed): hostile
// bodies for every action and route give a 4xx or a Swedish error, never a stack trace,
// leave Object.prototype alone and write nothing.
//
// Runs in its own Playwright project after all others: the fingerprints need a database
// that nothing else writes to meanwhile.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import fc from "fast-check";
import type pg from "pg";
import { assertWellFormedXml, docxPart, pdfText } from "../fixtures/exports/inspect";
import { connectE2eDatabase, databaseFingerprint } from "./support/database";
import { actionKey, callAction, formOf, loginCookies, readActionManifest, type ActionReply, type ManifestAction } from "./support/server-actions";
import { DEMO_MEETING_2024_ID } from "./support/demo";

// Exempelby's registrator and KF ordförande: a motion is registered at fullmäktige, which the Stockholm demo staffs no kansli for.
// The installation administrator creates municipalities (no membership: its twins have no right at all).
// Farsta's registrator and handläggare receive a remiss from Hägersten-Älvsjö (Inkomna remisser).
const DEMO_USERS = ["admin", "clas.cederlid", "linda.palo", "lee.orberson", "sekreterare", "registrator", "ordforande", "justerare", "exempelby-registrator", "exempelby-kf-ordforande", "installation", "frida.alm", "farid.nour"] as const;
type DemoUser = (typeof DEMO_USERS)[number];

const OTHER_MUNICIPALITY = "e2e-annan-kommun";
/** A unit of the same kind elsewhere: in Stockholm (other unit) and in another municipality. */
const UNIT_ELSEWHERE: Record<string, { otherUnit: [string, string]; otherMunicipality: [string, string] }> = {
  // A department-level admin is no municipality admin.
  stockholm: { otherUnit: ["department_id", "has-ifo"], otherMunicipality: ["municipality_id", OTHER_MUNICIPALITY] },
  has: { otherUnit: ["committee_id", "sos"], otherMunicipality: ["committee_id", `${OTHER_MUNICIPALITY}-n`] },
  "has-sdf": { otherUnit: ["administration_id", "sos-sdf"], otherMunicipality: ["administration_id", `${OTHER_MUNICIPALITY}-f`] },
  "has-sos": { otherUnit: ["department_id", "has-ifo"], otherMunicipality: ["department_id", `${OTHER_MUNICIPALITY}-a`] },
  // Exempelby's municipality-wide registrator: its other unit is one nämnd's registry.
  exempelby: { otherUnit: ["committee_id", "exb-bun"], otherMunicipality: ["municipality_id", OTHER_MUNICIPALITY] },
  "exb-kf": { otherUnit: ["committee_id", "exb-ks"], otherMunicipality: ["committee_id", `${OTHER_MUNICIPALITY}-n`] },
  // Farsta's registry receives remisser: its other unit is Hägersten-Älvsjö's (sent nothing in these steps).
  fas: { otherUnit: ["committee_id", "has"], otherMunicipality: ["committee_id", `${OTHER_MUNICIPALITY}-n`] },
  "fas-sos": { otherUnit: ["department_id", "has-ifo"], otherMunicipality: ["department_id", `${OTHER_MUNICIPALITY}-a`] },
};

const otherUnitUser = (user: DemoUser) => `${user}.annan-enhet`;
const otherMunicipalityUser = (user: DemoUser) => `${user}.annan-kommun`;
/** A twin with the same roles in the same units whose password an administrator gave: no actor until they choose their own. */
const passwordPendingUser = (user: DemoUser) => `${user}.nytt-losenord`;

/**
 * Another municipality with a committee, administration and department, and for every demo user a
 * twin in another unit and in that municipality (same password), and one with the same roles who
 * must choose their own password first.
 */
const createOtherUnitsAndUsers = async (db: pg.Client) => {
  await db.query(`INSERT INTO municipality (id, name, slug, updated_at) VALUES ($1, 'Annan kommun', $1, now()) ON CONFLICT DO NOTHING`, [OTHER_MUNICIPALITY]);
  await db.query(`INSERT INTO committee (id, municipality_id, name, short_name, updated_at) VALUES ($1 || '-n', $1, 'Annan nämnd', 'AN', now()) ON CONFLICT DO NOTHING`, [OTHER_MUNICIPALITY]);
  await db.query(`INSERT INTO administration (id, municipality_id, committee_id, name, updated_at) VALUES ($1 || '-f', $1, $1 || '-n', 'Annan förvaltning', now()) ON CONFLICT DO NOTHING`, [OTHER_MUNICIPALITY]);
  await db.query(`INSERT INTO department (id, administration_id, name, updated_at) VALUES ($1 || '-a', $1 || '-f', 'Annan avdelning', now()) ON CONFLICT DO NOTHING`, [OTHER_MUNICIPALITY]);
  for (const username of DEMO_USERS) {
    const { rows } = await db.query<{ role: string; unit: string; column: string }>(
      `SELECT m.role::text AS role, coalesce(m.department_id, m.administration_id, m.committee_id, m.municipality_id) AS unit,
              CASE WHEN m.department_id IS NOT NULL THEN 'department_id' WHEN m.administration_id IS NOT NULL THEN 'administration_id'
                   WHEN m.committee_id IS NOT NULL THEN 'committee_id' ELSE 'municipality_id' END AS column
       FROM membership m JOIN app_user u ON u.id = m.user_id WHERE u.username = $1`,
      [username],
    );
    const pending = await db.query<{ id: string }>(
      `INSERT INTO app_user (id, username, name, password_hash, password_change_required, updated_at)
       SELECT gen_random_uuid(), $1, $1, password_hash, true, now() FROM app_user WHERE username = $2
       ON CONFLICT (username) DO NOTHING RETURNING id`,
      [passwordPendingUser(username), username],
    );
    for (const { role, unit, column } of pending.rows[0] ? rows : []) {
      await db.query(`INSERT INTO membership (id, user_id, role, ${column}, updated_at) VALUES (gen_random_uuid(), $1, $2::"Role", $3, now())`, [pending.rows[0]!.id, role, unit]);
    }
    for (const [twin, which] of [[otherUnitUser(username), "otherUnit"], [otherMunicipalityUser(username), "otherMunicipality"]] as const) {
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO app_user (id, username, name, password_hash, updated_at)
         SELECT gen_random_uuid(), $1, $1, password_hash, now() FROM app_user WHERE username = $2
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [twin, username],
      );
      const id = inserted.rows[0]?.id;
      if (!id) continue;
      for (const { role, unit } of rows) {
        const [column, unitId] = UNIT_ELSEWHERE[unit]![which];
        await db.query(`INSERT INTO membership (id, user_id, role, ${column}, updated_at) VALUES (gen_random_uuid(), $1, $2::"Role", $3, now())`, [id, role, unitId]);
      }
    }
  }
};

// ─── The registry ───────────────────────────────────────────────────────────

/** An actor kind for which the refusal does not apply: the action works on the actor's own data (e.g. creates in the actor's own municipality). */
type OwnScope = { ownScope: string };
type Step = {
  /** `file#export` of the action; a few steps call an action again to move the case on. */
  action: string;
  as: DemoUser;
  /** A user in the same unit(s) without the role the action needs. */
  wrongRole?: DemoUser | OwnScope;
  otherUnit?: OwnScope;
  otherMunicipality?: OwnScope;
  /** The same user before choosing their own password (refused by default, as if not signed in). */
  passwordPending?: OwnScope;
  /** Only the intended call (moving the case along); the action's matrix is in another step. */
  only?: true;
  args: () => Promise<unknown[]> | unknown[];
  /** Reads what the successful call created. */
  after?: (reply: ActionReply) => Promise<void>;
};

const today = () => new Date().toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
const RUN = Date.now().toString(36).slice(-5);
/** Markup in every text field the steps write; the XSS checks below look for it, inert, in pages, exports and e-mails. */
const XSS = [
  "<script>window.__xss=1</script>",
  '"><img src=x onerror="window.__xss=1">',
  '</textarea><svg onload="window.__xss=1">',
  "'><iframe src=\"javascript:window.top.__xss=1\"></iframe>",
] as const;
const xss = (n: number) => XSS[n % XSS.length]!;
/** A 1×1 PNG: the smallest logo the upload check accepts. */
const PNG_1X1 = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";
const richText = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let db: pg.Client;
const ids: Record<string, string> = {};
const one = async <T = string>(sql: string, values: unknown[] = []): Promise<T> => {
  const { rows } = await db.query(sql, values);
  if (!rows[0]) throw new Error(`No row for ${sql} ${JSON.stringify(values)}`);
  return Object.values(rows[0])[0] as T;
};
const userId = (username: string) => one(`SELECT id::text FROM app_user WHERE username = $1`, [username]);
const updatedAt = async (table: string, id: string) => (await one<Date>(`SELECT updated_at FROM "${table}" WHERE id::text = $1`, [id])).toISOString();
const caseVersion = (caseId: string) => one<number>(`SELECT version FROM "case" WHERE id = $1`, [caseId]);
const statementVersion = () => one<number>(`SELECT current_version FROM statement WHERE id = $1`, [ids.statement]);
const stepOf = (username: string) =>
  one(
    `SELECT s.id::text FROM attestation_step s JOIN attestation_request r ON r.id = s.request_id JOIN app_user u ON u.id = s.assignee_id
     WHERE r.subject_id = $1 AND u.username = $2 ORDER BY r.created_at DESC LIMIT 1`,
    [ids.statement, username],
  );
const requestHash = () => one(`SELECT content_hash FROM attestation_request WHERE subject_id = $1 ORDER BY created_at DESC LIMIT 1`, [ids.statement]);
const minutesVersion = () => one<number>(`SELECT version FROM minutes WHERE id = $1`, [ids.minutes]);
const form = (fields: Record<string, string | string[]>) => [null, formOf(fields)];
const ADMIN = "src/features/admin/actions.ts";
const CASES = "src/features/cases/actions.ts";
const DIARIUM = "src/features/diarium/actions.ts";
const STATEMENTS = "src/features/statements/actions.ts";
const ATTESTATION = "src/features/attestation/actions.ts";
const MEETINGS = "src/features/meetings/actions.ts";
const REFERRALS = "src/features/referrals/actions.ts";
const referralVersion = (id: string) => one<number>(`SELECT version FROM referral_recipient WHERE id = $1`, [id]);
const referralTo = (caseId: string, where: string) => one(`SELECT r.id::text FROM referral_recipient r JOIN referral_round o ON o.id = r.round_id WHERE o.case_id = $1 AND ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT 1`, [caseId]);
const sendReferralForm = (committeeIds: string[], external = "") =>
  form({ caseId: ids.caseForFiles!, letterMode: "PER_RECIPIENT", sentDate: today(), dueDate: daysFromToday(30), text: `Hägersten-Älvsjö remitterar skrivelsen ${xss(0)}`, committeeIds, external });

/** A motion's fields also carry markup, so the case page shows them too. */
const MOTION_FIELDS = (): Record<string, string> => ({
  kind: "MOTION_REFERRAL",
  referringBody: `Kommunstyrelsen ${xss(2)}`,
  referringCaseNumber: "KS 2026/1",
  dueDate: daysFromToday(30),
  "motion.title": `Motion om belysning ${xss(3)}`,
  "motion.raisedDate": today(),
  "motion.authors.0.name": `Andréa Hedin ${xss(0)}`,
  "motion.authors.0.party": "M",
  "motion.proposals.0": `Staden sätter upp belysning ${xss(1)}`,
});

const registration = (title: string, { motion = false }: { motion?: boolean } = {}) =>
  form({
    idempotencyKey: crypto.randomUUID(),
    title,
    kind: "OTHER",
    ...(motion ? MOTION_FIELDS() : {}),
    committeeId: "has",
    departmentId: "has-sos",
    caseOfficerId: ids.clas!,
    receivedDate: today(),
    registerDocument: "on",
    "incomingDocument.description": `Inkommen skrivelse: ${title}`,
    "incomingDocument.documentDate": today(),
  });
const caseFromRedirect = (key: string) => async (reply: ActionReply) => {
  ids[key] = /\/arenden\/([0-9a-f-]{36})/.exec(reply.redirect ?? "")![1]!;
};

const STEPS: Step[] = [
  // Organisation, users, series, classes and templates: municipality admins only.
  {
    action: `${ADMIN}#createCommitteeAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    otherMunicipality: { ownScope: "creates the committee in the actor's own municipality" },
    args: () => form({ name: `Testnämnden ${RUN}`, shortName: `T${RUN}`, kind: "NAMND", preparedBy: "ADMINISTRATION" }),
    after: async () => void (ids.committee = await one(`SELECT id FROM committee WHERE short_name = $1`, [`T${RUN}`])),
  },
  {
    action: `${ADMIN}#updateCommitteeAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ id: ids.committee!, updatedAt: await updatedAt("committee", ids.committee!), name: `Prövningsnämnden ${RUN} ${xss(0)}`, shortName: `T${RUN}`, kind: "NAMND" }),
  },
  {
    action: `${ADMIN}#createAdministrationAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ name: `Testförvaltningen ${RUN}`, committeeId: ids.committee! }),
    after: async () => void (ids.administration = await one(`SELECT id FROM administration WHERE committee_id = $1`, [ids.committee])),
  },
  {
    action: `${ADMIN}#renameAdministrationAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ id: ids.administration!, updatedAt: await updatedAt("administration", ids.administration!), name: `Prövningsförvaltningen ${RUN} ${xss(1)}` }),
  },
  {
    action: `${ADMIN}#createDepartmentAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ name: `Testavdelningen ${RUN}`, administrationId: ids.administration! }),
    after: async () => void (ids.department = await one(`SELECT id FROM department WHERE administration_id = $1`, [ids.administration])),
  },
  {
    action: `${ADMIN}#renameDepartmentAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ id: ids.department!, updatedAt: await updatedAt("department", ids.department!), name: `Prövningsavdelningen ${RUN} ${xss(2)}` }),
  },
  {
    action: `${ADMIN}#createMemberAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ committeeId: ids.committee!, name: `Ledamot ${RUN} ${xss(1)}`, party: "S", role: "MEMBER", termStart: "2023-01-01", email: "ledamot@e2e.example" }),
    after: async () => void (ids.member = await one(`SELECT id::text FROM committee_member WHERE committee_id = $1`, [ids.committee])),
  },
  {
    action: `${ADMIN}#updateMemberAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ id: ids.member!, updatedAt: await updatedAt("committee_member", ids.member!), name: `Ledamot ${RUN} ${xss(2)}`, party: "M", role: "CHAIR", termStart: "2023-01-01" }),
  },
  {
    action: `${ADMIN}#endMemberTermAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ id: ids.member!, updatedAt: await updatedAt("committee_member", ids.member!), termEnd: "2026-01-01" }),
  },
  {
    action: `${ADMIN}#previewMemberImportAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ committeeId: ids.committee!, csv: `namn;parti;roll;från\nImporterad ${RUN} ${xss(3)};V;ledamot;2027-01-01\n` }),
  },
  {
    action: `${ADMIN}#importMembersAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ committeeId: ids.committee!, csv: `namn;parti;roll;från\nImporterad ${RUN} ${xss(3)};V;ledamot;2027-01-01\n` }),
  },
  {
    action: `${ADMIN}#createRegistrySeriesAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ committeeId: ids.committee!, name: `Testserien ${RUN}`, format: "{prefix} {year}/{seq}", prefix: `T${RUN}`, seqPadding: "0" }),
    after: async () => void (ids.series = await one(`SELECT id FROM registry_series WHERE committee_id = $1`, [ids.committee])),
  },
  {
    action: `${ADMIN}#updateRegistrySeriesAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () =>
      form({ id: ids.series!, updatedAt: await updatedAt("registry_series", ids.series!), name: `Prövningsserien ${RUN}`, format: "{prefix} {year}/{seq}", prefix: `T${RUN}`, seqPadding: "2" }),
  },
  {
    action: `${ADMIN}#setNextSerialAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ seriesId: ids.series!, year: String(new Date().getFullYear()), nextSerial: "100" }),
  },
  // Municipalities: the installation administrator creates them (with a logo, for the public logo route below); each one's admin keeps its settings.
  {
    action: `${ADMIN}#createMunicipalityAction`,
    as: "installation",
    wrongRole: "admin",
    args: () => {
      const body = formOf({ name: `Provkommun ${RUN} ${xss(2)}`, slug: `prov-${RUN}`, adminKind: "NEW", adminUsername: `kommunadmin.${RUN}`, adminName: `Kommunadmin ${RUN}`, adminEmail: "kommunadmin@e2e.example" });
      body.append("logo", new Blob([Buffer.from(PNG_1X1, "base64")], { type: "image/png" }), "logotyp.png");
      return [null, body];
    },
  },
  {
    action: `${ADMIN}#updateMunicipalityAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ municipalityId: "stockholm", updatedAt: await updatedAt("municipality", "stockholm"), name: "Stockholms stad", publicUrl: "https://start.stockholm" }),
  },
  {
    action: `${ADMIN}#createClassificationAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    otherMunicipality: { ownScope: "creates the class in the actor's own municipality" },
    args: () => form({ code: `9.${parseInt(RUN, 36) % 100_000}`, title: "Prövningsklass" }),
    after: async () => void (ids.classification = await one(`SELECT id::text FROM classification WHERE code = $1 AND municipality_id = 'stockholm'`, [`9.${parseInt(RUN, 36) % 100_000}`])),
  },
  {
    action: `${ADMIN}#updateClassificationAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ id: ids.classification!, updatedAt: await updatedAt("classification", ids.classification!), title: `Prövningsklassen ${xss(3)}`, active: "on" }),
  },
  {
    action: `${ADMIN}#createUserAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ username: `provare.${RUN}`, name: "Pia Prövare", password: "ett-langt-losenord", role: "CASE_OFFICER", unit: "DEPARTMENT:has-sos" }),
    after: async () => void (ids.newUser = await userId(`provare.${RUN}`)),
  },
  {
    action: `${ADMIN}#updateUserProfileAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => form({ userId: ids.newUser!, updatedAt: await updatedAt("app_user", ids.newUser!), name: `Pia Prövare-Ek ${xss(0)}`, title: `Handläggare ${xss(1)}` }),
  },
  {
    action: `${ADMIN}#resetPasswordAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ userId: ids.newUser!, password: "ett-annat-langt-losenord" }),
  },
  {
    action: `${ADMIN}#addMembershipAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ userId: ids.newUser!, role: "REGISTRAR", unit: "COMMITTEE:has" }),
    after: async () => void (ids.newMembership = await one(`SELECT id::text FROM membership WHERE user_id = $1 AND role = 'REGISTRAR'`, [ids.newUser])),
  },
  {
    action: `${ADMIN}#removeMembershipAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: () => form({ membershipId: ids.newMembership! }),
  },
  {
    action: `${STATEMENTS}#updateStatementTemplateAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () => {
      const { rows } = await db.query<{ id: string; name: string; definition: unknown }>(
        `SELECT id::text, name, definition FROM statement_template WHERE municipality_id = 'stockholm' ORDER BY version DESC LIMIT 1`,
      );
      return [{ templateId: rows[0]!.id, name: rows[0]!.name, definition: rows[0]!.definition }];
    },
  },
  {
    action: `${STATEMENTS}#createStatementTemplateAction`,
    as: "admin",
    wrongRole: "clas.cederlid",
    args: async () =>
      form({
        basedOnTemplateId: await one(`SELECT id::text FROM statement_template WHERE municipality_id = 'stockholm' AND committee_id IS NULL AND is_default ORDER BY version DESC LIMIT 1`),
        name: `Testmall ${RUN} ${xss(4)}`,
        committeeId: ids.committee!,
        proposerChoice: "presidiet",
      }),
  },

  // Registration and the case page: the committee's registrator (or the department's handläggare).
  { action: `${CASES}#registerCaseAction`, as: "registrator", wrongRole: "justerare", args: () => registration(`Remiss om belysning ${RUN} ${xss(0)}`, { motion: true }), after: caseFromRedirect("case") },
  { action: `${CASES}#registerCaseAction`, as: "registrator", only: true, args: () => registration(`Skrivelse om parkbänkar ${RUN}`), after: caseFromRedirect("caseToClose") },
  { action: `${CASES}#registerCaseAction`, as: "registrator", only: true, args: () => registration(`Skrivelse som registrerades fel ${RUN}`), after: caseFromRedirect("caseMisregistered") },
  {
    action: `${CASES}#reassignCaseAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () => form({ caseId: ids.caseToClose!, version: String(await caseVersion(ids.caseToClose!)), caseOfficerId: ids.newUser! }),
  },
  {
    action: `${CASES}#closeCaseAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () => form({ caseId: ids.caseToClose!, version: String(await caseVersion(ids.caseToClose!)), reason: `Besvarad per telefon ${xss(1)}` }),
  },
  {
    action: `${CASES}#markCaseMisregisteredAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () => form({ caseId: ids.caseMisregistered!, version: String(await caseVersion(ids.caseMisregistered!)), reason: `Registrerades i fel nämnd ${xss(2)}` }),
  },
  {
    action: `${DIARIUM}#addCoOfficerAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () => form({ caseId: ids.case!, version: String(await caseVersion(ids.case!)), userId: ids.newUser! }),
  },
  {
    action: `${DIARIUM}#removeCoOfficerAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () => form({ caseId: ids.case!, version: String(await caseVersion(ids.case!)), userId: ids.newUser! }),
  },
  {
    action: `${CASES}#completeMotionAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () =>
      form({
        caseId: ids.case!,
        version: String(await caseVersion(ids.case!)),
        "motion.authors.0.name": `Andréa Hedin ${xss(0)}`,
        "motion.authors.0.party": "M",
        "motion.authors.1.name": `Karin Ek ${xss(1)}`,
        "motion.proposals.0": `Staden sätter upp belysning ${xss(2)}`,
      }),
  },
  // A motion raised in fullmäktige, registered by Exempelby's registrator at KF.
  {
    action: `${CASES}#registerCaseAction`,
    as: "exempelby-registrator",
    only: true,
    args: async () =>
      form({
        idempotencyKey: crypto.randomUUID(),
        title: `Motion om parker ${RUN}`,
        ...MOTION_FIELDS(),
        kind: "MOTION",
        committeeId: "exb-kf",
        departmentId: "exb-kf-kansliet",
        caseOfficerId: await userId("exempelby-handlaggare"),
        receivedDate: today(),
      }),
    after: caseFromRedirect("motion"),
  },
  {
    action: `${CASES}#recordMotionProposalAction`,
    as: "exempelby-registrator",
    wrongRole: "exempelby-kf-ordforande",
    args: async () =>
      form({ caseId: ids.motion!, version: String(await caseVersion(ids.motion!)), proposedAction: "REFER", proposedBy: `Presidiet ${xss(3)}`, proposedTo: `Parknämnden ${xss(0)}`, proposedDate: today() }),
  },

  // The tjänsteutlåtande: its handläggare writes, the attesters attest.
  {
    action: `${STATEMENTS}#createStatementAction`,
    as: "clas.cederlid",
    wrongRole: "justerare",
    args: () => [{ caseId: ids.case!, attachmentDocumentIds: [] }],
    after: async () => void (ids.statement = await one(`SELECT id::text FROM statement WHERE case_id = $1`, [ids.case])),
  },
  // A handling picker's search (remisshandlingar, Bilagor): a read, for those who read the case
  // (every role of its committee and avdelning; the administrator holds none of them).
  {
    action: "src/features/documents/actions.ts#findDocumentChoicesAction",
    as: "clas.cederlid",
    wrongRole: "admin",
    args: () => [{ caseId: ids.case!, query: `1 ${xss(1)}` }],
  },
  {
    action: `${STATEMENTS}#saveStatementSectionAction`,
    as: "clas.cederlid",
    wrongRole: "justerare",
    args: async () => [{ statementId: ids.statement!, baseVersion: await statementVersion(), kind: "richText", sectionKey: "sammanfattning", value: richText("Förvaltningen föreslår bättre belysning.") }],
  },
  {
    action: `${STATEMENTS}#restoreStatementVersionAction`,
    as: "clas.cederlid",
    wrongRole: "justerare",
    args: async () => [{ caseId: ids.case!, statementId: ids.statement!, number: 1, baseVersion: await statementVersion() }],
  },
  ...["sammanfattning", "arendet", "synpunkter"].map(
    (sectionKey, index): Step => ({
      action: `${STATEMENTS}#saveStatementSectionAction`,
      as: "clas.cederlid",
      only: true,
      args: async () => [{ statementId: ids.statement!, baseVersion: await statementVersion(), kind: "richText", sectionKey, value: richText(`Förvaltningen har inget att invända. ${xss(index)}${xss(index + 2)}`) }],
    }),
  ),
  {
    action: `${ATTESTATION}#sendForAttestationAction`,
    as: "clas.cederlid",
    wrongRole: "justerare",
    args: async () => [{ caseId: ids.case!, order: "SEQUENTIAL", attesterIds: [ids.linda!, ids.lee!], versionNumber: await statementVersion() }],
  },
  { action: `${ATTESTATION}#returnAction`, as: "linda.palo", wrongRole: "clas.cederlid", args: async () => [{ caseId: ids.case!, stepId: await stepOf("linda.palo"), comment: `Förtydliga synpunkterna ${xss(2)}` }] },
  {
    action: `${ATTESTATION}#sendForAttestationAction`,
    as: "clas.cederlid",
    only: true,
    args: async () => [{ caseId: ids.case!, order: "SEQUENTIAL", attesterIds: [ids.linda!, ids.lee!], versionNumber: await statementVersion() }],
  },
  { action: `${ATTESTATION}#withdrawAction`, as: "clas.cederlid", wrongRole: "justerare", args: () => [{ caseId: ids.case!, reason: `Nytt underlag ${xss(3)}` }] },
  {
    action: `${ATTESTATION}#sendForAttestationAction`,
    as: "clas.cederlid",
    only: true,
    args: async () => [{ caseId: ids.case!, order: "SEQUENTIAL", attesterIds: [ids.linda!, ids.lee!], versionNumber: await statementVersion() }],
  },
  {
    action: `${ATTESTATION}#attestAction`,
    as: "linda.palo",
    wrongRole: "clas.cederlid",
    args: async () => [{ caseId: ids.case!, stepId: await stepOf("linda.palo"), contentHash: await requestHash(), password: "demo" }],
  },
  { action: `${ATTESTATION}#attestAction`, as: "lee.orberson", only: true, args: async () => [{ caseId: ids.case!, stepId: await stepOf("lee.orberson"), contentHash: await requestHash(), password: "demo" }] },

  // A past meeting recorded afterwards (migration): its decisions with their original §, justerat on its date.
  {
    action: `${MEETINGS}#createHistoricalMeetingAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => form({ committeeId: "has", date: "2019-03-14", time: "18:00", place: `Historiska rummet ${RUN} ${xss(2)}` }),
    after: async () => void (ids.historicalMeeting = await one(`SELECT id::text FROM meeting WHERE place = $1`, [`Historiska rummet ${RUN} ${xss(2)}`])),
  },
  {
    action: `${MEETINGS}#recordHistoricalDecisionAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () =>
      form({ meetingId: ids.historicalMeeting!, agendaNumber: "3", paragraph: "42", title: `Historiskt ärende ${RUN} ${xss(3)}`, kind: "AS_PROPOSED", decisionPoints: `Nämnden godkänner rapporten ${xss(0)}` }),
  },
  {
    action: `${MEETINGS}#approveHistoricalMinutesAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: async () => form({ meetingId: ids.historicalMeeting!, version: String(await one<number>(`SELECT version FROM meeting WHERE id = $1`, [ids.historicalMeeting])), approvedOn: "2019-03-20" }),
  },
  { action: `${MEETINGS}#setNextParagraphAction`, as: "sekreterare", wrongRole: "clas.cederlid", args: () => form({ committeeId: "has", year: "2019", nextParagraph: "50" }) },

  // The meeting: the committee's secretary; the union consultation is noted by the handläggare.
  {
    action: `${MEETINGS}#createMeetingAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => form({ committeeId: "has", date: daysFromToday(7), time: "18:00", place: `Sammanträdesrummet ${RUN} ${xss(1)}` }),
    after: async () => {
      ids.meeting = await one(`SELECT id::text FROM meeting WHERE place = $1`, [`Sammanträdesrummet ${RUN} ${xss(1)}`]);
      // A fixture shortcut: HÄS's standard opening items (decided in meetings.spec) are taken off, so this walk decides its own items only.
      await db.query(`DELETE FROM agenda_item WHERE meeting_id = $1 AND kind = 'OPENING'`, [ids.meeting]);
    },
  },
  {
    action: `${MEETINGS}#addCaseToAgendaAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => form({ meetingId: ids.meeting!, caseId: ids.case! }),
    after: async () => void (ids.caseItem = await one(`SELECT id::text FROM agenda_item WHERE meeting_id = $1 AND case_id = $2`, [ids.meeting, ids.case])),
  },
  {
    action: `${MEETINGS}#addOtherAgendaItemAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => [null, formOf({ meetingId: ids.meeting!, kind: "INFORMATION", title: `Information om budgeten ${xss(0)}` })],
    after: async () => void (ids.otherItem = await one(`SELECT id::text FROM agenda_item WHERE meeting_id = $1 AND case_id IS NULL`, [ids.meeting])),
  },
  { action: `${MEETINGS}#moveAgendaItemAction`, as: "sekreterare", wrongRole: "clas.cederlid", args: () => form({ meetingId: ids.meeting!, itemId: ids.otherItem!, direction: "up" }) },
  { action: `${MEETINGS}#removeAgendaItemAction`, as: "sekreterare", wrongRole: "clas.cederlid", args: () => form({ meetingId: ids.meeting!, itemId: ids.otherItem! }) },
  {
    action: `${MEETINGS}#callMeetingAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: async () => form({ meetingId: ids.meeting!, version: String(await one<number>(`SELECT version FROM meeting WHERE id = $1`, [ids.meeting])) }),
    // The meeting's time has come (a fixture shortcut: decisions and minutes need a meeting that has started).
    after: async () => void (await db.query(`UPDATE meeting SET starts_at = now() - interval '2 hours' WHERE id = $1`, [ids.meeting])),
  },
  {
    action: `${MEETINGS}#recordUnionConsultationAction`,
    as: "clas.cederlid",
    wrongRole: "justerare",
    args: () => form({ caseId: ids.case!, forum: "förvaltningsgrupp", date: today(), note: `Informerade ${xss(3)}` }),
  },
  {
    action: `${MEETINGS}#setAttendanceAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: async () => {
      const { rows } = await db.query<{ id: string }>(`SELECT id::text FROM committee_member WHERE committee_id = 'has' ORDER BY id`);
      // Every ledamot present; ersättare present but not serving (more voting than seats is refused).
      const marks = rows.map((row) => [`present-${row.id}`, "on"]);
      return form({ meetingId: ids.meeting!, memberId: rows.map((row) => row.id), ...Object.fromEntries(marks) });
    },
  },
  {
    action: `${MEETINGS}#recordDecisionAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => form({ meetingId: ids.meeting!, agendaItemId: ids.caseItem!, kind: "AS_PROPOSED" }),
    after: async () => void (ids.decision = await one(`SELECT id::text FROM decision WHERE agenda_item_id = $1`, [ids.caseItem])),
  },
  { action: `${MEETINGS}#updateDecisionAction`, as: "sekreterare", wrongRole: "clas.cederlid", args: () => form({ decisionId: ids.decision!, kind: "AMENDED", decisionPoints: `Nämnden ber förvaltningen återkomma ${xss(0)}` }) },
  {
    action: `${MEETINGS}#addOpinionAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => form({ decisionId: ids.decision!, kind: "RESERVATION", party: "M", members: `Andréa Hedin ${xss(1)}`, text: `Vi reserverar oss ${xss(2)}` }),
    after: async () => void (ids.opinion = await one(`SELECT id::text FROM statement_of_opinion WHERE decision_id = $1`, [ids.decision])),
  },
  { action: `${MEETINGS}#removeOpinionAction`, as: "sekreterare", wrongRole: "clas.cederlid", args: () => form({ opinionId: ids.opinion! }) },
  {
    action: `${MEETINGS}#recordRollCallAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: async () => {
      // One vote per tjänstgörande as the närvaro stands (every ledamot present, no ersättare serving).
      const { rows } = await db.query<{ id: string }>(
        `SELECT a.member_id::text AS id FROM meeting_attendance a JOIN committee_member m ON m.id = a.member_id
         WHERE a.meeting_id = $1 AND a.present AND (a.serving OR m.role <> 'DEPUTY') ORDER BY a.member_id`,
        [ids.meeting],
      );
      const votes = rows.map((row, index) => [`vote-${row.id}`, index % 3 === 0 ? "NO" : "YES"]);
      return form({ decisionId: ids.decision!, yesFor: `förvaltningens förslag ${xss(0)}`, noFor: `Andréa Hedins (M) yrkande ${xss(1)}`, memberId: rows.map((row) => row.id), ...Object.fromEntries(votes) });
    },
  },
  {
    action: `${MEETINGS}#setMeetingRecordDetailsAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () =>
      form({ meetingId: ids.meeting!, otherAttendees: `Lee Orberson ${xss(2)}, stadsdelsdirektör\nClas Cederlid, utredare ${xss(3)}`, justeringDate: daysFromToday(3), justeringTime: "15:00", justeringPlace: `Svandammsvägen 18 ${xss(0)}` }),
  },
  {
    action: `${MEETINGS}#addOpinionAction`,
    as: "sekreterare",
    only: true,
    args: () => form({ decisionId: ids.decision!, kind: "SPECIAL_STATEMENT", party: "V", members: `Kim Ek ${xss(2)}`, text: `Vi vill särskilt uttala ${xss(3)}${xss(0)}` }),
  },
  {
    action: `${MEETINGS}#saveMinutesAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => form({ meetingId: ids.meeting!, chairId: ids.ordforande!, checkerId: ids.justerare! }),
    after: async () => void (ids.minutes = await one(`SELECT id::text FROM minutes WHERE meeting_id = $1`, [ids.meeting])),
  },
  { action: `${MEETINGS}#sendMinutesAction`, as: "sekreterare", wrongRole: "clas.cederlid", args: async () => form({ minutesId: ids.minutes!, version: String(await minutesVersion()) }) },
  { action: `${MEETINGS}#returnMinutesAction`, as: "ordforande", wrongRole: "sekreterare", args: () => form({ minutesId: ids.minutes!, comment: `Rätta närvaron ${xss(1)}` }) },
  { action: `${MEETINGS}#sendMinutesAction`, as: "sekreterare", only: true, args: async () => form({ minutesId: ids.minutes!, version: String(await minutesVersion()) }) },
  { action: `${MEETINGS}#withdrawMinutesAction`, as: "sekreterare", wrongRole: "clas.cederlid", args: () => form({ minutesId: ids.minutes!, reason: `Fel paragraf ${xss(2)}` }) },
  { action: `${MEETINGS}#sendMinutesAction`, as: "sekreterare", only: true, args: async () => form({ minutesId: ids.minutes!, version: String(await minutesVersion()) }) },
  {
    action: `${MEETINGS}#approveMinutesAction`,
    as: "ordforande",
    wrongRole: "sekreterare",
    args: async () => form({ minutesId: ids.minutes!, contentHash: await one(`SELECT content_hash FROM minutes WHERE id = $1`, [ids.minutes]), password: "demo" }),
  },
  {
    action: `${MEETINGS}#approveMinutesAction`,
    as: "justerare",
    only: true,
    args: async () => form({ minutesId: ids.minutes!, contentHash: await one(`SELECT content_hash FROM minutes WHERE id = $1`, [ids.minutes]), password: "demo" }),
  },
  {
    action: `${MEETINGS}#dispatchAction`,
    as: "sekreterare",
    wrongRole: "clas.cederlid",
    args: () => form({ decisionId: ids.decision!, recipients: `Kommunstyrelsen\nFörbundet ${xss(3)}`, sentDate: today(), includeStatement: "on" }),
  },
  // The case's own handläggare may close it too (access policy: "close").
  { action: `${MEETINGS}#closeAnsweredAction`, as: "sekreterare", wrongRole: "justerare", args: async () => form({ caseId: ids.case!, version: String(await caseVersion(ids.case!)) }) },
  // Last of the admin steps: the user created above was the new handläggare of a case until here.
  { action: `${ADMIN}#setUserDisabledAction`, as: "admin", wrongRole: "clas.cederlid", args: () => form({ userId: ids.newUser!, disabled: "true" }) },
  // An open case for the file routes below.
  { action: `${CASES}#registerCaseAction`, as: "registrator", only: true, args: () => registration(`Skrivelse med bilaga ${RUN} ${xss(3)}`), after: caseFromRedirect("caseForFiles") },

  // The remiss round trip: Hägersten-Älvsjö's registrator sends that case to Farsta and an external body;
  // Farsta's registrator accepts one sending and returns another; the sender follows up the external one.
  {
    action: `${REFERRALS}#sendReferralAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: () => sendReferralForm(["fas"], `Region ${xss(1)}; registrator@region.example; ${daysFromToday(40)}`),
    after: async () => {
      ids.referralFas = await referralTo(ids.caseForFiles!, "r.committee_id = 'fas'");
      ids.referralExternal = await referralTo(ids.caseForFiles!, "r.kind = 'EXTERNAL'");
    },
  },
  {
    action: `${REFERRALS}#acceptReferralAction`,
    as: "frida.alm",
    wrongRole: "farid.nour",
    args: async () => form({ recipientId: ids.referralFas!, version: String(await referralVersion(ids.referralFas!)), departmentId: "fas-sos", caseOfficerId: ids.farid! }),
  },
  {
    action: `${REFERRALS}#sendReferralAction`,
    as: "registrator",
    only: true,
    args: () => sendReferralForm(["fas"]),
    after: async () => {
      ids.referralFasAgain = await referralTo(ids.caseForFiles!, "r.committee_id = 'fas' AND r.status = 'SENT'");
    },
  },
  {
    action: `${REFERRALS}#returnReferralAction`,
    as: "frida.alm",
    wrongRole: "farid.nour",
    args: async () => form({ recipientId: ids.referralFasAgain!, version: String(await referralVersion(ids.referralFasAgain!)), reason: `Skickad två gånger ${xss(2)}` }),
  },
  {
    action: `${REFERRALS}#extendReferralAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () => form({ recipientId: ids.referralExternal!, version: String(await referralVersion(ids.referralExternal!)), dueDate: daysFromToday(60) }),
  },
  {
    action: `${REFERRALS}#externalAnswerAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () =>
      form({
        recipientId: ids.referralExternal!,
        version: String(await referralVersion(ids.referralExternal!)),
        documentId: await one(`SELECT id::text FROM case_document WHERE case_id = $1 AND direction = 'INCOMING' ORDER BY number LIMIT 1`, [ids.caseForFiles]),
        answeredDate: today(),
        position: "NO_COMMENTS",
        summary: `Inga synpunkter ${xss(3)}`,
      }),
  },
  {
    action: `${REFERRALS}#referralPositionAction`,
    as: "registrator",
    wrongRole: "justerare",
    args: async () => form({ recipientId: ids.referralExternal!, version: String(await referralVersion(ids.referralExternal!)), position: "OPPOSES", summary: `Avstyrker ${xss(0)}` }),
  },
  // The sender's handläggare compiles the answers in the case's tjänsteutlåtande (Remissammanställning).
  {
    action: `${STATEMENTS}#createStatementAction`,
    as: "clas.cederlid",
    only: true,
    args: () => [{ caseId: ids.caseForFiles!, attachmentDocumentIds: [] }],
    after: async () => void (ids.senderStatement = await one(`SELECT id::text FROM statement WHERE case_id = $1`, [ids.caseForFiles])),
  },
  {
    action: `${STATEMENTS}#refreshReferralCompilationAction`,
    as: "clas.cederlid",
    wrongRole: "justerare",
    args: () => [{ statementId: ids.senderStatement!, resolve: [] }],
  },

  // One's own notifications: only the session decides whose.
  {
    action: "src/features/notifications/actions.ts#markNotificationsReadAction",
    as: "clas.cederlid",
    wrongRole: { ownScope: "marks the actor's own notifications" },
    otherUnit: { ownScope: "marks the actor's own notifications" },
    otherMunicipality: { ownScope: "marks the actor's own notifications" },
    args: () => [{ ids: "ALL" }],
  },

  // One's own password: only the session decides whose. Last, since it ends the session it is
  // made in; afterwards the demo password is put back, so that a retry signs in as before.
  {
    action: "src/features/auth/actions.ts#changePasswordAction",
    as: "frida.alm",
    wrongRole: { ownScope: "changes the session's own password" },
    otherUnit: { ownScope: "changes the session's own password" },
    otherMunicipality: { ownScope: "changes the session's own password" },
    passwordPending: { ownScope: "the one action a user who must choose a password has" },
    args: async () => {
      ids.fridaPasswordHash = await one(`SELECT password_hash FROM app_user WHERE username = 'frida.alm'`);
      return form({ currentPassword: "demo", newPassword: `fridas-eget-lösenord-${RUN}`, repeatPassword: `fridas-eget-lösenord-${RUN}` });
    },
    after: async () => {
      expect(await one(`SELECT password_hash FROM app_user WHERE username = 'frida.alm'`)).not.toBe(ids.fridaPasswordHash);
      await db.query(`UPDATE app_user SET password_hash = $1 WHERE username = 'frida.alm'`, [ids.fridaPasswordHash]);
    },
  },
];

// ─── Calling ────────────────────────────────────────────────────────────────

const NOT_LOGGED_IN = /inte inloggad/;
const VALIDATION_FAILED = "Kontrollera de markerade fälten.";

let manifest: Map<string, ManifestAction>;
/** Everyone logs in before the first fingerprint: a login writes its audit event. */
const sessions = new Map<string, string>();
const session = async (_baseURL: string, username: string) => {
  const cookie = sessions.get(username);
  if (!cookie) throw new Error(`${username} has no session`);
  return cookie;
};

const resultOf = (reply: ActionReply) => reply.result as { ok?: boolean; error?: string; fieldErrors?: unknown } | undefined;

const expectRefused = (reply: ActionReply, who: string, anonymous: boolean) => {
  const result = resultOf(reply);
  expect(result, `${who}: no action result (HTTP ${reply.status}): ${reply.body.slice(0, 300)}`).toBeDefined();
  expect(reply.redirect, `${who} was redirected`).toBeNull();
  expect(result!.ok, `${who} succeeded: ${JSON.stringify(result)}`).toBe(false);
  if (anonymous) expect(result!.error).toMatch(NOT_LOGGED_IN);
  // The input was valid: the refusal is about who asks, not about what was sent.
  else expect(result!.error, `${who} was refused for its input, not for who it is: ${JSON.stringify(result)}`).not.toBe(VALIDATION_FAILED);
  expect(result!.error).toMatch(/[a-zåäö]/);
};

test.beforeAll(async ({ baseURL }) => {
  db = await connectE2eDatabase();
  await createOtherUnitsAndUsers(db);
  for (const username of DEMO_USERS.flatMap((user) => [user, otherUnitUser(user), otherMunicipalityUser(user), passwordPendingUser(user)])) {
    sessions.set(username, await loginCookies(baseURL!, username));
  }
  for (const [key, username] of [["clas", "clas.cederlid"], ["linda", "linda.palo"], ["lee", "lee.orberson"], ["ordforande", "ordforande"], ["justerare", "justerare"], ["farid", "farid.nour"]] as const) {
    ids[key] = await userId(username);
  }
  manifest = new Map(readActionManifest().map((action) => [actionKey(action), action]));
});

test.afterAll(async () => {
  await db?.end();
});

test.describe("the action registry", () => {
  test("names every action of the build, and only those", () => {
    const registered = new Set(STEPS.map((step) => step.action));
    expect([...manifest.keys()].filter((key) => !registered.has(key)), "actions without a step in STEPS").toEqual([]);
    expect([...registered].filter((key) => !manifest.has(key)), "steps for actions the build does not have").toEqual([]);
    const withMatrix = new Set(STEPS.filter((step) => !step.only).map((step) => step.action));
    expect([...registered].filter((key) => !withMatrix.has(key)), "actions whose refusals are never tested").toEqual([]);
  });
});

test.describe("every server action against anonymous, wrong role, other unit and other municipality", () => {
  // Each step builds on the one before (one case through its life).
  test.describe.configure({ mode: "serial" });

  for (const [index, step] of STEPS.entries()) {
    const name = step.action.split("#")[1]!;
    test(`${index + 1}. ${name}${step.only ? ` as ${step.as} (moves the case on)` : `: only ${step.as} succeeds`}`, async ({ baseURL }) => {
      test.setTimeout(90_000);
      const action = manifest.get(step.action)!;
      const args = await step.args();
      if (!step.only) {
        // Anonymous, and the user's twin who must choose a password first: both are not signed in as an actor.
        const refused: [string, string | null][] = [["anonymous", null], ...(step.passwordPending ? [] : [[`password pending (${passwordPendingUser(step.as)})`, passwordPendingUser(step.as)] as [string, string]])];
        for (const [kind, override, twin] of [
          ["wrong role", step.wrongRole, undefined],
          ["other unit", step.otherUnit, otherUnitUser(step.as)],
          ["other municipality", step.otherMunicipality, otherMunicipalityUser(step.as)],
        ] as const) {
          if (override && typeof override === "object") continue; // an own-scope action: see the step's reason
          const username = typeof override === "string" ? override : twin;
          expect(username, `${name} names no ${kind} user`).toBeTruthy();
          refused.push([`${kind} (${username})`, username!]);
        }
        const before = await databaseFingerprint(db);
        for (const [who, username] of refused) {
          const reply = await callAction(baseURL!, action, args, { cookie: username ? await session(baseURL!, username) : undefined });
          expectRefused(reply, who, username === null || username === passwordPendingUser(step.as));
        }
        expect(await databaseFingerprint(db), "a refused call changed the database").toEqual(before);
      }
      const reply = await callAction(baseURL!, action, args, { cookie: await session(baseURL!, step.as) });
      if (reply.redirect === null) expect(resultOf(reply), `${step.as}: ${reply.body.slice(0, 400)}`).toMatchObject({ ok: true });
      await step.after?.(reply);
    });
  }
});

// ─── Route handlers ─────────────────────────────────────────────────────────

const routeFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(process.cwd(), full)] : [];
  });

type RouteCase = {
  /** The request as the intended user makes it. */
  request: () => Promise<{ path: string; method?: "GET" | "POST"; body?: FormData }>;
  as: DemoUser | null;
  /** Users in another unit / municipality may not have it either. */
  refuse: boolean;
};

/** Every route handler: public ones answer anyone; the others refuse outsiders. */
const ROUTES: Record<string, RouteCase> = {
  "src/app/api/health/route.ts": { request: async () => ({ path: "/api/health" }), as: null, refuse: false },
  // The public copies of the demo's justerade 2024 meeting: kallelse and protokoll.
  "src/app/api/offentligt/kallelse/[meetingId]/route.ts": { request: async () => ({ path: `/api/offentligt/kallelse/${DEMO_MEETING_2024_ID}?format=pdf` }), as: null, refuse: false },
  "src/app/api/offentligt/protokoll/[minutesId]/route.ts": {
    request: async () => ({ path: `/api/offentligt/protokoll/${await one(`SELECT id::text FROM minutes WHERE meeting_id = $1`, [DEMO_MEETING_2024_ID])}?format=pdf` }),
    as: null,
    refuse: false,
  },
  // The logo of the municipality the steps created.
  "src/app/api/offentligt/logotyp/[slug]/route.ts": { request: async () => ({ path: `/api/offentligt/logotyp/prov-${RUN}` }), as: null, refuse: false },
  "src/app/api/auth/[...nextauth]/route.ts": { request: async () => ({ path: "/api/auth/csrf" }), as: null, refuse: false },
  "src/app/api/export/statement/[statementId]/route.ts": { request: async () => ({ path: `/api/export/statement/${ids.statement}?format=pdf` }), as: "clas.cederlid", refuse: true },
  "src/app/api/export/agenda/[meetingId]/route.ts": { request: async () => ({ path: `/api/export/agenda/${ids.meeting}?format=pdf` }), as: "sekreterare", refuse: true },
  "src/app/api/export/minutes/[minutesId]/route.ts": { request: async () => ({ path: `/api/export/minutes/${ids.minutes}?format=pdf` }), as: "sekreterare", refuse: true },
  // The demo's justerat protokoll as kept at the justering (the seed stores its record).
  "src/app/api/export/minutes/[minutesId]/arkiv/route.ts": {
    request: async () => ({ path: `/api/export/minutes/${await one(`SELECT id::text FROM minutes WHERE meeting_id = $1`, [DEMO_MEETING_2024_ID])}/arkiv` }),
    as: "sekreterare",
    refuse: true,
  },
  "src/app/api/export/extract/[decisionId]/route.ts": { request: async () => ({ path: `/api/export/extract/${ids.decision}?format=docx` }), as: "sekreterare", refuse: true },
  // The missiv of the external instans (the sender's case only: no internal registry is addressed).
  "src/app/api/export/referral/[id]/route.ts": { request: async () => ({ path: `/api/export/referral/${ids.referralExternal}?format=docx` }), as: "registrator", refuse: true },
  "src/app/api/filer/route.ts": {
    request: async () => {
      const body = formOf({ caseId: ids.caseForFiles!, direction: "INCOMING", documentDate: today(), description: "Komplettering från medborgare", counterpart: "Anna Andersson" });
      body.append("files", new Blob(["Hej!"], { type: "text/plain" }), "komplettering.txt");
      return { path: "/api/filer", method: "POST", body };
    },
    as: "clas.cederlid",
    refuse: true,
  },
  "src/app/api/filer/[fileId]/route.ts": {
    request: async () => ({ path: `/api/filer/${await one(`SELECT f.id::text FROM case_document_file f JOIN case_document d ON d.id = f.document_id WHERE d.case_id = $1 LIMIT 1`, [ids.caseForFiles])}` }),
    as: "clas.cederlid",
    refuse: true,
  },
};

const callRoute = async (baseURL: string, request: { path: string; method?: string; body?: FormData }, cookie?: string) =>
  fetch(`${baseURL}${request.path}`, { method: request.method ?? "GET", body: request.body, redirect: "manual", headers: { origin: baseURL, ...(cookie ? { cookie } : {}) } });

test.describe("the route registry", () => {
  test("names every route handler", () => {
    expect(routeFiles(path.join("src", "app")).sort()).toEqual(Object.keys(ROUTES).sort());
  });
});

test.describe("every route handler against anonymous, other unit and other municipality", () => {
  // The file download reads the file the upload stored.
  test.describe.configure({ mode: "serial" });

  for (const [file, route] of Object.entries(ROUTES)) {
    test(`${file}: ${route.refuse ? `only ${route.as} gets it` : "answers anyone"}`, async ({ baseURL }) => {
      const request = await route.request();
      if (route.refuse) {
        const before = await databaseFingerprint(db);
        for (const username of [null, otherUnitUser(route.as!), otherMunicipalityUser(route.as!), passwordPendingUser(route.as!)]) {
          const response = await callRoute(baseURL!, await route.request(), username ? await session(baseURL!, username) : undefined);
          expect([401, 403, 404], `${username ?? "anonymous"} got ${response.status}`).toContain(response.status);
          expect(await response.text()).toMatch(/[a-zåäö]/);
        }
        expect(await databaseFingerprint(db), "a refused request changed the database").toEqual(before);
      }
      const response = await callRoute(baseURL!, request, route.as ? await session(baseURL!, route.as) : undefined);
      expect(response.status, await response.clone().text()).toBeLessThan(300);
    });
  }
});

// ─── XSS ────────────────────────────────────────────────────────────────────

/** Elements a payload would create if it were parsed as markup instead of shown as text. */
const INJECTED = "img[src='x'], img[onerror], svg[onload], iframe[src^='javascript']";

test.describe("markup in every text field the steps wrote is inert", () => {
  test.describe.configure({ mode: "serial" });

  /** Each page shows some of the steps' texts (checked), as a user who may see them. */
  const PAGES: [DemoUser | null, string][] = [
    ["clas.cederlid", "/"],
    ["sekreterare", "/arenden/:case"],
    ["sekreterare", "/arenden/:case/handelser"],
    ["clas.cederlid", "/arenden/:case/tjansteutlatande"],
    ["clas.cederlid", "/arenden/:case/tjansteutlatande/forhandsgranska"],
    ["clas.cederlid", "/arenden/:case/tjansteutlatande/historik"],
    ["clas.cederlid", "/arenden/:case/attestering"],
    ["registrator", "/arenden/:caseToClose"],
    ["registrator", "/diarium"],
    ["sekreterare", "/sammantraden"],
    ["sekreterare", "/sammantraden/:meeting"],
    ["sekreterare", "/sammantraden/:meeting/protokoll"],
    ["sekreterare", "/sammantraden/:meeting/paragraf/:decision"],
    ["admin", "/admin/organisation"],
    ["admin", "/admin/anvandare"],
    ["admin", "/admin/anvandare/:newUser"],
    ["admin", "/admin/klassning"],
    ["admin", "/admin/diarieserier"],
    ["admin", "/admin/utkorg"],
    [null, "/stockholm/offentligt-diarium?q=belysning"],
  ];

  for (const [username, template] of PAGES) {
    test(`${template} as ${username ?? "the public"}`, async ({ browser, baseURL }) => {
      const context = await browser.newContext();
      if (username) {
        const cookies = sessions.get(username)!.split("; ").map((pair) => {
          const [name, ...value] = pair.split("=");
          return { name: name!, value: value.join("="), url: baseURL! };
        });
        await context.addCookies(cookies);
      }
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on("dialog", (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const response = await page.goto(template.replace(/:(\w+)/g, (_, key: string) => ids[key]!), { waitUntil: "networkidle" });
      expect(response?.status()).toBe(200);
      // The page does show the texts (else this would prove nothing) …
      const shown = await page.evaluate(() => {
        for (const details of document.querySelectorAll("details")) details.open = true;
        return [document.body.innerText, ...[...document.querySelectorAll("input, textarea")].map((field) => (field as HTMLInputElement).value)].join("\n");
      });
      expect(shown).toContain("__xss=1");
      // … as text: nothing ran and no element came from them.
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(await page.locator(INJECTED).count()).toBe(0);
      expect(await page.evaluate(() => [...document.scripts].filter((script) => script.text.trim() === "window.__xss=1").length)).toBe(0);
      await context.close();
    });
  }

  test("exports carry the texts escaped: DOCX XML well-formed, PDF text literal", async ({ baseURL }) => {
    const exports: [DemoUser, string][] = [
      ["clas.cederlid", `/api/export/statement/${ids.statement}`],
      ["sekreterare", `/api/export/agenda/${ids.meeting}`],
      ["sekreterare", `/api/export/minutes/${ids.minutes}`],
      ["sekreterare", `/api/export/extract/${ids.decision}`],
    ];
    for (const [username, exportPath] of exports) {
      const docx = await fetch(`${baseURL}${exportPath}?format=docx`, { headers: { cookie: sessions.get(username)! } });
      expect(docx.status, exportPath).toBe(200);
      const xml = docxPart(Buffer.from(await docx.arrayBuffer()), "word/document.xml");
      assertWellFormedXml(xml);
      expect(xml, exportPath).toContain("__xss=1");
      expect(xml, exportPath).not.toMatch(/<(script|img|svg|iframe)\b/i);
      const pdf = await fetch(`${baseURL}${exportPath}?format=pdf`, { headers: { cookie: sessions.get(username)! } });
      expect(pdf.status, exportPath).toBe(200);
      expect(pdfText(Buffer.from(await pdf.arrayBuffer()), { layout: false }).replace(/\s+/g, " "), exportPath).toMatch(/<(script|img|svg|iframe)/);
    }
  });

  test("e-mails are plain text: the kallelse carries the texts literally, with no HTML part to render them", async () => {
    const { rows } = await db.query<{ text: string }>(`SELECT text FROM mail_message WHERE text LIKE '%' || $1 || '%'`, [`Sammanträdesrummet ${RUN}`]);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.text).toContain(xss(1));
    const columns = await db.query<{ name: string }>(`SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = 'mail_message'`);
    expect(columns.rows.map((column) => column.name)).not.toContain("html");
  });
});

// ─── Fuzzing ────────────────────────────────────────────────────────────────

const SEED = 20_261_201;
const RUNS_PER_TARGET = Number(process.env.YTTRA_FUZZ_RUNS ?? "5");
const STACK_TRACE = /\n\s+at .+:\d+:\d+|node_modules|\/src\/|webpack-internal/;
const CANARY = "yttraPolluted";

const hostileString = fc.oneof(
  fc.constantFrom("", "\u0000", "a\u0000b", "\uD800", "x\uDFFFy", "\u202Eexe.pdf", "<script>alert(1)</script>", `$1:__proto__:${CANARY}`, "$K1", "$@0", "../../etc/passwd", "'; DROP TABLE \"case\"; --", "１２３"),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer({ min: 10_000, max: 400_000 }).map((length) => "å".repeat(length)),
);
const hostileKey = fc.constantFrom("__proto__", "constructor", "prototype", CANARY, "constructor.prototype", "ids", "caseId", "status", "version", "$ACTION_ID_0", "0", "1_x");
const { node: hostileValue } = fc.letrec((tie) => ({
  node: fc.oneof(
    { maxDepth: 4 },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("node"), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie("node"), { maxKeys: 3 }),
  ),
}));
/** Bodies no React client sends: references into prototypes, broken JSON and multipart, a stack-deep nesting. */
const RAW_ATTACKS: { body: string; contentType: string }[] = [
  { body: `["$1:__proto__:${CANARY}"]`, contentType: "text/plain;charset=UTF-8" },
  { body: '{"then":"$1:__proto__:then","status":"resolved_model"}', contentType: "text/plain;charset=UTF-8" },
  { body: '["$1:constructor:constructor"]', contentType: "text/plain;charset=UTF-8" },
  { body: `[{"__proto__":{"${CANARY}":true}}]`, contentType: "text/plain;charset=UTF-8" },
  { body: "[{", contentType: "text/plain;charset=UTF-8" },
  { body: '"\u0000"', contentType: "text/plain;charset=UTF-8" },
  { body: "[".repeat(20_000) + "]".repeat(20_000), contentType: "text/plain;charset=UTF-8" },
  { body: "x", contentType: "multipart/form-data" },
  { body: '{"ids":"ALL"}', contentType: "application/json" },
];
type FuzzBody = { args: unknown[] } | { raw: { body: string; contentType: string } };
const fuzzBody: fc.Arbitrary<FuzzBody> = fc.oneof(
  fc.array(hostileValue, { maxLength: 3 }).map((args) => ({ args })),
  fc
    .array(fc.tuple(fc.oneof(hostileKey, fc.string({ maxLength: 12 })), hostileString), { maxLength: 6 })
    .map((entries) => {
      const fields = new FormData();
      for (const [key, value] of entries) fields.append(key, value);
      return { args: [null, fields] };
    }),
  hostileValue.map((value) => ({ raw: { body: JSON.stringify([value]), contentType: "text/plain;charset=UTF-8" } })),
  fc.constantFrom(...RAW_ATTACKS).map((raw) => ({ raw })),
);

const expectHarmless = (status: number, body: string, result: unknown, what: string) => {
  expect(status, `${what}: HTTP ${status} ${body.slice(0, 300)}`).toBeLessThan(500);
  expect(body, `${what}: a stack trace or source path in the response`).not.toMatch(STACK_TRACE);
  if (status === 200 && result !== undefined) {
    const reply = result as { ok?: boolean; error?: string };
    expect(reply.ok, `${what}: hostile input succeeded: ${body.slice(0, 300)}`).toBe(false);
    expect(reply.error).toMatch(/[åäö]|[a-z]{3}/);
  }
};

test.describe("fuzzing every action and route (bounded, fixed seed)", () => {
  test.describe.configure({ mode: "serial" });
  let before: Record<string, string>;

  test.beforeAll(async () => {
    before = await databaseFingerprint(db);
  });

  test("hostile bodies for every server action give a 4xx or a Swedish error, never a stack trace", async ({ baseURL }) => {
    test.setTimeout(240_000);
    for (const [key, action] of manifest) {
      const caller = STEPS.find((step) => step.action === key && !step.only)!.as;
      await fc.assert(
        fc.asyncProperty(fuzzBody, async (body) => {
          const reply = "raw" in body ? await callAction(baseURL!, action, [], { cookie: sessions.get(caller), raw: body.raw }) : await callAction(baseURL!, action, body.args, { cookie: sessions.get(caller) });
          expectHarmless(reply.status, reply.body, reply.result, `${action.name} as ${caller}`);
        }),
        { seed: SEED, numRuns: RUNS_PER_TARGET, endOnFailure: true },
      );
    }
  });

  test("hostile paths, queries and forms for every route handler give a 4xx, never a stack trace", async ({ baseURL }) => {
    test.setTimeout(120_000);
    // Every UTF-8 byte percent-encoded (a lone surrogate becomes U+FFFD), plus byte sequences no string encodes to.
    const percentEncoded = (value: string) => [...Buffer.from(value.slice(0, 2_000))].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("");
    const segment = fc.oneof(hostileString.map(percentEncoded), fc.constantFrom("%00", "%ED%A0%80", "%FF", "%2e%2e%2f%2e%2e%2f", "..%5c..%5c"));
    const requests: fc.Arbitrary<{ path: string; method?: "GET" | "POST"; body?: FormData }> = fc.oneof(
      fc.tuple(fc.constantFrom("statement", "agenda", "minutes", "extract"), segment, segment, segment).map(([kind, id, format, variant]) => ({ path: `/api/export/${kind}/${id}?format=${format}&variant=${variant}` })),
      segment.map((id) => ({ path: `/api/filer/${id}` })),
      segment.map((query) => ({ path: `/api/health?q=${query}` })),
      fc.array(fc.tuple(fc.oneof(hostileKey, fc.constantFrom("caseId", "direction", "documentDate", "description", "files")), hostileString), { maxLength: 6 }).map((entries) => {
        const body = new FormData();
        for (const [name, value] of entries) body.append(name, value);
        return { path: "/api/filer", method: "POST" as const, body };
      }),
    );
    const routesSeen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        routesSeen.add(request.path.split("?")[0]!.split("/").slice(0, 3).join("/"));
        const response = await callRoute(baseURL!, request, sessions.get("clas.cederlid"));
        expectHarmless(response.status, await response.text(), undefined, `${request.method ?? "GET"} ${request.path.slice(0, 80)}`);
      }),
      { seed: SEED, numRuns: RUNS_PER_TARGET * 8, endOnFailure: true },
    );
    expect([...routesSeen].sort()).toEqual(["/api/export", "/api/filer", "/api/health"]);
  });

  test("wrote nothing and left the server's Object.prototype alone", async ({ baseURL }) => {
    expect(await databaseFingerprint(db), "a hostile request changed the database").toEqual(before);
    // zod's strict objects list inherited enumerable keys as unknown: were Object.prototype
    // polluted on the server, this valid call of a strict schema would be refused.
    const probe = await callAction(baseURL!, manifest.get("src/features/notifications/actions.ts#markNotificationsReadAction")!, [{ ids: [] }], { cookie: sessions.get("clas.cederlid") });
    expect(probe.result, probe.body.slice(0, 300)).toMatchObject({ ok: true });
    expect(({} as Record<string, unknown>)[CANARY]).toBeUndefined();
  });
});
