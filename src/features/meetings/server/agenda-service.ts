// Föredragningslista: attested cases of the committee and other items (anmälan av
// delegationsbeslut, information), in an order the secretary sets with up/down.
// Positions are kept 1..n without gaps; the meeting row lock serialises renumbering.
import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/server/auth";
import { recordAudit } from "@/server/audit";
import { db, type Tx } from "@/server/db";
import { AppError } from "@/server/errors";
import { authorize, CASE_SCOPE_SELECT, toCaseScope, unknownResource } from "@/server/authz";
import { ZAddCaseToAgendaSchema, ZAddOtherAgendaItemSchema, ZMoveAgendaItemSchema, ZRemoveAgendaItemSchema } from "../schemas";
import { lockMeetingForEdit, touchMeeting, type LockedMeeting } from "./meeting-guards";
import { getAttestedStatement } from "./statement-state";
import { formatDate } from "@/lib/dates";

const assertAgendaEditable = (meeting: LockedMeeting): void => {
  if (meeting.status !== "PLANNED" && meeting.status !== "CALLED") {
    throw new AppError("INVALID_STATE", `Agenda of a ${meeting.status} meeting`, {
      userMessage: "Sammanträdet är genomfört. Föredragningslistan kan inte längre ändras.",
    });
  }
};

const nextPosition = async (tx: Tx, meetingId: string): Promise<number> => {
  const last = await tx.agendaItem.findFirst({ where: { meetingId }, orderBy: { position: "desc" }, select: { position: true } });
  return (last?.position ?? 0) + 1;
};

/** A case may be put on an agenda again only after bordläggning or återremiss. */
const assertNotOnAnotherAgenda = async (tx: Tx, caseId: string): Promise<void> => {
  const pending = await tx.agendaItem.findFirst({
    where: { caseId, OR: [{ decision: null }, { decision: { kind: { notIn: ["TABLED", "REFERRED_BACK"] } } }] },
    select: { meeting: { select: { startsAt: true } }, decision: { select: { id: true } } },
  });
  if (pending) {
    throw new AppError("VALIDATION", "Case already on an agenda", {
      userMessage: pending.decision
        ? "Nämnden har redan fattat beslut i ärendet."
        : `Ärendet står redan på föredragningslistan för sammanträdet ${formatDate(pending.meeting.startsAt)}.`,
      fieldErrors: { caseId: ["Ärendet står redan på en föredragningslista."] },
    });
  }
};

export type AddCaseToAgendaOptions = { actor: Actor; input: z.output<typeof ZAddCaseToAgendaSchema> };

export const addCaseToAgenda = async ({ actor, input }: AddCaseToAgendaOptions) => {
  const { meetingId, caseId } = input;
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, meetingId);
    assertAgendaEditable(meeting);
    const found = await tx.case.findUnique({ where: { id: caseId }, select: { ...CASE_SCOPE_SELECT, id: true, title: true, status: true, caseNumber: true } });
    if (!found) throw unknownResource("case.read");
    authorize(actor, "case.read", toCaseScope(found));
    if (found.committeeId !== meeting.committeeId) {
      throw new AppError("VALIDATION", "Case of another committee", {
        userMessage: `Ärendet ${found.caseNumber} hör till en annan nämnd och kan inte tas upp på ${meeting.committee.name}s sammanträde.`,
        fieldErrors: { caseId: ["Ärendet hör till en annan nämnd."] },
      });
    }
    if (found.status !== "OPEN") {
      throw new AppError("VALIDATION", "Case not open", { userMessage: `Ärendet ${found.caseNumber} är avslutat och kan inte tas upp på föredragningslistan.` });
    }
    const statement = await getAttestedStatement(tx, caseId);
    if (!statement) {
      throw new AppError("VALIDATION", "Statement not attested", {
        userMessage: `Tjänsteutlåtandet i ärende ${found.caseNumber} är inte attesterat. Bara ärenden med ett attesterat tjänsteutlåtande kan tas upp på föredragningslistan.`,
        fieldErrors: { caseId: ["Tjänsteutlåtandet är inte attesterat."] },
      });
    }
    await assertNotOnAnotherAgenda(tx, caseId);
    const item = await tx.agendaItem.create({
      data: {
        meetingId,
        position: await nextPosition(tx, meetingId),
        kind: "CASE",
        caseId,
        title: found.title,
        proposal: statement.decisionPoints as Prisma.InputJsonValue,
        proposerGenitive: statement.proposerGenitive,
      },
    });
    await touchMeeting(tx, meetingId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agenda.add_case",
      entityType: "AgendaItem",
      entityId: item.id,
      caseId,
      data: { meetingId, meetingDate: formatDate(meeting.startsAt), committee: meeting.committee.shortName, position: item.position, statementHash: statement.contentHash },
    });
    return { id: item.id, position: item.position };
  });
};

export type AddOtherAgendaItemOptions = { actor: Actor; input: z.output<typeof ZAddOtherAgendaItemSchema> };

export const addOtherAgendaItem = async ({ actor, input: data }: AddOtherAgendaItemOptions) => {
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, data.meetingId);
    assertAgendaEditable(meeting);
    const item = await tx.agendaItem.create({
      data: { meetingId: data.meetingId, position: await nextPosition(tx, data.meetingId), kind: data.kind, title: data.title, proposal: data.proposal },
    });
    await touchMeeting(tx, data.meetingId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agenda.add_item",
      entityType: "AgendaItem",
      entityId: item.id,
      data: { meetingId: data.meetingId, kind: data.kind, title: data.title, position: item.position },
    });
    return { id: item.id, position: item.position };
  });
};

const loadItemOfMeeting = async (tx: Tx, meetingId: string, itemId: string) => {
  const item = await tx.agendaItem.findUnique({ where: { id: itemId }, select: { id: true, meetingId: true, position: true, caseId: true, decision: { select: { id: true } } } });
  if (!item || item.meetingId !== meetingId) {
    throw new AppError("NOT_FOUND", "Agenda item not on this meeting", { userMessage: "Ärendepunkten finns inte på det här sammanträdets föredragningslista." });
  }
  return item;
};

export type MoveAgendaItemOptions = { actor: Actor; input: z.output<typeof ZMoveAgendaItemSchema> };

export const moveAgendaItem = async ({ actor, input }: MoveAgendaItemOptions) => {
  const { meetingId, itemId, direction } = input;
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, meetingId);
    assertAgendaEditable(meeting);
    const item = await loadItemOfMeeting(tx, meetingId, itemId);
    const neighbour = await tx.agendaItem.findFirst({
      where: { meetingId, position: direction === "up" ? { lt: item.position } : { gt: item.position } },
      orderBy: { position: direction === "up" ? "desc" : "asc" },
      select: { id: true, position: true },
    });
    if (!neighbour) return { position: item.position };
    await tx.agendaItem.update({ where: { id: item.id }, data: { position: neighbour.position } });
    await tx.agendaItem.update({ where: { id: neighbour.id }, data: { position: item.position } });
    await touchMeeting(tx, meetingId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agenda.move",
      entityType: "AgendaItem",
      entityId: item.id,
      caseId: item.caseId,
      data: { meetingId, from: item.position, to: neighbour.position },
    });
    return { position: neighbour.position };
  });
};

export type RemoveAgendaItemOptions = { actor: Actor; input: z.output<typeof ZRemoveAgendaItemSchema> };

export const removeAgendaItem = async ({ actor, input }: RemoveAgendaItemOptions) => {
  const { meetingId, itemId } = input;
  return db.$transaction(async (tx) => {
    const meeting = await lockMeetingForEdit(tx, actor, meetingId);
    assertAgendaEditable(meeting);
    const item = await loadItemOfMeeting(tx, meetingId, itemId);
    if (item.decision) {
      throw new AppError("INVALID_STATE", "Item has a decision", { userMessage: "Ärendepunkten har ett beslut och kan inte tas bort." });
    }
    await tx.agendaItem.delete({ where: { id: item.id } });
    // Close the gap: every later item moves up one step.
    await tx.agendaItem.updateMany({ where: { meetingId, position: { gt: item.position } }, data: { position: { decrement: 1 } } });
    await touchMeeting(tx, meetingId);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "agenda.remove",
      entityType: "AgendaItem",
      entityId: item.id,
      caseId: item.caseId,
      data: { meetingId, position: item.position },
    });
    return { removed: true };
  });
};
