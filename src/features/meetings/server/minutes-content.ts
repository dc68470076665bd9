// The canonical content of a meeting's minutes: what ordförande and justerare approve,
// what the hash binds and what the export renders. While the minutes are a draft it is
// built from the rows, in a stable order, so that the same minutes always give the same
// SHA-256; when they are sent for justering it is stored (Minutes.content) and from then on
// read from there, so justerade minutes never change with the rows behind them.
// The secretary signing "Vid protokollet" is part of it: while a draft, the committee's
// first active nämndsekreterare; from the sending on, the one who sent it for justering.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { AgendaItemKind, DecisionKind, MemberRole, StatementOfOpinionKind } from "@/generated/prisma/enums";
import type { CanonicalValue, HashScheme } from "@/lib/canonical-json";
import { canonicalSha256 } from "@/lib/hash";
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { justeringDetails, meetingTime } from "../dates";
import { z } from "@/lib/zod";
import { VOTE_VALUES, ZMotionsSchema, ZOtherAttendeesSchema, ZVotesSchema } from "../schemas";
import { formatDate } from "@/lib/dates";
import { tallyVotes, voteOutcome } from "../votes";

const text = z.string().max(20_000);

/** Also the reader of the stored snapshot (Minutes.content): strict, so nothing rides along unseen. */
export const ZMinutesContentSchema = z
  .object({
    committee: z.object({ id: text, name: text, shortName: text }).strict(),
    meeting: z.object({ id: text, startsAt: text, date: text, time: text, place: text }).strict(),
    chair: z.object({ id: text, name: text }).strict(),
    checker: z.object({ id: text, name: text }).strict(),
    /** "Vid protokollet" / "Rätt utdraget intygar"; null when the committee has no active secretary. */
    secretary: z.object({ id: text, name: text }).strict().nullable(),
    attendance: z.array(
      z.object({ memberId: text, name: text, party: text.nullable(), role: z.enum(MemberRole), present: z.boolean(), serving: z.boolean() }).strict(),
    ),
    /** Övriga närvarande (absent in minutes sent before they were recorded). */
    otherAttendees: z.array(z.object({ name: text, role: text }).strict()).optional(),
    /** Tid och plats för justering ("2024-04-29 kl. 15.00"); null when not decided. Absent in older minutes. */
    justeringTime: z.object({ date: text, time: text, place: text.nullable() }).strict().nullable().optional(),
    paragraphs: z.array(
      z
        .object({
          decisionId: text,
          paragraph: z.number().int(),
          year: z.number().int(),
          agendaPosition: z.number().int(),
          itemKind: z.enum(AgendaItemKind),
          caseId: text.nullable(),
          caseNumber: text.nullable(),
          title: text,
          kind: z.enum(DecisionKind),
          /** Who proposed the item's proposal, in the genitive: "Bifall till presidiets förslag". Absent in minutes sent before it was recorded (förvaltningens). */
          proposerGenitive: text.optional(),
          decisionPoints: z.array(text),
          motions: z.array(z.object({ party: text.optional(), member: text, text }).strict()),
          /** Totals always; the roll call too when it was taken per member, with the propositionsordning and the computed result. */
          votes: z
            .object({
              question: text.nullable(),
              yesFor: text.nullable().optional(),
              noFor: text.nullable().optional(),
              yes: z.number().int(),
              no: z.number().int(),
              abstain: z.number().int(),
              absent: z.number().int().optional(),
              /** Which side won; null: equal votes without the ordförande's casting vote. */
              outcome: z.enum(["YES", "NO"]).nullable().optional(),
              /** Decided by the ordförande's utslagsröst. */
              casting: z.boolean().optional(),
              rollCall: z.array(z.object({ name: text, party: text.nullable(), vote: z.enum(VOTE_VALUES) }).strict()),
            })
            .strict()
            .nullable(),
          immediateApproval: z.boolean(),
          opinions: z.array(z.object({ kind: z.enum(StatementOfOpinionKind), party: text.nullable(), members: text, text }).strict()),
        })
        .strict(),
    ),
  })
  .strict();

export type MinutesContent = z.infer<typeof ZMinutesContentSchema>;
export type MinutesParagraph = MinutesContent["paragraphs"][number];
export type MinutesAttendee = MinutesContent["attendance"][number];

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

export type MinutesSecretary = MinutesContent["secretary"];

/** The secretary of a draft: the committee's first active nämndsekreterare. */
export const firstActiveSecretary = async (client: Tx | typeof db, committeeId: string): Promise<MinutesSecretary> =>
  client.user.findFirst({
    where: { memberships: { some: { role: "COMMITTEE_SECRETARY", committeeId } }, disabledAt: null },
    select: { id: true, name: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });

export type BuildMinutesContentOptions = {
  /** Who signs "Vid protokollet"; default the committee's first active secretary (a draft). */
  secretary?: MinutesSecretary;
};

/** The minutes content of a meeting, or null when no minutes exist yet. */
export const buildMinutesContent = async (client: Tx | typeof db, meetingId: string, options: BuildMinutesContentOptions = {}): Promise<MinutesContent | null> => {
  const meeting = await client.meeting.findUnique({ where: { id: meetingId }, include: MEETING_FOR_MINUTES });
  if (!meeting?.minutes) return null;
  const secretary = options.secretary !== undefined ? options.secretary : await firstActiveSecretary(client, meeting.committeeId);
  const memberNames = new Map<string, { name: string; party: string | null; role: MemberRole }>(meeting.attendance.map((row) => [row.memberId, row.member]));
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
      const tally = tallyVotes(rollCall.map((entry) => entry.vote));
      const chairVote = votes?.mode === "ROLL_CALL" ? (votes.entries.find((entry) => memberNames.get(entry.memberId)?.role === "CHAIR")?.vote ?? null) : null;
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
        proposerGenitive: item.proposerGenitive,
        decisionPoints: stringsOf(decision.decisionPoints),
        motions: motions.success ? motions.data : [],
        votes: votes
          ? votes.mode === "TOTALS"
            ? { question: votes.question ?? null, yesFor: votes.yesFor ?? null, noFor: votes.noFor ?? null, yes: votes.yes, no: votes.no, abstain: votes.abstain, ...voteOutcome(votes, null), rollCall: [] }
            : {
                question: votes.question ?? null,
                yesFor: votes.yesFor ?? null,
                noFor: votes.noFor ?? null,
                ...tally,
                ...voteOutcome(tally, chairVote),
                rollCall,
              }
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
    meeting: { id: meeting.id, startsAt: meeting.startsAt.toISOString(), date: formatDate(meeting.startsAt), time: meetingTime(meeting.startsAt), place: meeting.place },
    chair: meeting.minutes.chair,
    checker: meeting.minutes.checker,
    secretary,
    attendance,
    otherAttendees: ZOtherAttendeesSchema.safeParse(meeting.otherAttendees).data ?? [],
    justeringTime: justeringDetails(meeting.justeringAt, meeting.justeringPlace),
    paragraphs,
  };
};

export const hashMinutesContent = (content: MinutesContent, scheme: HashScheme): string => canonicalSha256(content as unknown as CanonicalValue, scheme);

/**
 * The minutes' content as it stands: the stored snapshot once sent for justering (or
 * justerade), else built from the rows. Minutes sent before snapshots existed are built
 * too, for display only: the attestation engine does not count them as justerade.
 */
export const readMinutesContent = async (client: Tx | typeof db, meetingId: string): Promise<MinutesContent | null> => {
  const minutes = await client.minutes.findUnique({ where: { meetingId }, select: { status: true, content: true } });
  if (!minutes) return null;
  if (minutes.status === "DRAFT" || minutes.content === null) return buildMinutesContent(client, meetingId);
  const stored = ZMinutesContentSchema.safeParse(minutes.content);
  if (!stored.success) {
    throw new AppError("INVALID_STATE", `Stored content of the minutes of ${meetingId} is malformed`, {
      userMessage: "Protokollets sparade innehåll är skadat och kan inte visas. Kontakta nämndsekreteraren.",
    });
  }
  return stored.data;
};
