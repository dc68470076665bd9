// Shared setup of the remiss follow-up tests (reminders, sammanställning, public diarium):
// the demo organisation (kommunstyrelsen's registrator, a handläggare at stadsledningskontoret)
// and kommunstyrelsen's case sent on remiss, written directly with Prisma (independent of the sending service) with the
// instances in the states a test needs.
import { randomUUID } from "node:crypto";
import type { ReferralPosition, ReferralRecipientStatus } from "@/generated/prisma/enums";
import type { Db } from "@/server/db";
import { isoDateToDb } from "@/lib/dates";
import { seedDemoData } from "../../scripts/seed/demo";

export const KS_OFFICER = "petter.lind";
export const KS_REGISTRAR = "eva.stromberg";

export const setupReferralWorld = async (): Promise<void> => {
  await seedDemoData({ nodeEnv: "test", force: false });
};

export type TestInstance = {
  committeeId?: string;
  name: string;
  email?: string;
  dueDate: string;
  status?: ReferralRecipientStatus;
  answeredDate?: string;
  position?: ReferralPosition;
  summary?: string;
};

let sequence = 0;

/** Kommunstyrelsen's case (its handläggare: ks.handlaggare) sent on remiss to `instances`. */
export const createSentCase = async (
  db: Db,
  { instances, sentDate = "2024-03-01", confidential = false, reminderDaysBefore = 5, reminderDaysAfter = 1, title = "Stoppa de öppna drogscenerna – motion från (M)" }: { instances: TestInstance[]; sentDate?: string; confidential?: boolean; reminderDaysBefore?: number; reminderDaysAfter?: number; title?: string },
) => {
  sequence += 1;
  const officer = await db.user.findUniqueOrThrow({ where: { username: KS_OFFICER } });
  const registrar = await db.user.findUniqueOrThrow({ where: { username: KS_REGISTRAR } });
  const caseId = randomUUID();
  await db.case.create({
    data: {
      id: caseId,
      caseNumber: `KS 1999/${sequence}`,
      seriesId: "series-ks",
      year: 1999,
      sequence,
      title,
      kind: "MOTION",
      committeeId: "ks",
      departmentId: "slk-kla",
      caseOfficerId: officer.id,
      receivedDate: isoDateToDb("2024-01-24"),
      createdById: registrar.id,
      lastDocumentNumber: 1,
      ...(confidential ? { secrecyReference: "OSL 21 kap. 1 §", secrecyReason: "Uppgift om enskilds hälsa" } : {}),
      documents: { create: [{ number: 1, direction: "OUTGOING", documentDate: isoDateToDb(sentDate), counterpart: "Remissinstanserna", description: "Remissmissiv", createdById: registrar.id }] },
    },
  });
  const missiv = await db.caseDocument.findFirstOrThrow({ where: { caseId }, select: { id: true } });
  const round = await db.referralRound.create({
    data: {
      caseId,
      letterMode: "SHARED",
      letter: { municipality: "Stockholms stad", sender: { committee: "Kommunstyrelsen", organisation: "Stadsledningskontoret" }, caseNumber: `KS 1999/${sequence}`, caseTitle: title, sentDate, contact: { name: "Eva Strömberg", title: "Registrator", phone: "08-50829001", email: "eva.stromberg@yttra.example" }, text: "Remiss.", recipients: [], documents: [] },
      letterHash: "test",
      sentDate: isoDateToDb(sentDate),
      sentById: registrar.id,
      reminderDaysBefore,
      reminderDaysAfter,
    },
  });
  const recipientIds: string[] = [];
  for (const instance of instances) {
    const recipient = await db.referralRecipient.create({
      data: {
        roundId: round.id,
        kind: instance.committeeId ? "INTERNAL" : "EXTERNAL",
        committeeId: instance.committeeId ?? null,
        name: instance.name,
        email: instance.committeeId ? null : (instance.email ?? "registrator@example.org"),
        dueDate: isoDateToDb(instance.dueDate),
        status: instance.status ?? "SENT",
        outgoingDocumentId: missiv.id,
        answeredDate: instance.answeredDate ? isoDateToDb(instance.answeredDate) : null,
        position: instance.position ?? null,
        summary: instance.summary ?? null,
      },
    });
    recipientIds.push(recipient.id);
  }
  return { caseId, roundId: round.id, recipientIds };
};
