// Sammanträden: planning a meeting, publishing its agenda with the kallelse, and recording
// attendance, övriga närvarande and the time and place of justering. Each write is one transaction with its audit event.
import "server-only";
import type { z } from "zod";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { meetingDateTime, meetingDay, stockholmDateTimeToInstant } from "../dates";
import { formatTerm, inOfficeOn, isInOffice } from "@/features/admin/committees";
import { formatDate } from "@/lib/dates";
import { AGENDA_KIND_LABELS } from "../labels";
import { ZAttendanceSchema, ZCreateMeetingSchema, ZMeetingVersionSchema, type TMeetingRecordDetails } from "../schemas";
import { CONFIDENTIAL_CASE_TITLE } from "@/features/cases/secrecy";
import { maskedCases, maskOf } from "./confidential-items";
import { authorize, loadCommitteeScope } from "@/server/authz";
import { MEETING_EDIT_REFUSED } from "./meeting-guards";
import { lockMeetingForEdit } from "./meeting-guards";
import { addOpeningItems } from "./opening-items";

export type CreateMeetingOptions = { actor: Actor; input: z.output<typeof ZCreateMeetingSchema>; now?: Date };

export const createMeeting = async ({ actor, input: data, now = new Date() }: CreateMeetingOptions) => {
  const startsAt = stockholmDateTimeToInstant(data.date, data.time);
  return db.$transaction(async (tx) => {
    authorize(actor, "meeting.edit", await loadCommitteeScope(tx, data.committeeId), MEETING_EDIT_REFUSED);
    if (startsAt.getTime() <= now.getTime()) {
      throw new AppError("VALIDATION", "Meeting in the past", {
        userMessage: "Ett sammanträde kan inte planeras i det förflutna. Välj en tidpunkt framåt i tiden.",
        fieldErrors: { date: ["Tidpunkten har redan passerat."] },
      });
    }
    const meeting = await tx.meeting.create({
      data: { committeeId: data.committeeId, startsAt, place: data.place, createdById: actor.id },
    });
    const openingItems = await addOpeningItems(tx, { meetingId: meeting.id, committeeId: data.committeeId });
    const audited = { committeeId: data.committeeId, startsAt: meeting.startsAt, place: data.place, openingItems };
    await recordAudit(tx, { actorId: actor.id, action: "meeting.create", entityType: "Meeting", entityId: meeting.id, data: audited });
    return { id: meeting.id };
  });
};

/**
 * Who gets the kallelse: users with a role in the committee and the members in office on the
 * meeting's day linked to users (notifications), every address once (mail).
 */
const noticeRecipients = async (tx: Tx, { committeeId, startsAt }: { committeeId: string; startsAt: Date }) => {
  const memberships = await tx.membership.findMany({ where: { committeeId, user: { disabledAt: null } }, select: { user: { select: { id: true, email: true } } } });
  const members = await tx.committeeMember.findMany({ where: { committeeId, ...inOfficeOn(meetingDay(startsAt)) }, select: { email: true, user: { select: { id: true, email: true, disabledAt: true } } } });
  const userIds = new Set<string>();
  const addresses = new Map<string, string>();
  const addAddress = (address: string | null | undefined) => {
    if (address) addresses.set(address.trim().toLowerCase(), address.trim());
  };
  for (const { user } of memberships) {
    userIds.add(user.id);
    addAddress(user.email);
  }
  for (const member of members) {
    if (member.user && !member.user.disabledAt) userIds.add(member.user.id);
    addAddress(member.email ?? member.user?.email);
  }
  return { userIds: [...userIds], addresses: [...addresses.values()] };
};

export type CallMeetingOptions = { actor: Actor; input: z.output<typeof ZMeetingVersionSchema>; now?: Date };

/**
 * Publishes the föredragningslista and sends the kallelse (in-app notices and queued e-mail,
 * after commit by the mail worker). The kallelse goes to members without accounts and out of
 * the app's access control, so it lists confidential cases masked for everyone (dnr and
 * "Sekretessmarkerat ärende"); the meeting page shows each reader what they may read.
 */
export const callMeeting = async ({ actor, input, now = new Date() }: CallMeetingOptions) => {
  const { meetingId, version } = input;
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, meetingId);
    if (meeting.status !== "PLANNED") {
      throw new AppError("INVALID_STATE", `Meeting is ${meeting.status}`, { userMessage: "Kallelsen är redan skickad för det här sammanträdet." });
    }
    if (meeting.startsAt.getTime() <= now.getTime()) {
      throw new AppError("INVALID_STATE", "Meeting has started", {
        userMessage: "Sammanträdet har redan ägt rum. En kallelse kan bara skickas till ett kommande sammanträde.",
      });
    }
    const items = await tx.agendaItem.findMany({
      where: { meetingId },
      orderBy: { position: "asc" },
      select: { position: true, title: true, kind: true, caseId: true, case: { select: { caseNumber: true } } },
    });
    if (items.length === 0) {
      throw new AppError("INVALID_STATE", "Empty agenda", { userMessage: "Föredragningslistan är tom. Lägg till minst en ärendepunkt innan kallelsen skickas." });
    }
    const updated = await tx.meeting.updateMany({
      where: { id: meetingId, version, status: "PLANNED" },
      data: { status: "CALLED", agendaPublishedAt: now, noticeSentAt: now, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError("CONFLICT", "Meeting changed since it was read");

    const when = meetingDateTime(meeting.startsAt);
    const title = `Kallelse: ${meeting.committee.name} ${when}`;
    const masked = await maskedCases(tx, "public", meeting.scope, items.map((item) => item.caseId));
    const agendaText = items
      .map((item) => {
        if (item.kind === "OPENING") return `${item.position}. ${item.title}`;
        if (!item.case) return `${item.position}. ${AGENDA_KIND_LABELS[item.kind]}: ${item.title}`;
        return `${item.position}. ${maskOf(masked, item.caseId) ? CONFIDENTIAL_CASE_TITLE : item.title} (${item.case.caseNumber})`;
      })
      .join("\n");
    const body = `Du kallas till sammanträde med ${meeting.committee.name} ${when}.\nPlats: ${meeting.place}\n\nFöredragningslista:\n${agendaText}`;
    const recipients = await noticeRecipients(tx, meeting);
    if (recipients.userIds.length > 0) {
      await tx.notification.createMany({
        data: recipients.userIds.map((userId) => ({ userId, kind: "meeting.called", title, body, link: `/sammantraden/${meetingId}` })),
      });
    }
    if (recipients.addresses.length > 0) {
      // Transactional outbox: the mail worker delivers QUEUED rows after commit.
      await tx.mailMessage.createMany({ data: recipients.addresses.map((toAddress) => ({ municipalityId: meeting.scope.municipalityId, toAddress, subject: title, text: body, status: "QUEUED" as const })) });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.call",
      entityType: "Meeting",
      entityId: meetingId,
      data: { items: items.length, notified: recipients.userIds.length, mailed: recipients.addresses.length },
    });
    return { notified: recipients.userIds.length, mailed: recipients.addresses.length };
  });
};

/**
 * A committee votes with at most as many as it has seats (its ledamöter in office): a serving
 * ersättare takes the seat of an absent ledamot. Counted over the whole saved list, so a
 * partial list cannot slip past it.
 */
const assertVotingWithinSeats = async (tx: Tx, meetingId: string, committeeId: string, day: Date) => {
  const seats = await tx.committeeMember.count({ where: { committeeId, role: { not: "DEPUTY" }, ...inOfficeOn(day) } });
  const voting = await tx.meetingAttendance.count({ where: { meetingId, present: true, OR: [{ serving: true }, { member: { role: { not: "DEPUTY" } } }] } });
  if (voting > seats) {
    throw new AppError("VALIDATION", "More voting members than seats", {
      userMessage: `För många tjänstgörande: ${voting} ledamöter och ersättare är markerade, men nämnden har ${seats} platser. En ersättare tjänstgör bara i stället för en frånvarande ledamot.`,
    });
  }
};

export type SetAttendanceOptions = { actor: Actor; input: z.output<typeof ZAttendanceSchema> };

/** Närvaro: present or not, and whether an ersättare serves, per member in office on the meeting's day. */
export const setAttendance = async ({ actor, input: data }: SetAttendanceOptions) => {
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, data.meetingId);
    const day = meetingDay(meeting.startsAt);
    const members = await tx.committeeMember.findMany({
      where: { id: { in: data.entries.map((entry) => entry.memberId) }, committeeId: meeting.committeeId },
      select: { id: true, name: true, role: true, termStart: true, termEnd: true },
    });
    const byId = new Map(members.map((member) => [member.id, member]));
    for (const entry of data.entries) {
      const member = byId.get(entry.memberId);
      if (!member) {
        throw new AppError("VALIDATION", "Member of another committee", { userMessage: "Närvarolistan innehåller någon som inte är ledamot eller ersättare i nämnden." });
      }
      if (!isInOffice(member, day)) {
        throw new AppError("VALIDATION", "Member not in office", {
          userMessage: `${member.name} är inte ledamot eller ersättare i nämnden den ${formatDate(meeting.startsAt)} (mandatperioden ${formatTerm(member)}).`,
        });
      }
      if (entry.serving && member.role !== "DEPUTY") {
        throw new AppError("VALIDATION", "Only deputies serve", { userMessage: "Endast ersättare kan markeras som tjänstgörande." });
      }
    }
    for (const entry of data.entries) {
      const values = { present: entry.present, serving: entry.present && entry.serving };
      await tx.meetingAttendance.upsert({
        where: { meetingId_memberId: { meetingId: data.meetingId, memberId: entry.memberId } },
        create: { meetingId: data.meetingId, memberId: entry.memberId, ...values },
        update: values,
      });
    }
    await assertVotingWithinSeats(tx, data.meetingId, meeting.committeeId, day);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.attendance",
      entityType: "Meeting",
      entityId: data.meetingId,
      data: { present: data.entries.filter((entry) => entry.present).length, serving: data.entries.filter((entry) => entry.present && entry.serving).length },
    });
    return { count: data.entries.length };
  });
};

export type SetMeetingRecordDetailsOptions = { actor: Actor; input: TMeetingRecordDetails };

/**
 * Övriga närvarande and tid och plats för justering, printed in the protokoll. Editable while
 * the minutes are open (from the sending on they are part of what is justerat); justering
 * cannot be set before the meeting.
 */
export const setMeetingRecordDetails = async ({ actor, input }: SetMeetingRecordDetailsOptions) =>
  db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, input.meetingId);
    const justeringAt = input.justeringDate && input.justeringTime ? stockholmDateTimeToInstant(input.justeringDate, input.justeringTime) : null;
    if (justeringAt && justeringAt < meeting.startsAt) {
      throw new AppError("VALIDATION", "Justering before the meeting", {
        userMessage: `Justeringen kan inte vara före sammanträdet (${meetingDateTime(meeting.startsAt)}).`,
        fieldErrors: { justeringDate: ["Välj en tid efter sammanträdets början."] },
      });
    }
    await tx.meeting.update({
      where: { id: meeting.id },
      data: { otherAttendees: input.otherAttendees, justeringAt, justeringPlace: input.justeringPlace ?? null, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "meeting.record_details",
      entityType: "Meeting",
      entityId: meeting.id,
      data: {
        meetingDate: formatDate(meeting.startsAt),
        otherAttendees: input.otherAttendees.length,
        justering: justeringAt ? meetingDateTime(justeringAt) : null,
        justeringPlace: input.justeringPlace ?? null,
      },
    });
    return { id: meeting.id };
  });
