// The committee's standard opening items (upprop, val av justerare och tid för justering,
// godkännande av dagordningen): chosen and ordered by the administrator, first on every new
// meeting's föredragningslista, decided with the text written from the meeting, printed in
// the kallelse and the protokoll with their §§.
import { beforeAll, describe, expect, it } from "vitest";
import { updateCommittee } from "@/features/admin/server/organisation-service";
import { ZUpdateCommitteeSchema } from "@/features/admin/schemas";
import { addCaseToAgenda, removeAgendaItem } from "@/features/meetings/server/agenda-service";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { getMeetingDetail } from "@/features/meetings/server/meeting-page-queries";
import { getAgendaForExport, getExtractForExport, getMinutesForExport } from "@/features/meetings/server/meeting-export-queries";
import { setMeetingRecordDetails } from "@/features/meetings/server/meeting-service";
import { saveMinutes } from "@/features/meetings/server/minutes-service";
import { ZAddCaseToAgendaSchema, ZMeetingRecordDetailsSchema, ZRecordDecisionSchema, ZRemoveAgendaItemSchema } from "@/features/meetings/schemas";
import { agendaToDocument, minutesToDocument } from "@/features/exports/meeting-documents";
import type { ExportDocument } from "@/features/exports/document-model";
import type { Actor } from "@/server/auth/actor";
import { parseInput } from "@/server/validation";
import { createTestDatabase } from "../support/database";
import { actorFor, createCase, createFutureMeeting, daysAhead, expectAppError, planMeeting, sendKallelse, setupMeetingsWorldWithActors } from "./meetings-fixtures";

const { db } = await createTestDatabase();

let secretary: Actor;
let chair: Actor;
let checker: Actor;
let admin: Actor;

/** Every text the document prints, in order, one string. */
const documentText = (document: ExportDocument): string => {
  const texts: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "text" && typeof inner === "string") texts.push(inner);
        else if (key === "lines" && Array.isArray(inner)) texts.push(...inner.filter((line): line is string => typeof line === "string"));
        else walk(inner);
      }
    }
  };
  walk(document.blocks);
  return texts.join("\n");
};

/** The administrator's edit of HÄS as the organisation form sends it: one choice per place, "" for Ingen. */
const setOpeningItems = async (places: string[]) => {
  const has = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
  return updateCommittee({
    actor: admin,
    input: parseInput(ZUpdateCommitteeSchema, {
      id: "has",
      updatedAt: has.updatedAt.toISOString(),
      name: has.name,
      shortName: has.shortName,
      kind: has.kind,
      publicMeetings: has.publicMeetings,
      minutesKeptAt: has.minutesKeptAt ?? undefined,
      openingItems: places.map((place) => place || undefined),
    }),
  });
};

const agendaOf = async (meetingId: string) =>
  db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" }, select: { position: true, kind: true, openingItem: true, title: true } });

beforeAll(async () => {
  ({ secretary, chair, checker } = await setupMeetingsWorldWithActors(db));
  admin = await actorFor(db, "admin");
});

describe("the administrator's list of standard opening items", () => {
  it("is saved in the chosen order, skipping empty places, and audited with the committee edit", async () => {
    await setOpeningItems(["AGENDA_APPROVAL", "", "CHECKER_ELECTION"]);
    expect((await db.committee.findUniqueOrThrow({ where: { id: "has" } })).openingItems).toEqual(["AGENDA_APPROVAL", "CHECKER_ELECTION"]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "committee.update", entityId: "has" }, orderBy: { createdAt: "desc" } });
    expect(event.actorId).toBe(admin.id);
    expect(event.data).toMatchObject({ before: { openingItems: [] }, after: { openingItems: ["AGENDA_APPROVAL", "CHECKER_ELECTION"] } });
  });

  it("refuses an item chosen twice with a Swedish message on the field, and changes nothing", async () => {
    const before = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
    const events = await db.auditEvent.count();
    const error = await expectAppError(() => setOpeningItems(["ROLL_CALL", "AGENDA_APPROVAL", "ROLL_CALL"]), "VALIDATION");
    expect(error.fieldErrors?.["openingItems.2"]).toEqual(["Upprop är redan vald som punkt 1. Välj varje standardpunkt högst en gång."]);
    await expectAppError(() => setOpeningItems(["ROLL_CALL", "OPENING_PRAYER"]), "VALIDATION", /./);
    expect(await db.committee.findUniqueOrThrow({ where: { id: "has" } })).toEqual(before);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("is left as it is by an edit that does not send it", async () => {
    const has = await db.committee.findUniqueOrThrow({ where: { id: "has" } });
    await updateCommittee({
      actor: admin,
      input: parseInput(ZUpdateCommitteeSchema, { id: "has", updatedAt: has.updatedAt.toISOString(), name: has.name, shortName: has.shortName, kind: has.kind, minutesKeptAt: "Registraturen" }),
    });
    expect((await db.committee.findUniqueOrThrow({ where: { id: "has" } })).openingItems).toEqual(["AGENDA_APPROVAL", "CHECKER_ELECTION"]);
  });
});

describe("a new meeting's föredragningslista", () => {
  it("starts with the committee's items in its order, numbered first; the cases the secretary adds follow", async () => {
    const meetingId = await createFutureMeeting(db, secretary);
    const theCase = await createCase(db);
    await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
    expect(await agendaOf(meetingId)).toEqual([
      { position: 1, kind: "OPENING", openingItem: "AGENDA_APPROVAL", title: "Godkännande av dagordningen" },
      { position: 2, kind: "OPENING", openingItem: "CHECKER_ELECTION", title: "Val av justerare och tid för justering" },
      { position: 3, kind: "CASE", openingItem: null, title: "Testärende om trygghet" },
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "meeting.create", entityId: meetingId } });
    expect(event.data).toMatchObject({ openingItems: ["AGENDA_APPROVAL", "CHECKER_ELECTION"] });
    // Removed like any other item: the rest move up.
    const [first] = await db.agendaItem.findMany({ where: { meetingId }, orderBy: { position: "asc" } });
    await removeAgendaItem({ actor: secretary, input: parseInput(ZRemoveAgendaItemSchema, { meetingId, itemId: first!.id }) });
    expect((await agendaOf(meetingId)).map((item) => [item.position, item.openingItem])).toEqual([
      [1, "CHECKER_ELECTION"],
      [2, null],
    ]);
  });

  it("has none when the committee has none", async () => {
    await setOpeningItems(["", "", ""]);
    expect((await db.committee.findUniqueOrThrow({ where: { id: "has" } })).openingItems).toEqual([]);
    const meetingId = await createFutureMeeting(db, secretary, { date: daysAhead(40) });
    expect(await agendaOf(meetingId)).toEqual([]);
  });
});

describe("the opening items at the meeting and in the protokoll", () => {
  let meetingId = "";

  beforeAll(async () => {
    await setOpeningItems(["ROLL_CALL", "CHECKER_ELECTION", "AGENDA_APPROVAL"]);
    meetingId = await planMeeting(db, secretary, { date: daysAhead(-1), time: "18:00" });
    const theCase = await createCase(db, { title: "Remiss om öppettider i parkleken" });
    await addCaseToAgenda({ actor: secretary, input: parseInput(ZAddCaseToAgendaSchema, { meetingId, caseId: theCase.id }) });
    await sendKallelse(db, secretary, meetingId);
  });

  const item = async (openingItem: "ROLL_CALL" | "CHECKER_ELECTION" | "AGENDA_APPROVAL") => db.agendaItem.findFirstOrThrow({ where: { meetingId, openingItem } });

  it("lists them first in the kallelse sent to the members", async () => {
    const mail = await db.mailMessage.findFirstOrThrow({ where: { subject: { startsWith: "Kallelse: Hägersten-Älvsjö stadsdelsnämnd" } }, orderBy: { createdAt: "desc" } });
    expect(mail.text).toMatch(/Föredragningslista:\n1\. Upprop\n2\. Val av justerare och tid för justering\n3\. Godkännande av dagordningen\n4\. Remiss om öppettider i parkleken \(/);
    const text = documentText(agendaToDocument(await getAgendaForExport({ actor: secretary, meetingId })));
    expect(text).toMatch(/Föredragningslista\n1\. Upprop\n2\. Val av justerare och tid för justering\n3\. Godkännande av dagordningen\n4\. Remiss om öppettider i parkleken/);
  });

  it("prefills the decision form with the text written from the meeting, once the justerare is named", async () => {
    const before = await getMeetingDetail({ actor: secretary, meetingId });
    expect(before.items.slice(0, 3).map((row) => row.suggestedDecision)).toEqual([
      ["Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan."],
      null,
      ["att godkänna dagordningen"],
    ]);
    // Nothing to suggest for a case, nor to a reader who does not edit.
    expect(before.items[3]!.suggestedDecision).toBeNull();
    expect((await getMeetingDetail({ actor: chair, meetingId })).items.every((row) => row.suggestedDecision === null)).toBe(true);

    await saveMinutes({ actor: secretary, input: { meetingId, chairId: chair.id, checkerId: checker.id } });
    const day = daysAhead(2);
    await setMeetingRecordDetails({
      actor: secretary,
      input: parseInput(ZMeetingRecordDetailsSchema, { meetingId, justeringDate: day, justeringTime: "15:00", justeringPlace: "Stadsdelsförvaltningen, Svandammsvägen 18" }),
    });
    const after = await getMeetingDetail({ actor: secretary, meetingId });
    expect(after.items[1]!.suggestedDecision).toEqual([
      "att utse Anders Berglund (M) att jämte ordföranden justera protokollet",
      `att justeringen sker ${day} kl. 15.00 på Stadsdelsförvaltningen, Svandammsvägen 18`,
    ]);
  });

  it("records the written text when the secretary registers with the field as prefilled or empty, and her own text when she edits it", async () => {
    const rollCall = await item("ROLL_CALL");
    const election = await item("CHECKER_ELECTION");
    const approval = await item("AGENDA_APPROVAL");
    const record = (agendaItemId: string, decisionPoints?: string[]) =>
      recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId, agendaItemId, kind: "AS_PROPOSED", ...(decisionPoints ? { decisionPoints } : {}) }) });
    const first = await record(rollCall.id);
    await record(election.id);
    await record(approval.id, ["att godkänna dagordningen med tillägget att punkt 4 behandlas först"]);
    const decisions = await db.decision.findMany({ where: { agendaItem: { meetingId } }, orderBy: { paragraph: "asc" }, select: { paragraph: true, decisionPoints: true } });
    expect(decisions.map((decision) => decision.paragraph)).toEqual([first.paragraph, first.paragraph + 1, first.paragraph + 2]);
    expect(decisions.map((decision) => decision.decisionPoints)).toEqual([
      ["Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan."],
      ["att utse Anders Berglund (M) att jämte ordföranden justera protokollet", expect.stringMatching(/^att justeringen sker \d{4}-\d{2}-\d{2} kl\. 15\.00 på Stadsdelsförvaltningen/)],
      ["att godkänna dagordningen med tillägget att punkt 4 behandlas först"],
    ]);
  });

  it("prints them as the protokoll's first §§ with their decisions, and gives a § of its own as an extract", async () => {
    const minutes = await db.minutes.findUniqueOrThrow({ where: { meetingId } });
    const text = documentText(minutesToDocument({ minutes: await getMinutesForExport({ actor: secretary, minutesId: minutes.id }), verificationUrl: (code) => `https://yttra.example/verifiera/${code}` }));
    const [first] = (await db.decision.findMany({ where: { agendaItem: { meetingId } }, orderBy: { paragraph: "asc" } })).map((decision) => decision.paragraph);
    const expected = [
      `§ ${first} Upprop`,
      "Upprop förrättades. Närvarande ledamöter och ersättare framgår av närvarolistan.",
      `§ ${first! + 1} Val av justerare och tid för justering`,
      "Hägersten-Älvsjö stadsdelsnämnd beslutar",
      "utse Anders Berglund (M) att jämte ordföranden justera protokollet",
      `§ ${first! + 2} Godkännande av dagordningen`,
      "godkänna dagordningen med tillägget att punkt 4 behandlas först",
    ];
    let from = 0;
    for (const line of expected) {
      const at = text.indexOf(line, from);
      expect(at, `${line} after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
      from = at + line.length;
    }
    const election = await item("CHECKER_ELECTION");
    const decision = await db.decision.findUniqueOrThrow({ where: { agendaItemId: election.id } });
    const extract = await getExtractForExport({ actor: secretary, decisionId: decision.id });
    expect(extract.paragraph).toMatchObject({ paragraph: first! + 1, title: "Val av justerare och tid för justering", caseNumber: null });
  });
});
