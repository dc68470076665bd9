// What the page read model (meeting-page-queries.ts) and the export read model
// (meeting-export-queries.ts) share: the refusal, the masking of the minutes for a viewer and
// the selects both print, so a page and its export always show the same.
import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";
import { maskedCases, maskOf, maskParagraph, type MeetingViewer } from "./confidential-items";
import { can, toCommitteeScope, type CommitteeScope, type CommitteeScopeRow } from "@/server/authz";
import type { Actor } from "@/server/auth";
import type { MinutesContent } from "./minutes-content";

/** The ids of those of `committees` (read with COMMITTEE_SCOPE_SELECT) whose meetings the actor plans (meeting.edit). */
export const committeesEditableBy = (actor: Actor, committees: readonly CommitteeScopeRow[]): Set<string> =>
  new Set(committees.filter((committee) => can(actor, "meeting.edit", toCommitteeScope(committee))).map((committee) => committee.id));

export const stringsOf = (value: Prisma.JsonValue): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

export const meetingNotFound = () => new AppError("NOT_FOUND", "Meeting not found", { userMessage: "Sammanträdet finns inte, eller så saknar du behörighet att se det." });

/** The committee as a meeting's letterhead names it. */
export const COMMITTEE_HEADING_SELECT = { id: true, name: true, shortName: true } satisfies Prisma.CommitteeSelect;

/** Reservationer and särskilda uttalanden in the order they were entered. */
export const OPINION_ORDER = [{ createdAt: "asc" }, { id: "asc" }] satisfies Prisma.StatementOfOpinionOrderByWithRelationInput[];

/** The minutes as the viewer may see them: the §§ of confidential cases they may not read masked. */
export const maskContent = async (content: MinutesContent, viewer: MeetingViewer, scope: CommitteeScope): Promise<{ content: MinutesContent; maskedDecisionIds: string[] }> => {
  const masked = await maskedCases(db, viewer, scope, content.paragraphs.map((paragraph) => paragraph.caseId));
  const maskedDecisionIds: string[] = [];
  const paragraphs = content.paragraphs.map((paragraph) => {
    const secrecy = maskOf(masked, paragraph.caseId);
    if (!secrecy) return paragraph;
    maskedDecisionIds.push(paragraph.decisionId);
    return maskParagraph(paragraph, secrecy);
  });
  return { content: { ...content, paragraphs }, maskedDecisionIds };
};
