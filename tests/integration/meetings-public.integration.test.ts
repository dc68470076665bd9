// The committees' public meeting documents (no login): the list on /offentligt/sammantraden
// and the public copies behind /api/offentligt/…. A meeting's föredragningslista is out once
// published and its protokoll once justerat; an unpublished agenda and minutes in draft or
// out for justering are neither listed nor downloadable. A confidential case's item shows
// only what the public diarium shows of the case — its dnr and the OSL reference — and its
// title (a canary) never appears, in the list or in either file.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/server/auth/actor";
import { addCaseToAgenda, addOtherAgendaItem } from "@/features/meetings/server/agenda-service";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { approveMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { listPublicMeetingDocuments } from "@/features/meetings/server/public-meetings";
import { ZAddCaseToAgendaSchema, ZAddOtherAgendaItemSchema, ZAttendanceSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { docxParagraphs, docxPart, pdfText } from "../fixtures/exports/inspect";
import { flatText } from "../fixtures/exports/meeting-downloads";
import { createCase, createFutureMeeting, daysAhead, planMeeting, sendKallelse, setupMeetingsWorldWithActors } from "./meetings-fixtures";

const { db } = await createTestDatabase();

const SECRECY = "26 kap. 1 § OSL";
const CANARY = "KANARIEPUBLIK7Q3";
const SECRET_TITLE = `Placering av barn i familjehem ${CANARY}`;
const PUBLIC_TITLE = "Stadsdelsdirektörens information om budgeten";
const UNPUBLISHED_TITLE = "Opublicerad punkt om parkeringsnormen";

let secretary: Actor;
let chair: Actor;
let checker: Actor;
let world: {
  justerad: { meetingId: string; minutesId: string; caseNumber: string };
  unpublishedMeetingId: string;
  draft: { meetingId: string; minutesId: string };
  inApproval: { meetingId: string; minutesId: string };
};

/** A called meeting (kallelse published) with an information item and the given cases, every item decided, and its minutes saved. */
const calledAndDecided = async (date: string, caseIds: string[] = []) => {
  const meetingId = await planMeeting(db, secretary, { date });
  const itemIds = [];
  for (const caseId of caseIds) itemIds.push((await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId }) })).id);
  itemIds.push(
    (await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId, kind: "INFORMATION", title: PUBLIC_TITLE, proposal: ["Informationen noteras."] }) })).id,
  );
  await sendKallelse(db, secretary, meetingId);
  for (const agendaItemId of itemIds) await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId, kind: "AS_PROPOSED" }) });
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
  await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
  const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId, chairId: chair.id, checkerId: checker.id } });
  return { meetingId, minutesId };
};

const sendForJustering = async (minutesId: string): Promise<string> => {
  const { version } = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
  return (await sendMinutesForApproval({ actor: secretary, input: { minutesId, version } })).contentHash;
};

beforeAll(async () => {
  ({ secretary, chair, checker } = await setupMeetingsWorldWithActors(db));

  // Justerad, with a confidential case (marked once its statement was attested) on it.
  const secretCase = await createCase(db, { title: SECRET_TITLE });
  await db.case.update({ where: { id: secretCase.id }, data: { secrecyReference: SECRECY } });
  const justerad = await calledAndDecided(daysAhead(-2), [secretCase.id]);
  const contentHash = await sendForJustering(justerad.minutesId);
  await approveMinutes({ actor: chair, input: { minutesId: justerad.minutesId, contentHash } });
  await approveMinutes({ actor: checker, input: { minutesId: justerad.minutesId, contentHash } });

  // Planned, its agenda not published.
  const unpublishedMeetingId = await createFutureMeeting(db, secretary);
  await addOtherAgendaItem({ actor: secretary, input: parseInput(ZAddOtherAgendaItemSchema, { meetingId: unpublishedMeetingId, kind: "INFORMATION", title: UNPUBLISHED_TITLE }) });

  // Called and held; the minutes still a draft, or out for justering.
  const draft = await calledAndDecided(daysAhead(-3));
  const inApproval = await calledAndDecided(daysAhead(-4));
  await sendForJustering(inApproval.minutesId);

  world = { justerad: { ...justerad, caseNumber: secretCase.caseNumber }, unpublishedMeetingId, draft, inApproval };
});

type PublicRoute = "kallelse" | "protokoll";

const ROUTES = {
  kallelse: () => import("@/app/api/offentligt/kallelse/[meetingId]/route"),
  protokoll: () => import("@/app/api/offentligt/protokoll/[minutesId]/route"),
};

/** The public route as a browser without a session calls it. */
const download = async (route: PublicRoute, id: string, format: "pdf" | "docx" = "pdf") => {
  const { GET } = await ROUTES[route]();
  const response = await GET(new Request(`http://localhost/api/offentligt/${route}/${id}?format=${format}`), { params: Promise.resolve({ meetingId: id, minutesId: id }) });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
};

const textOf = async (route: PublicRoute, id: string, format: "pdf" | "docx"): Promise<string> => {
  const { response, bytes } = await download(route, id, format);
  expect(response.status, bytes.toString("utf8").slice(0, 200)).toBe(200);
  return flatText(format === "pdf" ? pdfText(bytes) : docxParagraphs(docxPart(bytes, "word/document.xml")).join("\n"));
};

const expectMaskedAsInThePublicDiarium = (text: string) => {
  expect(text).not.toContain(CANARY);
  expect(text).toContain(`Dnr ${world.justerad.caseNumber}`);
  expect(text).toContain("Sekretessmarkerat ärende");
  expect(text).toContain(`Sekretess enligt ${SECRECY}.`);
  expect(text).not.toContain("Clas Cederlid");
  // The other items are there in full.
  expect(text).toContain(PUBLIC_TITLE);
};

describe("the list of the committees' public meeting documents", () => {
  it("lists a published agenda and a justerat protokoll, and nothing unpublished or not yet justerat", async () => {
    const committees = await listPublicMeetingDocuments("stockholm");
    const meetings = committees.flatMap((committee) => committee.meetings);
    expect(meetings.find((meeting) => meeting.id === world.justerad.meetingId)).toMatchObject({ agendaPublished: true, approvedMinutesId: world.justerad.minutesId });
    expect(meetings.find((meeting) => meeting.id === world.draft.meetingId)).toMatchObject({ agendaPublished: true, approvedMinutesId: null });
    expect(meetings.find((meeting) => meeting.id === world.inApproval.meetingId)).toMatchObject({ agendaPublished: true, approvedMinutesId: null });
    expect(meetings.find((meeting) => meeting.id === world.unpublishedMeetingId)).toBeUndefined();
    // Only committees with something public are listed (SÖS has no meetings).
    expect(committees.map((committee) => committee.id)).not.toContain("sos");
    expect(JSON.stringify(committees)).not.toMatch(new RegExp(`${CANARY}|${UNPUBLISHED_TITLE}`));
  });
});

describe("the public copies", () => {
  it("give anyone the published föredragningslista and the justerade protokoll with the confidential case masked", async () => {
    for (const format of ["pdf", "docx"] as const) {
      const agenda = await textOf("kallelse", world.justerad.meetingId, format);
      expectMaskedAsInThePublicDiarium(agenda);
      expect(agenda).not.toContain("UTKAST");

      const minutes = await textOf("protokoll", world.justerad.minutesId, format);
      expectMaskedAsInThePublicDiarium(minutes);
      expect(minutes).toContain("Protokollet har justerats digitalt av följande personer:");
    }
  });

  it("refuse an unpublished agenda and minutes in draft or out for justering as if they did not exist", async () => {
    const refusals = [
      await download("kallelse", world.unpublishedMeetingId),
      await download("protokoll", world.draft.minutesId),
      await download("protokoll", world.inApproval.minutesId),
      await download("protokoll", "00000000-0000-7000-8000-000000009999"),
    ];
    for (const { response, bytes } of refusals) {
      expect(response.status).toBe(404);
      expect(bytes.subarray(0, 4).toString("latin1")).not.toBe("%PDF");
      expect(bytes.toString("utf8")).not.toContain(UNPUBLISHED_TITLE);
    }
    // The published agenda of those meetings is out.
    expect((await download("kallelse", world.draft.meetingId)).response.status).toBe(200);
  });
});
