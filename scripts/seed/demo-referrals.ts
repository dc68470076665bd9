// The reference motion's sending side (the remiss round trip): kommunstyrelsen's case KS 2024/312
// (registered by its registrator, handled at stadsledningskontoret) sent on remiss on 2024-02-09
// to Hägersten-Älvsjö, Södermalm and Farsta stadsdelsnämnder and Polismyndigheten. Hägersten-
// Älvsjö's answer (the reference statement with its protokollsutdrag, dispatched 2024-04-30 after
// the demo meeting) has come home; Polismyndigheten answered by letter; Södermalm got a longer
// remisstid (pending); Farsta is overdue. The handläggare's tjänsteutlåtande has its
// Remissammanställning. Everything goes through the services, with the clock of 2024 where it
// matters; a case KS 2024/312 already there means the demo is in place and is left alone.
import { actorOf as actorOfUser, type Actor } from "@/server/auth/actor-record";
import { db } from "@/server/db";
import { recordAudit } from "@/server/audit";
import { parseInput } from "@/server/validation";
import { registerCaseInTx } from "@/features/cases/server/register-case";
import { createCaseDocumentInTx } from "@/features/cases/server/create-document";
import { ZRegisterCaseSchema } from "@/features/cases/schemas";
import { extendReferralDueDate, recordExternalAnswer, registerReferralAnswerInTx, sendReferral } from "@/features/referrals/server";
import { ZExtendReferralSchema, ZExternalAnswerSchema, ZSendReferralSchema } from "@/features/referrals/schemas";
import { defaultReferralLetterText } from "@/features/referrals/letter";
import { createStatement } from "@/features/statements/server/create-statement";
import { refreshReferralCompilation } from "@/features/statements/server/referral-compilation";
import { addDays, formatDateOnly, isoDateToDb, stockholmToday } from "@/lib/dates";
import { REFERENCE_CASE_ID } from "./demo-cases";
import { demoUser } from "./demo-organisation";

const uuid = (n: number): string => `00000000-0000-7000-8000-${n.toString().padStart(12, "0")}`;

export const DEMO_KS_CASE_ID = uuid(6001);
const KS_CASE_NUMBER = "KS 2024/312";
const TITLE = "Motion (2024:12) av Andréa Hedin (M) om att stoppa de öppna drogscenerna";
/** The reference case's dispatch to kommunstyrelsen (demo-meetings.ts). */
const REFERENCE_DISPATCH_ID = uuid(5601);

// As the request's actor is resolved (src/server/auth/actor.ts, which scripts cannot import: it is bound to Next's request).
const actorOf = async (username: string): Promise<Actor> => actorOfUser(db, demoUser(username).id, Math.floor(Date.now() / 1000));

const recipientIdOf = async (roundId: string, name: string) => db.referralRecipient.findFirstOrThrow({ where: { roundId, name }, select: { id: true, version: true } });

export const seedDemoReferrals = async (now = new Date()): Promise<{ created: boolean }> => {
  if (await db.case.findUnique({ where: { id: DEMO_KS_CASE_ID }, select: { id: true } })) return { created: false };
  const registrar = await actorOf("eva.stromberg");
  const officer = await actorOf("petter.lind");

  // The motion as kommunstyrelsen registered it (its number from the diarium before Yttra).
  const motionDocumentId = await db.$transaction(async (tx) => {
    await registerCaseInTx(tx, {
      actor: registrar,
      caseId: DEMO_KS_CASE_ID,
      input: parseInput(ZRegisterCaseSchema, {
        idempotencyKey: uuid(6002),
        title: TITLE,
        kind: "MOTION",
        committeeId: "ks",
        departmentId: "slk-kla",
        caseOfficerId: officer.id,
        receivedDate: "2024-01-24",
        existingCaseNumber: KS_CASE_NUMBER,
        existingNumberReason: "Registrerat i kommunstyrelsens tidigare diarium.",
        motion: {
          number: "2024:12",
          title: TITLE,
          raisedDate: "2024-01-24",
          authors: [{ name: "Andréa Hedin", party: "M" }],
          proposals: ["Stockholms stad utreder och sätter in insatser vid varje öppen drogscen som har en skola inom en radie av 500 meter."],
        },
      }),
    });
    const document = await createCaseDocumentInTx(tx, {
      actorId: registrar.id,
      caseId: DEMO_KS_CASE_ID,
      direction: "INCOMING",
      documentDate: isoDateToDb("2024-01-24"),
      counterpart: "Kommunfullmäktige",
      description: "Motion (2024:12) om att stoppa de öppna drogscenerna",
    });
    return document.id;
  });

  // Sent on 2024-02-09, one missiv per instans.
  const sent = await sendReferral({
    actor: registrar,
    now: new Date("2024-02-09T09:00:00.000Z"),
    input: parseInput(ZSendReferralSchema, {
      caseId: DEMO_KS_CASE_ID,
      letterMode: "PER_RECIPIENT",
      sentDate: "2024-02-09",
      text: defaultReferralLetterText({ committee: "Kommunstyrelsen", caseTitle: TITLE, caseNumber: KS_CASE_NUMBER }),
      documentIds: [motionDocumentId],
      recipients: [
        { kind: "INTERNAL", committeeId: "has", dueDate: "2024-05-03" },
        { kind: "INTERNAL", committeeId: "sos", dueDate: "2024-05-03" },
        { kind: "INTERNAL", committeeId: "fas", dueDate: "2024-05-03" },
        { kind: "EXTERNAL", name: "Polismyndigheten, region Stockholm", email: "registrator.stockholm@polisen.example", dueDate: "2024-05-03" },
      ],
    }),
  });
  const roundId = sent.roundId;

  // Hägersten-Älvsjö registered it as the reference case (HÄS 2024/123) on 2024-02-12 …
  const has = await recipientIdOf(roundId, "Hägersten-Älvsjö stadsdelsnämnd");
  const hasRegistrar = demoUser("registrator");
  await db.$transaction(async (tx) => {
    const reference = await tx.case.findUniqueOrThrow({ where: { id: REFERENCE_CASE_ID }, select: { caseNumber: true } });
    await tx.referralRecipient.update({
      where: { id: has.id },
      data: { status: "ACCEPTED", acceptedAt: new Date("2024-02-12T09:00:00.000Z"), acceptedById: hasRegistrar.id, receivingCaseId: REFERENCE_CASE_ID, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: hasRegistrar.id,
      action: "referral.accept",
      entityType: "ReferralRecipient",
      entityId: has.id,
      caseId: DEMO_KS_CASE_ID,
      data: { name: "Hägersten-Älvsjö stadsdelsnämnd", receivingCaseNumber: reference.caseNumber },
    });
    // … and its dispatch of 2024-04-30 (protokollsutdrag and tjänsteutlåtande) came home.
    const dispatch = await tx.dispatch.findUniqueOrThrow({
      where: { id: REFERENCE_DISPATCH_ID },
      select: { sentDate: true, createdById: true, document: { select: { description: true, secrecyReference: true, secrecyReason: true, generatedRecords: { select: { kind: true, subjectId: true, contentHash: true } } } } },
    });
    await registerReferralAnswerInTx(tx, {
      actorId: dispatch.createdById,
      receivingCaseId: REFERENCE_CASE_ID,
      dispatchId: REFERENCE_DISPATCH_ID,
      sentDate: dispatch.sentDate,
      description: dispatch.document.description,
      secrecyReference: dispatch.document.secrecyReference,
      secrecyReason: dispatch.document.secrecyReason,
      generated: dispatch.document.generatedRecords,
      answer: {
        position: "OPPOSES",
        summary: "Nämnden delar motionens syfte men avstyrker en ny utredning: arbetet mot öppna drogscener nära skolor bedrivs redan i samverkan med polisen och socialtjänsten.",
      },
    });
  });

  // Polismyndigheten answered by letter, registered by kommunstyrelsen's registrator.
  const police = await recipientIdOf(roundId, "Polismyndigheten, region Stockholm");
  const letter = await db.$transaction((tx) =>
    createCaseDocumentInTx(tx, {
      actorId: registrar.id,
      caseId: DEMO_KS_CASE_ID,
      direction: "INCOMING",
      documentDate: isoDateToDb("2024-04-26"),
      counterpart: "Polismyndigheten, region Stockholm",
      description: "Remissvar från Polismyndigheten, region Stockholm",
    }),
  );
  await recordExternalAnswer({
    actor: registrar,
    now: new Date("2024-04-29T09:00:00.000Z"),
    input: parseInput(ZExternalAnswerSchema, {
      recipientId: police.id,
      version: police.version,
      documentId: letter.id,
      answeredDate: "2024-04-26",
      position: "SUPPORTS_WITH_CHANGES",
      summary: "Polisen tillstyrker kartläggningen men vill att insatserna samordnas i den lokala samverkansöverenskommelsen.",
    }),
  });

  // Södermalm asked for more time: its remisstid lies ahead of the demo (pending); Farsta is overdue.
  const sos = await recipientIdOf(roundId, "Södermalms stadsdelsnämnd");
  await extendReferralDueDate({ actor: registrar, input: parseInput(ZExtendReferralSchema, { recipientId: sos.id, version: sos.version, dueDate: formatDateOnly(addDays(stockholmToday(now), 30)) }) });

  // The handläggare's tjänsteutlåtande with the answers compiled.
  const { statementId } = await createStatement({ actor: officer, input: { caseId: DEMO_KS_CASE_ID, attachmentDocumentIds: [] } });
  await refreshReferralCompilation({ actor: officer, input: { statementId, resolve: [] } });
  return { created: true };
};
