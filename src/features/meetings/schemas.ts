// Input of the meeting forms and services, and the shapes of the JSON columns
// (AgendaItem.proposal, Decision.decisionPoints/motions/votes). The same schemas validate
// in the browser and in the services; `.strict()` keeps status, § numbers and version
// counters out of reach of a crafted request.
import { z } from "@/lib/zod";
import { isoDateText, optionalText, requiredText } from "@/lib/text-schemas";
import { ZDispatchReferralAnswerSchema } from "@/features/referrals/schemas";

const uuid = (missing: string) => z.uuid({ error: missing });

const isoDate = (missing: string) => isoDateText(missing, { min: "2000-01-01" });

const version = z.coerce.number({ error: "Versionen saknas. Läs in sidan på nytt." }).int().min(1);

// ─── JSON columns ────────────────────────────────────────────────────────────

/** Beslutspunkter (att-satser), in order. */
export const ZDecisionPointsSchema = z.array(requiredText("Beslutspunkten är tom.", 4000, { multiline: true })).max(30, { error: "Högst 30 beslutspunkter." });
export type TDecisionPoints = z.infer<typeof ZDecisionPointsSchema>;

/** Yrkande: what a party or member moved at the meeting. */
export const ZMotionEntrySchema = z
  .object({
    party: optionalText(20),
    member: requiredText("Ange vem som yrkade.", 200),
    text: requiredText("Ange vad som yrkades.", 4000, { multiline: true }),
  })
  .strict();
export const ZMotionsSchema = z.array(ZMotionEntrySchema).max(30, { error: "Högst 30 yrkanden." });
export type TMotions = z.infer<typeof ZMotionsSchema>;

/** Frånvarande: a tjänstgörande member who was not in the room when the vote was taken. */
export const VOTE_VALUES = ["YES", "NO", "ABSTAIN", "ABSENT"] as const;
export type TVote = (typeof VOTE_VALUES)[number];

/**
 * Propositionsordning: what a ja-röst and a nej-röst are for, naming the proposer
 * ("Förvaltningens förslag", "Andréa Hedins (M) yrkande"). Absent in votes recorded before it was.
 */
const propositions = { yesFor: optionalText(300), noFor: optionalText(300) };

/** Omröstning: either totals, or a roll call per member (the totals then follow from it). */
export const ZVotesSchema = z.discriminatedUnion("mode", [
  z
    .object({
      mode: z.literal("TOTALS"),
      question: optionalText(1000),
      ...propositions,
      yes: z.coerce.number().int().min(0).max(200),
      no: z.coerce.number().int().min(0).max(200),
      abstain: z.coerce.number().int().min(0).max(200),
    })
    .strict(),
  z
    .object({
      mode: z.literal("ROLL_CALL"),
      question: optionalText(1000),
      ...propositions,
      entries: z
        .array(z.object({ memberId: uuid("Ledamot saknas."), vote: z.enum(VOTE_VALUES) }).strict())
        .min(1, { error: "Ange hur minst en ledamot röstade." })
        .max(200),
    })
    .strict(),
]);
export type TVotes = z.infer<typeof ZVotesSchema>;

// ─── Meetings ────────────────────────────────────────────────────────────────

export const ZCreateMeetingSchema = z
  .object({
    committeeId: requiredText("Välj nämnd.", 100),
    date: isoDate("Ange datum för sammanträdet."),
    time: z
      .string({ error: "Ange klockslag." })
      .regex(/^([01]\d|2[0-3])[:.][0-5]\d$/, { error: "Ange klockslag som TT:MM, till exempel 18:00." })
      .transform((value) => value.replace(".", ":")),
    place: requiredText("Ange plats för sammanträdet.", 300),
  })
  .strict();
export type TCreateMeeting = z.infer<typeof ZCreateMeetingSchema>;

export const ZMeetingVersionSchema = z.object({ meetingId: uuid("Sammanträde saknas."), version }).strict();

export const ZAddCaseToAgendaSchema = z.object({ meetingId: uuid("Sammanträde saknas."), caseId: uuid("Välj ett ärende.") }).strict();

export const OTHER_AGENDA_KINDS = ["DELEGATION_DECISIONS", "INFORMATION", "OTHER"] as const;

export const ZAddOtherAgendaItemSchema = z
  .object({
    meetingId: uuid("Sammanträde saknas."),
    kind: z.enum(OTHER_AGENDA_KINDS, { error: "Välj typ av ärendepunkt." }),
    title: requiredText("Ange rubrik.", 500),
    proposal: ZDecisionPointsSchema.default([]),
  })
  .strict();

export const ZMoveAgendaItemSchema = z
  .object({ meetingId: uuid("Sammanträde saknas."), itemId: uuid("Ärendepunkt saknas."), direction: z.enum(["up", "down"]) })
  .strict();

export const ZRemoveAgendaItemSchema = z.object({ meetingId: uuid("Sammanträde saknas."), itemId: uuid("Ärendepunkt saknas.") }).strict();

export const ZAttendanceSchema = z
  .object({
    meetingId: uuid("Sammanträde saknas."),
    entries: z
      .array(z.object({ memberId: uuid("Ledamot saknas."), present: z.boolean(), serving: z.boolean() }).strict())
      .max(200),
  })
  .strict();

/** Övrig närvarande: someone at the meeting who is not a member (a tjänsteman, an invited expert). */
export const ZOtherAttendeeSchema = z
  .object({ name: requiredText("Ange namnet.", 200), role: requiredText("Ange funktion, till exempel stadsdelsdirektör.", 200) })
  .strict();
export const ZOtherAttendeesSchema = z.array(ZOtherAttendeeSchema).max(50, { error: "Högst 50 övriga närvarande." });
export type TOtherAttendee = z.infer<typeof ZOtherAttendeeSchema>;

/** "Namn, funktion" per line of a textarea (the first comma separates them). */
export const otherAttendeesOf = (value: FormDataEntryValue | null): { name: string; role: string }[] =>
  linesOf(value).map((line) => {
    const comma = line.indexOf(",");
    return comma < 0 ? { name: line, role: "" } : { name: line.slice(0, comma).trim(), role: line.slice(comma + 1).trim() };
  });

/** Övriga närvarande and the time and place of justering, as recorded for the protokoll. */
export const ZMeetingRecordDetailsSchema = z
  .object({
    meetingId: uuid("Sammanträde saknas."),
    otherAttendees: ZOtherAttendeesSchema.default([]),
    justeringDate: isoDateText("Ange datum för justering.").optional().or(z.literal("").transform(() => undefined)),
    justeringTime: z
      .string()
      .regex(/^(([01]\d|2[0-3])[:.][0-5]\d)?$/, { error: "Ange klockslag som TT:MM, till exempel 15:00." })
      .transform((value) => (value ? value.replace(".", ":") : undefined))
      .optional(),
    justeringPlace: optionalText(300),
  })
  .strict()
  .refine((value) => Boolean(value.justeringDate) === Boolean(value.justeringTime), {
    error: "Ange både datum och klockslag för justeringen, eller inget av dem.",
    path: ["justeringTime"],
  });
export type TMeetingRecordDetails = z.infer<typeof ZMeetingRecordDetailsSchema>;

// ─── Decisions ───────────────────────────────────────────────────────────────

export const DECISION_KINDS = ["AS_PROPOSED", "AMENDED", "REFERRED_BACK", "TABLED", "REJECTED"] as const;

const decisionFields = {
  kind: z.enum(DECISION_KINDS, { error: "Välj beslut." }),
  /** Required for AMENDED; for the others the service fills in the standard wording when empty. */
  decisionPoints: ZDecisionPointsSchema.default([]),
  motions: ZMotionsSchema.default([]),
  votes: ZVotesSchema.optional(),
  immediateApproval: z.boolean().default(false),
};

const amendedNeedsPoints = (value: { kind: string; decisionPoints: string[] }) => value.kind !== "AMENDED" || value.decisionPoints.length > 0;
const AMENDED_MESSAGE = { error: "Ett ändrat beslut måste ha minst en beslutspunkt.", path: ["decisionPoints"] };

export const ZRecordDecisionSchema = z
  .object({ meetingId: uuid("Sammanträde saknas."), agendaItemId: uuid("Ärendepunkt saknas."), ...decisionFields })
  .strict()
  .refine(amendedNeedsPoints, AMENDED_MESSAGE);
export type TRecordDecision = z.infer<typeof ZRecordDecisionSchema>;

export const ZUpdateDecisionSchema = z
  .object({ decisionId: uuid("Beslut saknas."), ...decisionFields })
  .strict()
  .refine(amendedNeedsPoints, AMENDED_MESSAGE);

/** Votering med namnupprop on a §: the propositionsordning and every tjänstgörande member's vote. */
export const ZRollCallSchema = z
  .object({
    decisionId: uuid("Beslut saknas."),
    question: optionalText(1000),
    yesFor: requiredText("Ange vad en ja-röst är för, till exempel förvaltningens förslag.", 300),
    noFor: requiredText("Ange vad en nej-röst är för, till exempel ett yrkande.", 300),
    entries: z
      .array(z.object({ memberId: uuid("Ledamot saknas."), vote: z.enum(VOTE_VALUES, { error: "Ange hur ledamoten röstade." }) }).strict())
      .min(1, { error: "Registrera närvaron först: voteringen görs bland de tjänstgörande." })
      .max(200),
  })
  .strict();
export type TRollCall = z.infer<typeof ZRollCallSchema>;

export const ZAddOpinionSchema = z
  .object({
    decisionId: uuid("Beslut saknas."),
    kind: z.enum(["RESERVATION", "SPECIAL_STATEMENT"], { error: "Välj reservation eller särskilt uttalande." }),
    party: optionalText(20),
    members: requiredText("Ange vilka ledamöter det gäller.", 500),
    text: requiredText("Skriv texten.", 8000, { multiline: true }),
  })
  .strict();

export const ZRemoveOpinionSchema = z.object({ opinionId: uuid("Uttalande saknas.") }).strict();

// ─── Minutes ─────────────────────────────────────────────────────────────────

export const ZCreateMinutesSchema = z
  .object({
    meetingId: uuid("Sammanträde saknas."),
    chairId: uuid("Välj ordförande."),
    checkerId: uuid("Välj justerare."),
  })
  .strict()
  .refine((value) => value.chairId !== value.checkerId, { error: "Ordförande och justerare måste vara olika personer.", path: ["checkerId"] });
export type TCreateMinutes = z.infer<typeof ZCreateMinutesSchema>;

export const ZMinutesVersionSchema = z.object({ minutesId: uuid("Protokoll saknas."), version }).strict();
export type TMinutesVersion = z.infer<typeof ZMinutesVersionSchema>;

export const ZApproveMinutesSchema = z
  .object({
    minutesId: uuid("Protokoll saknas."),
    /** The hash the approver saw: the approval binds to exactly that content. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/, { error: "Protokollets kontrollsumma saknas. Läs in sidan på nytt." }),
    // Empty (a form's blank field) means none; optional last, so the parsed type keeps the key optional.
    password: z.string().max(1000).transform((value) => (value ? value : undefined)).optional(),
  })
  .strict();
export type TApproveMinutes = z.infer<typeof ZApproveMinutesSchema>;

export const ZReturnMinutesSchema = z
  .object({ minutesId: uuid("Protokoll saknas."), comment: requiredText("Skriv vad som behöver ändras.", 2000, { multiline: true }) })
  .strict();
export type TReturnMinutes = z.infer<typeof ZReturnMinutesSchema>;

export const ZWithdrawMinutesSchema = z.object({ minutesId: uuid("Protokoll saknas."), reason: optionalText(2000, { multiline: true }) }).strict();
export type TWithdrawMinutes = z.infer<typeof ZWithdrawMinutesSchema>;

// ─── Union consultation, dispatch, closing ──────────────────────────────────

export const UNION_FORUMS = ["förvaltningsgrupp", "FSG", "MBL § 19", "MBL § 11"] as const;

export const ZUnionConsultationSchema = z
  .object({
    caseId: uuid("Ärende saknas."),
    forum: requiredText("Ange forum, till exempel förvaltningsgrupp.", 100),
    date: isoDate("Ange datum då de fackliga organisationerna informerades."),
    note: optionalText(1000, { multiline: true }),
  })
  .strict();

export const ZDispatchSchema = z
  .object({
    decisionId: uuid("Beslut saknas."),
    recipients: z
      .array(requiredText("Ange mottagare.", 200))
      .min(1, { error: "Ange minst en mottagare." })
      .max(20, { error: "Högst 20 mottagare åt gången." })
      .refine((list) => new Set(list.map((name) => name.toLowerCase())).size === list.length, { error: "Samma mottagare står flera gånger." }),
    sentDate: isoDate("Ange expedieringsdatum."),
    includeStatement: z.boolean().default(true),
    /** When the case is an internal remiss: the committee's position, recorded with the answer that goes home. */
    referralAnswer: ZDispatchReferralAnswerSchema.optional(),
  })
  .strict();

export const ZCloseAnsweredSchema = z.object({ caseId: uuid("Ärende saknas."), version }).strict();

/** One decision point or yrkande per line of a textarea. */
export const linesOf = (value: FormDataEntryValue | null): string[] =>
  String(value ?? "")
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);

// ─── Historical records ──────────────────────────────────────────────────────

const wholeNumber = (missing: string, max: number) =>
  z.coerce.number({ error: missing }).int({ error: missing }).min(1, { error: missing }).max(max, { error: `Högst ${max}.` });

/** A past meeting recorded afterwards (migration); it may lie before the meeting plan's 2000 limit. */
export const ZCreateHistoricalMeetingSchema = z
  .object({
    committeeId: requiredText("Välj nämnd.", 100),
    date: isoDateText("Ange datum för sammanträdet."),
    time: ZCreateMeetingSchema.shape.time,
    place: requiredText("Ange plats för sammanträdet.", 300),
  })
  .strict();

/** A decision of a historical meeting with its original § and agenda number. */
export const ZHistoricalDecisionSchema = z
  .object({
    meetingId: uuid("Sammanträde saknas."),
    agendaNumber: wholeNumber("Ange ärendepunktens nummer på föredragningslistan.", 999),
    paragraph: wholeNumber("Ange paragrafnumret (§).", 99_999),
    caseNumber: optionalText(60),
    title: requiredText("Ange ärendets rubrik.", 500),
    kind: z.enum(DECISION_KINDS, { error: "Välj beslut." }),
    decisionPoints: ZDecisionPointsSchema.min(1, { error: "Ange beslutet, en beslutspunkt per rad." }),
  })
  .strict();

export const ZApproveHistoricalMinutesSchema = z
  .object({ meetingId: uuid("Sammanträde saknas."), version, approvedOn: isoDateText("Ange datum då protokollet justerades.") })
  .strict();

/** Where a committee's § counter continues in a year (e.g. after migrated minutes). */
export const ZSetNextParagraphSchema = z
  .object({
    committeeId: requiredText("Välj nämnd.", 100),
    year: z.coerce.number({ error: "Ange år." }).int({ error: "Ange år." }).min(1900, { error: "Ange år." }).max(2100, { error: "Ange år." }),
    nextParagraph: wholeNumber("Ange nästa paragrafnummer.", 99_999),
  })
  .strict();
