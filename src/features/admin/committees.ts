// Committee kinds and members' terms of office: labels and the one rule of who is in office
// on a day, shared by the admin pages and by meetings (attendance, votes, justerare).
import type { Prisma } from "@/generated/prisma/client";
import type { CommitteeKind, MemberRole, OpeningItem } from "@/generated/prisma/enums";
import { formatDateOnly } from "@/lib/dates";

export const COMMITTEE_KIND_LABELS: Record<CommitteeKind, string> = {
  KOMMUNFULLMAKTIGE: "Kommunfullmäktige",
  KOMMUNSTYRELSE: "Kommunstyrelse",
  NAMND: "Nämnd",
  STADSDELSNAMND: "Stadsdelsnämnd",
  UTSKOTT: "Utskott",
  BEREDNING: "Beredning",
};

export const COMMITTEE_KINDS = Object.keys(COMMITTEE_KIND_LABELS) as CommitteeKind[];

/** Where a motion is raised (fullmäktige) and prepared (kommunstyrelsen): the only committees that register a case of kind Motion. */
export const MOTION_COMMITTEE_KINDS: readonly CommitteeKind[] = ["KOMMUNFULLMAKTIGE", "KOMMUNSTYRELSE"];

/** Kinds that belong to another committee (an utskott of kommunstyrelsen, a beredning of fullmäktige). */
export const SUB_COMMITTEE_KINDS: readonly CommitteeKind[] = ["UTSKOTT", "BEREDNING"];

/** The standard opening items a committee's meetings start with, by the titles the agenda and the protokoll print. */
export const OPENING_ITEM_LABELS: Record<OpeningItem, string> = {
  ROLL_CALL: "Upprop",
  CHECKER_ELECTION: "Val av justerare och tid för justering",
  AGENDA_APPROVAL: "Godkännande av dagordningen",
};

export const OPENING_ITEMS = Object.keys(OPENING_ITEM_LABELS) as OpeningItem[];

/** What a new committee starts with (the administrator may reorder or remove them). */
export const DEFAULT_OPENING_ITEMS: readonly OpeningItem[] = OPENING_ITEMS;

export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  CHAIR: "Ordförande",
  VICE_CHAIR: "Vice ordförande",
  MEMBER: "Ledamot",
  DEPUTY: "Ersättare",
};

/**
 * Members in office on `day` (a DATE value, midnight UTC): the term has started and not
 * ended. The one rule for attendance, votes, kallelse and the choice of justerare.
 */
export const inOfficeOn = (day: Date): Prisma.CommitteeMemberWhereInput => ({
  termStart: { lte: day },
  AND: [{ OR: [{ termEnd: null }, { termEnd: { gte: day } }] }],
});

type Term = { termStart: Date; termEnd: Date | null };

/** The same rule as inOfficeOn, for a row already read. */
export const isInOffice = ({ termStart, termEnd }: Term, day: Date): boolean => termStart <= day && (termEnd === null || termEnd >= day);

/** "2023-01-01–2026-12-31", or "från 2023-01-01" while it runs until further notice. */
export const formatTerm = ({ termStart, termEnd }: Term): string =>
  termEnd ? `${formatDateOnly(termStart)}–${formatDateOnly(termEnd)}` : `från ${formatDateOnly(termStart)}`;

/** Genitive of a committee's name for its kansli: "Kommunstyrelsen" → "Kommunstyrelsens kansli". */
export const kansliName = (committeeName: string): string => {
  const name = committeeName.trim();
  return /[sxz]$/i.test(name) ? `${name} kansli` : `${name}s kansli`;
};
