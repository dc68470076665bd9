// Swedish names of the meeting enums, shared by pages, exports and notices.
import type { AgendaItemKind, DecisionKind, MeetingStatus, MinutesStatus, StatementOfOpinionKind } from "@/generated/prisma/enums";
import { asProposedLabel, DEFAULT_PROPOSER } from "@/features/statements/content";

/** A member as the protokoll names them: "Anders Berglund (M)". */
export const withParty = (name: string, party: string | null | undefined): string => (party ? `${name} (${party})` : name);

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  PLANNED: "Planerat",
  CALLED: "Kallat",
  HELD: "Genomfört",
  APPROVED: "Justerat",
};

export const AGENDA_KIND_LABELS: Record<AgendaItemKind, string> = {
  CASE: "Ärende",
  DELEGATION_DECISIONS: "Anmälan av delegationsbeslut",
  INFORMATION: "Information",
  OTHER: "Övrigt",
  OPENING: "Inledande punkt",
};

export const DECISION_KIND_LABELS: Record<DecisionKind, string> = {
  AS_PROPOSED: "Bifall till förvaltningens förslag",
  AMENDED: "Ändrat beslut",
  REFERRED_BACK: "Återremiss",
  TABLED: "Bordläggning",
  REJECTED: "Avslag",
};

/** The label of a decision: bifall names who proposed the agenda item's proposal ("Bifall till presidiets förslag"). */
export const decisionKindLabel = (kind: DecisionKind, proposerGenitive: string = DEFAULT_PROPOSER.genitive): string =>
  kind === "AS_PROPOSED" ? asProposedLabel(proposerGenitive) : DECISION_KIND_LABELS[kind];

export { MEMBER_ROLE_LABELS } from "@/features/admin/committees";

export const MINUTES_STATUS_LABELS: Record<MinutesStatus, string> = {
  DRAFT: "Utkast",
  IN_APPROVAL: "Under justering",
  APPROVED: "Justerat",
};

export const OPINION_KIND_LABELS: Record<StatementOfOpinionKind, string> = {
  RESERVATION: "Reservation",
  SPECIAL_STATEMENT: "Särskilt uttalande",
};

export const VOTE_LABELS = { YES: "Ja", NO: "Nej", ABSTAIN: "Avstår", ABSENT: "Frånvarande" } as const;

/** Why val av justerare has no decision text written from the meeting yet (no justerare named for the minutes). */
export const CHECKER_NOT_NAMED =
  "Justeraren är inte utsedd. Välj ordförande och justerare under Protokoll, så skrivs beslutet om val av justerare och tid för justering, eller skriv beslutet själv.";
