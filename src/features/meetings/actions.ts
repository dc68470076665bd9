"use server";
// Server actions of the meeting pages: form → schema → actor → one service → revalidate.
// Authorization happens in the services, from the meeting's committee.
import { revalidatePath } from "next/cache";
import { defineFormAction } from "@/server/action";
import {
  linesOf,
  otherAttendeesOf,
  ZAddCaseToAgendaSchema,
  ZAddOpinionSchema,
  ZAddOtherAgendaItemSchema,
  ZApproveHistoricalMinutesSchema,
  ZApproveMinutesSchema,
  ZAttendanceSchema,
  ZCloseAnsweredSchema,
  ZCreateHistoricalMeetingSchema,
  ZCreateMeetingSchema,
  ZCreateMinutesSchema,
  ZDispatchSchema,
  ZHistoricalDecisionSchema,
  ZMeetingRecordDetailsSchema,
  ZMeetingVersionSchema,
  ZMinutesVersionSchema,
  ZMoveAgendaItemSchema,
  ZRecordDecisionSchema,
  ZRemoveAgendaItemSchema,
  ZRemoveOpinionSchema,
  ZReturnMinutesSchema,
  ZRollCallSchema,
  ZSetNextParagraphSchema,
  ZUnionConsultationSchema,
  ZUpdateDecisionSchema,
  ZWithdrawMinutesSchema,
} from "./schemas";
import { addCaseToAgenda, addOtherAgendaItem, moveAgendaItem, removeAgendaItem } from "./server/agenda-service";
import { addStatementOfOpinion, recordDecision, recordRollCall, removeStatementOfOpinion, updateDecision } from "./server/decision-service";
import { closeCaseAsAnswered, dispatchDecision } from "./server/dispatch-service";
import { approveHistoricalMinutes, createHistoricalMeeting, recordHistoricalDecision, setNextParagraph } from "./server/historical-meetings";
import { callMeeting, createMeeting, setAttendance, setMeetingRecordDetails } from "./server/meeting-service";
import { approveMinutes, returnMinutes, saveMinutes, sendMinutesForApproval, withdrawMinutes } from "./server/minutes-service";
import { recordUnionConsultation } from "./server/union-consultation";

const text = (form: FormData, key: string): string | undefined => {
  const value = form.get(key);
  return typeof value === "string" ? value : undefined;
};

const fields = (form: FormData, ...keys: string[]): Record<string, string | undefined> => Object.fromEntries(keys.map((key) => [key, text(form, key)]));

const refresh = (): void => revalidatePath("/sammantraden", "layout");

export const createMeetingAction = defineFormAction({
  schema: ZCreateMeetingSchema,
  fromFormData: (form) => fields(form, "committeeId", "date", "time", "place"),
  handler: async (input, actor) => {
    const { id } = await createMeeting({ actor, input });
    refresh();
    return { href: `/sammantraden/${id}`, message: "Sammanträdet är planerat." };
  },
});

export const createHistoricalMeetingAction = defineFormAction({
  schema: ZCreateHistoricalMeetingSchema,
  fromFormData: (form) => fields(form, "committeeId", "date", "time", "place"),
  handler: async (input, actor) => {
    const { id } = await createHistoricalMeeting({ actor, input });
    refresh();
    return { href: `/sammantraden/${id}`, message: "Sammanträdet är registrerat som historisk post." };
  },
});

export const recordHistoricalDecisionAction = defineFormAction({
  schema: ZHistoricalDecisionSchema,
  fromFormData: (form) => ({
    ...fields(form, "meetingId", "agendaNumber", "paragraph", "title", "kind"),
    caseNumber: text(form, "caseNumber")?.trim() || undefined,
    decisionPoints: linesOf(form.get("decisionPoints")),
  }),
  handler: async (input, actor) => {
    const { paragraph, year } = await recordHistoricalDecision({ actor, input });
    refresh();
    return { message: `Beslutet är registrerat som § ${paragraph}/${year}.` };
  },
});

export const approveHistoricalMinutesAction = defineFormAction({
  schema: ZApproveHistoricalMinutesSchema,
  fromFormData: (form) => fields(form, "meetingId", "version", "approvedOn"),
  handler: async (input, actor) => {
    await approveHistoricalMinutes({ actor, input });
    refresh();
    return { message: `Protokollet är registrerat som justerat ${input.approvedOn}.` };
  },
});

export const setNextParagraphAction = defineFormAction({
  schema: ZSetNextParagraphSchema,
  fromFormData: (form) => fields(form, "committeeId", "year", "nextParagraph"),
  handler: async (input, actor) => {
    await setNextParagraph({ actor, input });
    refresh();
    return { message: `Nästa paragraf ${input.year} blir § ${input.nextParagraph}.` };
  },
});

export const callMeetingAction = defineFormAction({
  schema: ZMeetingVersionSchema,
  fromFormData: (form) => fields(form, "meetingId", "version"),
  handler: async (input, actor) => {
    const result = await callMeeting({ actor, input });
    refresh();
    return { message: `Föredragningslistan är publicerad och kallelsen skickad (${result.notified} notiser, ${result.mailed} e-postmeddelanden).` };
  },
});

export const addCaseToAgendaAction = defineFormAction({
  schema: ZAddCaseToAgendaSchema,
  fromFormData: (form) => fields(form, "meetingId", "caseId"),
  handler: async (input, actor) => {
    const { position } = await addCaseToAgenda({ actor, input });
    refresh();
    return { message: `Ärendet är tillagt som punkt ${position}.` };
  },
});

export const addOtherAgendaItemAction = defineFormAction({
  schema: ZAddOtherAgendaItemSchema,
  fromFormData: (form) => ({ ...fields(form, "meetingId", "kind", "title"), proposal: linesOf(form.get("proposal")) }),
  handler: async (input, actor) => {
    const { position } = await addOtherAgendaItem({ actor, input });
    refresh();
    return { message: `Punkten är tillagd som punkt ${position}.` };
  },
});

export const moveAgendaItemAction = defineFormAction({
  schema: ZMoveAgendaItemSchema,
  fromFormData: (form) => fields(form, "meetingId", "itemId", "direction"),
  handler: async (input, actor) => {
    const { position } = await moveAgendaItem({ actor, input });
    refresh();
    return { message: `Punkten har nu nummer ${position}.` };
  },
});

export const removeAgendaItemAction = defineFormAction({
  schema: ZRemoveAgendaItemSchema,
  fromFormData: (form) => fields(form, "meetingId", "itemId"),
  handler: async (input, actor) => {
    await removeAgendaItem({ actor, input });
    refresh();
    return { message: "Punkten är borttagen." };
  },
});

export const setAttendanceAction = defineFormAction({
  schema: ZAttendanceSchema,
  fromFormData: (form) => ({
    meetingId: text(form, "meetingId"),
    entries: form
      .getAll("memberId")
      .filter((id): id is string => typeof id === "string")
      .map((memberId) => ({ memberId, present: form.get(`present-${memberId}`) === "on", serving: form.get(`serving-${memberId}`) === "on" })),
  }),
  handler: async (input, actor) => {
    await setAttendance({ actor, input });
    refresh();
    return { message: "Närvaron är sparad." };
  },
});

export const setMeetingRecordDetailsAction = defineFormAction({
  schema: ZMeetingRecordDetailsSchema,
  fromFormData: (form) => ({
    ...fields(form, "meetingId", "justeringDate", "justeringTime", "justeringPlace"),
    otherAttendees: otherAttendeesOf(form.get("otherAttendees")),
  }),
  handler: async (input, actor) => {
    await setMeetingRecordDetails({ actor, input });
    refresh();
    return { message: "Övriga närvarande och justeringen är sparade." };
  },
});

/** Yrkanden rows (motion-party-0, motion-member-0, motion-text-0, …) and vote totals of the decision form. */
const decisionFromFormData = (form: FormData) => {
  const motions = [0, 1, 2, 3]
    .map((index) => ({ party: text(form, `motion-party-${index}`), member: text(form, `motion-member-${index}`) ?? "", text: text(form, `motion-text-${index}`) ?? "" }))
    .filter((motion) => motion.member.trim() || motion.text.trim());
  const [yes, no, abstain] = ["votes-yes", "votes-no", "votes-abstain"].map((key) => text(form, key)?.trim() ?? "");
  const hasVotes = Boolean(yes || no || abstain);
  return {
    kind: text(form, "kind"),
    decisionPoints: linesOf(form.get("decisionPoints")),
    motions,
    ...(hasVotes ? { votes: { mode: "TOTALS", question: text(form, "votes-question"), yes: yes || "0", no: no || "0", abstain: abstain || "0" } } : {}),
    immediateApproval: form.get("immediateApproval") === "on",
  };
};

export const recordDecisionAction = defineFormAction({
  schema: ZRecordDecisionSchema,
  fromFormData: (form) => ({ ...fields(form, "meetingId", "agendaItemId"), ...decisionFromFormData(form) }),
  handler: async (input, actor) => {
    const { paragraph, year } = await recordDecision({ actor, input });
    refresh();
    return { message: `Beslutet är registrerat som § ${paragraph}/${year}.` };
  },
});

export const updateDecisionAction = defineFormAction({
  schema: ZUpdateDecisionSchema,
  fromFormData: (form) => ({ ...fields(form, "decisionId"), ...decisionFromFormData(form) }),
  handler: async (input, actor) => {
    await updateDecision({ actor, input });
    refresh();
    return { message: "Beslutet är ändrat." };
  },
});

/** One vote per tjänstgörande member: memberId rows with vote-<memberId>. */
export const recordRollCallAction = defineFormAction({
  schema: ZRollCallSchema,
  fromFormData: (form) => ({
    ...fields(form, "decisionId", "question", "yesFor", "noFor"),
    entries: form
      .getAll("memberId")
      .filter((id): id is string => typeof id === "string")
      .map((memberId) => ({ memberId, vote: text(form, `vote-${memberId}`) })),
  }),
  handler: async (input, actor) => {
    const { yes, no, abstain, absent } = await recordRollCall({ actor, input });
    refresh();
    return { message: `Voteringen är registrerad: ${yes} ja, ${no} nej, ${abstain} avstår, ${absent} frånvarande.` };
  },
});

export const addOpinionAction = defineFormAction({
  schema: ZAddOpinionSchema,
  fromFormData: (form) => fields(form, "decisionId", "kind", "party", "members", "text"),
  handler: async (input, actor) => {
    await addStatementOfOpinion({ actor, input });
    refresh();
    return { message: input.kind === "RESERVATION" ? "Reservationen är tillagd." : "Det särskilda uttalandet är tillagt." };
  },
});

export const removeOpinionAction = defineFormAction({
  schema: ZRemoveOpinionSchema,
  fromFormData: (form) => fields(form, "opinionId"),
  handler: async (input, actor) => {
    await removeStatementOfOpinion({ actor, input });
    refresh();
    return { message: "Uttalandet är borttaget." };
  },
});

export const saveMinutesAction = defineFormAction({
  schema: ZCreateMinutesSchema,
  fromFormData: (form) => fields(form, "meetingId", "chairId", "checkerId"),
  handler: async (input, actor) => {
    await saveMinutes({ actor, input });
    refresh();
    return { message: "Ordförande och justerare är sparade." };
  },
});

export const sendMinutesAction = defineFormAction({
  schema: ZMinutesVersionSchema,
  fromFormData: (form) => fields(form, "minutesId", "version"),
  handler: async (input, actor) => {
    await sendMinutesForApproval({ actor, input });
    refresh();
    return { message: "Protokollet är skickat för justering till ordförande och justerare." };
  },
});

export const approveMinutesAction = defineFormAction({
  schema: ZApproveMinutesSchema,
  fromFormData: (form) => fields(form, "minutesId", "contentHash", "password"),
  handler: async (input, actor) => {
    const result = await approveMinutes({ actor, input });
    refresh();
    return {
      message: result.completed
        ? `Protokollet är justerat. Anslaget ${result.postedDate}; överklagandetiden går ut ${result.appealEndsOn}.`
        : "Du har justerat protokollet. Det väntar på den andra justeringen.",
    };
  },
});

export const returnMinutesAction = defineFormAction({
  schema: ZReturnMinutesSchema,
  fromFormData: (form) => fields(form, "minutesId", "comment"),
  handler: async (input, actor) => {
    await returnMinutes({ actor, input });
    refresh();
    return { message: "Protokollet är skickat tillbaka till nämndsekreteraren." };
  },
});

export const withdrawMinutesAction = defineFormAction({
  schema: ZWithdrawMinutesSchema,
  fromFormData: (form) => fields(form, "minutesId", "reason"),
  handler: async (input, actor) => {
    await withdrawMinutes({ actor, input });
    refresh();
    return { message: "Justeringen är återkallad. Protokollet kan ändras igen." };
  },
});

export const recordUnionConsultationAction = defineFormAction({
  schema: ZUnionConsultationSchema,
  fromFormData: (form) => fields(form, "caseId", "forum", "date", "note"),
  handler: async (input, actor) => {
    const { sentence } = await recordUnionConsultation({ actor, input });
    refresh();
    return { message: `Sparat: ${sentence}` };
  },
});

export const dispatchAction = defineFormAction({
  schema: ZDispatchSchema,
  fromFormData: (form) => ({
    ...fields(form, "decisionId", "sentDate"),
    recipients: linesOf(form.get("recipients")),
    includeStatement: form.get("includeStatement") === "on",
    ...(text(form, "referralPosition") ? { referralAnswer: { position: text(form, "referralPosition"), summary: text(form, "referralSummary") } } : {}),
  }),
  handler: async (input, actor) => {
    const { dispatches, referralAnswer } = await dispatchDecision({ actor, input });
    refresh();
    const home = referralAnswer ? ` Svaret är registrerat i avsändarens ärende (${referralAnswer.documentNumber}).` : "";
    return { message: `Expedierat: ${dispatches.map((row) => `${row.recipient} (${row.documentNumber})`).join(", ")}.${home}` };
  },
});

export const closeAnsweredAction = defineFormAction({
  schema: ZCloseAnsweredSchema,
  fromFormData: (form) => fields(form, "caseId", "version"),
  handler: async (input, actor) => {
    const { answeredDate } = await closeCaseAsAnswered({ actor, input });
    refresh();
    revalidatePath(`/arenden/${input.caseId}`);
    return { message: `Ärendet är avslutat som besvarat (${answeredDate}).` };
  },
});

