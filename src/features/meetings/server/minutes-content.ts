// The canonical content of a meeting's minutes: what ordförande and justerare approve,
// what the hash binds and what the export renders. Built from the rows every time, in a
// stable order, so that the same minutes always give the same SHA-256.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import type { AgendaItemKind, DecisionKind, MemberRole, StatementOfOpinionKind } from "@/generated/prisma/enums";
import { canonicalJson, type CanonicalValue } from "@/lib/canonical-json";
import { sha256Hex } from "@/lib/hash";
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { meetingDate, meetingTime } from "../dates";
import { ZMotionsSchema, ZVotesSchema, type TMotions } from "../schemas";

export type MinutesParagraph = {
  decisionId: string;
  paragraph: number;
  year: number;
  agendaPosition: number;
  itemKind: AgendaItemKind;
  caseId: string | null;
  caseNumber: string | null;
  title: string;
  kind: DecisionKind;
  decisionPoints: string[];
  motions: TMotions;
  /** Totals always; the roll call too when it was taken per member. */
  votes: { question: string | null; yes: number; no: number; abstain: number; rollCall: { name: string; party: string | null; vote: "YES" | "NO" | "ABSTAIN" }[] } | null;
  immediateApproval: boolean;
  opinions: { kind: StatementOfOpinionKind; party: string | null; members: string; text: string }[];
};

export type MinutesAttendee = { memberId: string; name: string; party: string | null; role: MemberRole; present: boolean; serving: boolean };

export type MinutesContent = {
  committee: { id: string; name: string; shortName: string };
  meeting: { id: string; startsAt: string; date: string; time: string; place: string };
  chair: { id: string; name: string };
  checker: { id: string; name: string };
  attendance: MinutesAttendee[];
  paragraphs: MinutesParagraph[];
};

const ROLE_ORDER: Record<MemberRole, number> = { CHAIR: 0, VICE_CHAIR: 1, MEMBER: 2, DEPUTY: 3 };

const stringsOf = (value: Prisma.JsonValue): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

const MEETING_FOR_MINUTES = {
  committee: { select: { id: true, name: true, shortName: true } },
  attendance: { include: { member: { select: { id: true, name: true, party: true, role: true } } } },
  agendaItems: {
    include: {
      case: { select: { caseNumber: true } },
      decision: { include: { opinions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } },
    },
  },
  minutes: { include: { chair: { select: { id: true, name: true } }, checker: { select: { id: true, name: true } } } },
} satisfies Prisma.MeetingInclude;

/** The minutes content of a meeting, or null when no minutes exist yet. */
export const buildMinutesContent = async (client: Tx | typeof db, meetingId: string): Promise<MinutesContent | null> => {
  const meeting = await client.meeting.findUnique({ where: { id: meetingId }, include: MEETING_FOR_MINUTES });
  if (!meeting?.minutes) return null;
  const memberNames = new Map(meeting.attendance.map((row) => [row.memberId, row.member]));
  const rollCallMembers = meeting.agendaItems.flatMap((item) => {
    const votes = item.decision?.votes ? ZVotesSchema.safeParse(item.decision.votes) : null;
    return votes?.success && votes.data.mode === "ROLL_CALL" ? votes.data.entries.map((entry) => entry.memberId) : [];
  });
  const missing = rollCallMembers.filter((id) => !memberNames.has(id));
  if (missing.length > 0) {
    const extra = await client.committeeMember.findMany({ where: { id: { in: missing } }, select: { id: true, name: true, party: true, role: true } });
    for (const member of extra) memberNames.set(member.id, member);
  }

  const paragraphs = meeting.agendaItems
    .filter((item) => item.decision)
    .map((item): MinutesParagraph => {
      const decision = item.decision!;
      const parsedVotes = decision.votes ? ZVotesSchema.safeParse(decision.votes) : null;
      const votes = parsedVotes?.success ? parsedVotes.data : null;
      const rollCall =
        votes?.mode === "ROLL_CALL"
          ? votes.entries.map((entry) => ({ name: memberNames.get(entry.memberId)?.name ?? "Okänd ledamot", party: memberNames.get(entry.memberId)?.party ?? null, vote: entry.vote }))
          : [];
      const count = (vote: "YES" | "NO" | "ABSTAIN") => rollCall.filter((entry) => entry.vote === vote).length;
      const motions = ZMotionsSchema.safeParse(decision.motions);
      return {
        decisionId: decision.id,
        paragraph: decision.paragraph,
        year: decision.year,
        agendaPosition: item.position,
        itemKind: item.kind,
        caseId: item.caseId,
        caseNumber: item.case?.caseNumber ?? null,
        title: item.title,
        kind: decision.kind,
        decisionPoints: stringsOf(decision.decisionPoints),
        motions: motions.success ? motions.data : [],
        votes: votes
          ? votes.mode === "TOTALS"
            ? { question: votes.question ?? null, yes: votes.yes, no: votes.no, abstain: votes.abstain, rollCall: [] }
            : { question: votes.question ?? null, yes: count("YES"), no: count("NO"), abstain: count("ABSTAIN"), rollCall }
          : null,
        immediateApproval: decision.immediateApproval,
        opinions: decision.opinions.map((opinion) => ({ kind: opinion.kind, party: opinion.party, members: opinion.members, text: opinion.text })),
      };
    })
    .sort((a, b) => a.year - b.year || a.paragraph - b.paragraph);

  const attendance = meeting.attendance
    .map((row): MinutesAttendee => ({ memberId: row.memberId, name: row.member.name, party: row.member.party, role: row.member.role, present: row.present, serving: row.serving }))
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, "sv"));

  return {
    committee: meeting.committee,
    meeting: { id: meeting.id, startsAt: meeting.startsAt.toISOString(), date: meetingDate(meeting.startsAt), time: meetingTime(meeting.startsAt), place: meeting.place },
    chair: meeting.minutes.chair,
    checker: meeting.minutes.checker,
    attendance,
    paragraphs,
  };
};

export const hashMinutesContent = (content: MinutesContent): string => sha256Hex(canonicalJson(content as unknown as CanonicalValue));
