// The start page's read models per role, against PostgreSQL: what waits for the handläggare
// (returned statements with their comment), the ordförande and justerare ("Att justera"), the
// nämndsekreterare (meetings, agenda candidates, minutes in justering), and that a confidential
// case an actor may not read appears in none of them.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { getOpenReturn, listAttestInbox, listReturnedToMe } from "@/features/attestation/server/attestation-queries";
import { returnStep, sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { loadStartPage } from "@/app/(app)/start-page";
import { addCaseToAgenda } from "@/features/meetings/server/agenda-service";
import { approveMinutes } from "@/features/meetings/server/minutes-service";
import { AGENDA_CANDIDATE_LIMIT, agendaCandidates, countReadyForAgenda, getMeetingDetail } from "@/features/meetings/server/meeting-page-queries";
import { getSecretaryOverview, listJusteringInbox, READY_FOR_AGENDA_SHOWN } from "@/features/meetings/server/work-queues";
import { loadHeader } from "@/features/notifications/server/header-queries";
import { ZAddCaseToAgendaSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { createQueryCounter } from "../support/query-counter";
import { actorFor, createCase, createFutureMeeting, minutesInApproval, setupMeetingsWorldWithActors } from "./meetings-fixtures";

const counter = createQueryCounter();
const { db } = await createTestDatabase({ onConnect: counter.onConnect });

let secretary: Actor;
let chair: Actor;
let checker: Actor;
let officer: Actor;
let otherChair: Actor;
let otherSecretary: Actor;

beforeAll(async () => {
  ({ secretary, chair, checker } = await setupMeetingsWorldWithActors(db));
  officer = await actorFor(db, "clas.cederlid");
  otherChair = await actorFor(db, "annan.ordforande");
  otherSecretary = await actorFor(db, "sos.sekreterare");
});

/** A draft statement sent to the avdelningschef and returned with `comment`. */
const returnedCase = async (comment: string) => {
  const created = await createCase(db, { attested: false });
  const linda = await actorFor(db, "linda.palo");
  await sendStatementForAttestation({ actor: officer, input: { caseId: created.id, order: "SEQUENTIAL", attesterIds: [linda.id], versionNumber: 1 } });
  const [item] = (await listAttestInbox(linda)).filter((inbox) => inbox.caseId === created.id);
  await returnStep({ actor: linda, input: { stepId: item!.stepId, comment } });
  return created;
};

describe("handläggare", () => {
  it("lists a returned statement with who returned it, when and the comment, in the list and in the editor, until it is sent again", async () => {
    const created = await returnedCase("Förtydliga synpunkterna om trygghet.");
    const mine = (await listReturnedToMe(officer)).find((item) => item.caseId === created.id);
    expect(mine).toMatchObject({ caseNumber: created.caseNumber, returnedByName: "Linda Palo", comment: "Förtydliga synpunkterna om trygghet." });
    expect(mine!.returnedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await getOpenReturn(created.id)).toEqual(mine);
    // Another handläggare's start page does not list it.
    expect((await listReturnedToMe(await actorFor(db, "sos.handlaggare"))).map((item) => item.caseId)).not.toContain(created.id);

    const linda = await actorFor(db, "linda.palo");
    await sendStatementForAttestation({ actor: officer, input: { caseId: created.id, order: "SEQUENTIAL", attesterIds: [linda.id], versionNumber: 1 } });
    expect((await listReturnedToMe(officer)).map((item) => item.caseId)).not.toContain(created.id);
    expect(await getOpenReturn(created.id)).toBeNull();
  });
});

describe("ordförande and justerare", () => {
  it("lists minutes sent for justering to the named ordförande and justerare until each has justerat", async () => {
    const world = await minutesInApproval(db, { secretary, chair, checker });
    const meetingsOf = async (actor: Actor) => (await listJusteringInbox(actor)).map((item) => item.meetingId);
    expect(await meetingsOf(chair)).toContain(world.meetingId);
    expect(await meetingsOf(checker)).toContain(world.meetingId);
    expect(await meetingsOf(otherChair)).not.toContain(world.meetingId);
    expect(await meetingsOf(secretary)).not.toContain(world.meetingId);
    // The header's "Att justera" count agrees with the list.
    const before = (await loadHeader(chair)).justeringCount;
    expect(before).toBe((await listJusteringInbox(chair)).length);
    expect((await loadHeader(otherChair)).justeringCount).toBe((await listJusteringInbox(otherChair)).length);

    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    expect(await meetingsOf(chair)).not.toContain(world.meetingId);
    expect((await loadHeader(chair)).justeringCount).toBe(before! - 1);
    expect(await meetingsOf(checker)).toContain(world.meetingId);
  });
});

describe("nämndsekreterare", () => {
  it("shows the next meetings, attested cases not yet on an agenda and minutes in justering of the committees they plan, and nothing of another committee", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const ready = await createCase(db);
    const world = await minutesInApproval(db, { secretary, chair, checker });

    const overview = await getSecretaryOverview({ actor: secretary });
    expect(overview.nextMeetings.map((meeting) => meeting.id)).toContain(meetingId);
    expect(overview.readyForAgenda.rows.map((row) => row.id)).toContain(ready.id);
    expect(overview.inJustering.map((row) => row.meeting.id)).toContain(world.meetingId);

    const other = await getSecretaryOverview({ actor: otherSecretary });
    expect(other.nextMeetings.map((meeting) => meeting.id)).not.toContain(meetingId);
    expect(other.readyForAgenda.rows.map((row) => row.id)).not.toContain(ready.id);
    expect(other.inJustering.map((row) => row.meeting.id)).not.toContain(world.meetingId);

    // Once on an agenda, the case no longer waits for one.
    await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: ready.id }) });
    expect((await getSecretaryOverview({ actor: secretary })).readyForAgenda.rows.map((row) => row.id)).not.toContain(ready.id);
  });
});

describe("secrecy", () => {
  /** Everything the start page shows the actor, by the roles held (as src/app/(app)/page.tsx). */
  const startPageOf = (actor: Actor) => loadStartPage(actor);

  it("never shows a confidential case's title to an actor who may not read it, and shows it to those who may", async () => {
    const title = `Kanariefågel ${Date.now()}`;
    const created = await createCase(db, { title, officer: "sos.handlaggare" });
    await db.case.update({ where: { id: created.id }, data: { secrecyReference: "26 kap. 1 § OSL", receivedDate: new Date("2026-01-01T00:00:00Z") } });
    await db.deadline.create({ data: { caseId: created.id, kind: "REFERRAL_DUE", dueDate: new Date("2026-01-15T00:00:00Z"), description: "Remisstid" } });

    for (const username of ["clas.cederlid", "ordforande", "justerare"]) {
      expect(JSON.stringify(await startPageOf(await actorFor(db, username))), username).not.toContain(title);
    }
    // Those who may read it see it: the avdelningschef among the department's overdue cases, the secretary among cases ready for an agenda.
    expect((await startPageOf(await actorFor(db, "linda.palo"))).attester!.deadlines.readable.overdue.rows.map((row) => row.caseTitle)).toContain(title);
    expect((await startPageOf(secretary)).secretary!.readyForAgenda.rows.map((row) => row.title)).toContain(title);
    expect(JSON.stringify(await startPageOf(await actorFor(db, "registrator")))).toContain(title);
  });
});

describe("many cases ready for an agenda", () => {
  it("shows the longest waiting of many ready cases and how many wait, in as many queries as with one, flagging a case whose attestation no longer holds, which a meeting never offers", async () => {
    await createCase(db);
    const before = await counter.count(() => getSecretaryOverview({ actor: secretary }));
    const created = [];
    for (let i = 0; i < READY_FOR_AGENDA_SHOWN + 2; i++) created.push(await createCase(db));
    // One attestation altered in the database: its step no longer matches its audit event.
    const [tampered] = await db.$queryRaw<{ id: string }[]>`
      SELECT st.id FROM attestation_step st JOIN attestation_request r ON r.id = st.request_id JOIN statement s ON s.id = r.subject_id
       WHERE s.case_id = ${created[3]!.id}::uuid LIMIT 1`;
    await db.$executeRaw`UPDATE attestation_step SET attester_name = 'Någon Annan' WHERE id = ${tampered!.id}::uuid`;

    const after = await counter.count(() => getSecretaryOverview({ actor: secretary }));
    expect(after.queries).toBe(before.queries);
    const { rows, total } = after.result.readyForAgenda;
    // Counted by the statements' status; the first ones listed, the altered one flagged.
    expect(total).toBe(before.result.readyForAgenda.total + created.length);
    const all = (await agendaCandidates({ committeeId: "has" })).rows;
    expect(rows).toEqual(all.slice(0, READY_FOR_AGENDA_SHOWN));
    expect(rows.filter((row) => !row.verified).map((row) => row.id)).toEqual([created[3]!.id]);
    // The meeting's page offers every other one and never the altered one.
    const offered = (await getMeetingDetail({ actor: secretary, meetingId: await createFutureMeeting(db, secretary) })).candidates.map((row) => row.id);
    expect(offered).not.toContain(created[3]!.id);
    for (const ready of created.filter((_, index) => index !== 3)) expect(offered).toContain(ready.id);
  }, 120_000);

  it("offers the meeting the longest waiting AGENDA_CANDIDATE_LIMIT, verified, and says that more wait", async () => {
    const waiting = await countReadyForAgenda({ committeeId: "has" });
    const created = [];
    for (let i = waiting; i <= AGENDA_CANDIDATE_LIMIT; i++) created.push(await createCase(db));
    const meeting = await getMeetingDetail({ actor: secretary, meetingId: await createFutureMeeting(db, secretary) });
    const longestWaiting = (await agendaCandidates({ committeeId: "has" }, { limit: AGENDA_CANDIDATE_LIMIT + 1 })).rows;
    expect(longestWaiting).toHaveLength(AGENDA_CANDIDATE_LIMIT + 1);
    // The first that many, less the one whose attestation was altered above; the newest waits beyond them.
    expect(meeting.candidates.map((row) => row.id)).toEqual(longestWaiting.slice(0, AGENDA_CANDIDATE_LIMIT).filter((row) => row.verified).map((row) => row.id));
    expect(meeting.candidates.length).toBeGreaterThanOrEqual(AGENDA_CANDIDATE_LIMIT - 1);
    expect(meeting.candidates.map((row) => row.id)).not.toContain(created.at(-1)!.id);
    expect(meeting.moreCandidates).toBe(true);
  }, 120_000);
});
