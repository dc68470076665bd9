// /verifiera/<code> for the code of justerade minutes: the minutes as minutes (committee,
// meeting date, §§, justerare), never "Tjänsteutlåtande: –".
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { VerificationResultView } from "@/features/attestation/components/verification-result";
import { verifyAttestationCode } from "@/features/attestation/server/verify-attestation";
import { recordDecision } from "@/features/meetings/server/decision-service";
import { setAttendance } from "@/features/meetings/server/meeting-service";
import { approveMinutes, returnMinutes, saveMinutes, sendMinutesForApproval } from "@/features/meetings/server/minutes-service";
import { createTestDatabase } from "../support/database";
import { calledMeetingWithCase, daysAhead, setupMeetingsWorldWithActors } from "./meetings-fixtures";
import { ZAttendanceSchema, ZRecordDecisionSchema } from "@/features/meetings/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();

const { secretary, chair, checker } = await setupMeetingsWorldWithActors(db);

const minutesInApproval = async () => {
  const world = await calledMeetingWithCase(db, secretary);
  const { paragraph, year } = await recordDecision({ actor: secretary, input: parseInput(ZRecordDecisionSchema, { meetingId: world.meetingId, agendaItemId: world.itemId, kind: "AS_PROPOSED" }) });
  const members = await db.committeeMember.findMany({ where: { committeeId: "has" } });
  await setAttendance({ actor: secretary, input: parseInput(ZAttendanceSchema, { meetingId: world.meetingId, entries: members.map((member) => ({ memberId: member.id, present: true, serving: false })) }) });
  const { id: minutesId } = await saveMinutes({ actor: secretary, input: { meetingId: world.meetingId, chairId: chair.id, checkerId: checker.id } });
  const { version } = await db.minutes.findUniqueOrThrow({ where: { id: minutesId } });
  const { contentHash } = await sendMinutesForApproval({ actor: secretary, input: { minutesId, version } });
  const { verificationCode } = await db.attestationRequest.findFirstOrThrow({ where: { subjectType: "MINUTES", subjectId: minutesId } });
  return { ...world, minutesId, contentHash, verificationCode, paragraph: `§ ${paragraph}/${year}` };
};

describe("verification of a minutes code", () => {
  it("describes justerade minutes by committee, meeting date, §§ and justerare, and the page shows them as a protokoll", async () => {
    const world = await minutesInApproval();
    await approveMinutes({ actor: chair, input: { minutesId: world.minutesId, contentHash: world.contentHash } });
    await approveMinutes({ actor: checker, input: { minutesId: world.minutesId, contentHash: world.contentHash } });

    const result = await verifyAttestationCode(world.verificationCode);
    expect(result).toMatchObject({
      status: "VALID",
      caseNumber: null,
      documentTitle: null,
      minutes: {
        committeeName: "Hägersten-Älvsjö stadsdelsnämnd",
        meetingDate: daysAhead(-2),
        paragraphs: [world.paragraph],
        chairName: "Maria Lindqvist",
        checkerName: "Anders Berglund",
      },
      attesters: [{ name: "Maria Lindqvist" }, { name: "Anders Berglund" }],
    });

    const html = renderToStaticMarkup(createElement(VerificationResultView, { result: result! }));
    expect(html).not.toContain("Tjänsteutlåtande");
    expect(html).not.toContain("Diarienummer");
    for (const text of ["Protokoll", "Hägersten-Älvsjö stadsdelsnämnd", daysAhead(-2), world.paragraph, "Maria Lindqvist (ordförande), Anders Berglund (justerare)", "Justerat av"]) {
      expect(html).toContain(text);
    }
  });

  it("still describes minutes returned by the ordförande (the code is then invalidated)", async () => {
    const world = await minutesInApproval();
    await returnMinutes({ actor: chair, input: { minutesId: world.minutesId, comment: "Rätta närvaron." } });
    const result = await verifyAttestationCode(world.verificationCode);
    expect(result).toMatchObject({ status: "INVALIDATED", minutes: { meetingDate: daysAhead(-2), paragraphs: [world.paragraph], chairName: "Maria Lindqvist" } });
    expect(renderToStaticMarkup(createElement(VerificationResultView, { result: result! }))).not.toContain("Tjänsteutlåtande");
  });
});
