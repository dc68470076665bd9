// Pure rules about statement content: the default template, the parts a save can change,
// and plain-text views used by diffs. No server imports: the editor uses these too.
import { canonicalJson, type CanonicalValue } from "@/lib/canonical-json";
import { longSwedishDate } from "@/lib/dates";
import { roleTitle } from "@/lib/roles";
import { hasReferralCompilation, withReferralCompilation } from "./referral-compilation";
import { isRichTextEmpty, richTextToPlainText, EMPTY_DOC, type TRichText } from "./rich-text";
import type { TAttachment, TDecisionPoint, THeaderInput, TProposer, TStatementContent, TTemplateDefinition } from "./schemas";

export const DEFAULT_TEMPLATE_KEY = "yttrande-remiss";
export const DEFAULT_TEMPLATE_NAME = "Tjänsteutlåtande – yttrande över remiss";

// ─── Who proposes ───────────────────────────────────────────────────────────

export const DEFAULT_PROPOSER: TProposer = { name: "förvaltningen", genitive: "förvaltningens" };

/** Usual proposers of a Swedish committee's decisions, offered in the template editor. */
export const PROPOSER_SUGGESTIONS: readonly TProposer[] = [
  DEFAULT_PROPOSER,
  { name: "presidiet", genitive: "presidiets" },
  { name: "kommunstyrelsen", genitive: "kommunstyrelsens" },
  { name: "kommunstyrelsens arbetsutskott", genitive: "kommunstyrelsens arbetsutskotts" },
  { name: "kommunstyrelsens presidium", genitive: "kommunstyrelsens presidiums" },
  { name: "utskottet", genitive: "utskottets" },
  { name: "beredningen", genitive: "beredningens" },
  { name: "kommunledningskontoret", genitive: "kommunledningskontorets" },
];

/** Who proposes in a template or a statement; absent (written before proposers): förvaltningen. */
export const proposerOf = (holder: TTemplateDefinition | TStatementContent): TProposer => holder.proposer ?? DEFAULT_PROPOSER;

/** Stands for the proposer's genitive in a template's headings. */
export const PROPOSER_TOKEN = "{proposer}";

const upperFirst = (value: string): string => (value ? value.charAt(0).toLocaleUpperCase("sv-SE") + value.slice(1) : value);

/** "{proposer} förslag till beslut" → "Presidiets förslag till beslut"; capitalised only where it begins the heading. */
export const proposerHeading = (heading: string, proposer: TProposer): string =>
  heading.replaceAll(PROPOSER_TOKEN, (_match: string, offset: number) => (offset === 0 ? upperFirst(proposer.genitive) : proposer.genitive));

/** The definition with its headings naming its proposer: what statements show and check. */
export const withProposerHeadings = (definition: TTemplateDefinition): TTemplateDefinition => ({
  ...definition,
  sections: definition.sections.map((section) => ({ ...section, heading: proposerHeading(section.heading, proposerOf(definition)) })),
});

/** "Bifall till presidiets förslag": the decision on an agenda item names who proposed it. */
export const asProposedLabel = (proposerGenitive: string): string => `Bifall till ${proposerGenitive} förslag`;

/** "Presidiets förslag till beslut" over an agenda item's proposal. */
export const proposalHeading = (proposerGenitive: string): string => `${upperFirst(proposerGenitive)} förslag till beslut`;

/** Modelled on the reference tjänsteutlåtande (Hägersten-Älvsjö, 2024). */
export const DEFAULT_TEMPLATE_DEFINITION: TTemplateDefinition = {
  subtitle: "Yttrande till {referringBody}",
  proposer: DEFAULT_PROPOSER,
  sections: [
    { key: "forslag-till-beslut", heading: `${PROPOSER_TOKEN} förslag till beslut`, kind: "DECISION_POINTS", required: true, prefill: "NONE" },
    { key: "sammanfattning", heading: "Sammanfattning", kind: "RICH_TEXT", required: true, prefill: "NONE" },
    { key: "arendet", heading: "Ärendet", kind: "RICH_TEXT", required: true, prefill: "MOTION" },
    { key: "arendets-beredning", heading: "Ärendets beredning", kind: "RICH_TEXT", required: true, prefill: "PREPARATION" },
    { key: "synpunkter", heading: `${PROPOSER_TOKEN} synpunkter och förslag`, kind: "RICH_TEXT", required: true, prefill: "NONE" },
    { key: "bilagor", heading: "Bilagor", kind: "ATTACHMENTS", required: false, prefill: "NONE" },
  ],
  signatories: [
    { role: "DIRECTOR", label: roleTitle("DIRECTOR") },
    { role: "DEPARTMENT_HEAD", label: roleTitle("DEPARTMENT_HEAD") },
  ],
};

/** The handläggare the header names: the responsible one and the medhandläggare, as the case has them. */
export type CaseOfficerNames = { caseOfficerName: string; coOfficerNames: string[] };

/** The header naming the case's handläggare as they are now (the phone stays what the handläggare wrote). */
export const withCaseOfficers = (content: TStatementContent, { caseOfficerName, coOfficerNames }: CaseOfficerNames): TStatementContent => {
  const { coOfficerNames: _previous, ...header } = content.header;
  return { ...content, header: { ...header, caseOfficerName, ...(coOfficerNames.length > 0 ? { coOfficerNames } : {}) } };
};

/** A template edit based on an older version (the admin form recognises it and keeps the input). */
export const TEMPLATE_CONFLICT_MESSAGE =
  "Någon annan har sparat en nyare version av mallen medan du redigerade. Dina ändringar är inte sparade men finns kvar i formuläret. Öppna mallen i en ny flik, gör om ändringarna där och spara.";

/** "Kommunstyrelsen" → "kommunstyrelsen", as in running text of the reference. */
export const lowerFirst = (value: string): string => (value ? value.charAt(0).toLocaleLowerCase("sv-SE") + value.slice(1) : value);

export const defaultDecisionPoint = (committeeName: string, referringBody: string | null): string =>
  referringBody
    ? `${committeeName} godkänner förvaltningens tjänsteutlåtande och överlämnar det till ${lowerFirst(referringBody)} som svar på remissen.`
    : `${committeeName} godkänner förvaltningens tjänsteutlåtande.`;

/**
 * "De fackliga organisationerna informerades på förvaltningsgrupp den 16 april 2024."
 * Written into the statement's "Ärendets beredning" (server/create-statement.ts, which the
 * plain-Node seed also runs) and shown on the meeting page with the case's union consultations.
 */
export const describeUnionConsultation = ({ forum, date }: { forum: string; date: Date }): string =>
  `De fackliga organisationerna informerades på ${forum} den ${longSwedishDate(date)}.`;

// ─── Sections as units of saving ────────────────────────────────────────────

/** What `StatementVersion.changedSection` records for a save. */
export type SectionRef = { kind: "header" } | { kind: "decisionPoints" } | { kind: "attachments" } | { kind: "richText"; sectionKey: string };

export const sectionId = (ref: SectionRef): string => {
  switch (ref.kind) {
    case "header":
      return "header";
    case "decisionPoints":
      return "decision-points";
    case "attachments":
      return "attachments";
    case "richText":
      return ref.sectionKey;
  }
};

export type SectionValue =
  | { kind: "header"; value: THeaderInput }
  | { kind: "decisionPoints"; value: TDecisionPoint[] }
  | { kind: "attachments"; value: TAttachment[] }
  | { kind: "richText"; sectionKey: string; value: TRichText };

export const readSection = (content: TStatementContent, ref: SectionRef): SectionValue => {
  switch (ref.kind) {
    case "header": {
      const { meetingDate, title, subtitle, caseOfficerPhone } = content.header;
      return { kind: "header", value: { meetingDate, title, subtitle, caseOfficerPhone } };
    }
    case "decisionPoints":
      return { kind: "decisionPoints", value: content.decisionPoints };
    case "attachments":
      return { kind: "attachments", value: content.attachments };
    case "richText":
      return { kind: "richText", sectionKey: ref.sectionKey, value: content.sections.find((section) => section.key === ref.sectionKey)?.body ?? EMPTY_DOC };
  }
};

export const writeSection = (content: TStatementContent, section: SectionValue): TStatementContent => {
  switch (section.kind) {
    case "header":
      return { ...content, header: { ...content.header, ...section.value } };
    case "decisionPoints":
      return { ...content, decisionPoints: section.value };
    case "attachments":
      return { ...content, attachments: section.value };
    case "richText": {
      const exists = content.sections.some((item) => item.key === section.sectionKey);
      return {
        ...content,
        sections: exists
          ? content.sections.map((item) => (item.key === section.sectionKey ? { key: item.key, body: section.value } : item))
          : [...content.sections, { key: section.sectionKey, body: section.value }],
      };
    }
  }
};

/** Key-order independent equality of JSON values (jsonb reorders object keys). */
export const sameJson = (a: unknown, b: unknown): boolean => canonicalJson(a as CanonicalValue) === canonicalJson(b as CanonicalValue);

// ─── Plain text (history diff, conflict view) ───────────────────────────────

export const sectionToPlainText = (section: SectionValue): string => {
  switch (section.kind) {
    case "header":
      return [
        `Rubrik: ${section.value.title}`,
        `Underrubrik: ${section.value.subtitle}`,
        `Sammanträdesdatum: ${section.value.meetingDate ?? "–"}`,
        `Telefon: ${section.value.caseOfficerPhone}`,
      ].join("\n");
    case "decisionPoints":
      return section.value.map((point) => `att ${point.text}`).join("\n");
    case "attachments":
      return section.value.map((attachment) => `${attachment.description} (${attachment.number})`).join("\n");
    case "richText":
      return richTextToPlainText(section.value);
  }
};

export const refForTemplateSection = (section: TTemplateDefinition["sections"][number]): SectionRef =>
  section.kind === "DECISION_POINTS" ? { kind: "decisionPoints" } : section.kind === "ATTACHMENTS" ? { kind: "attachments" } : { kind: "richText", sectionKey: section.key };

/** `StatementVersion.changedSection` of the version written when sending resolves the signers anew. */
export const SIGNATORIES_SECTION = "signatories";

export const headingForSection = (definition: TTemplateDefinition, changedSection: string | null): string => {
  if (changedSection === null) return "Hela dokumentet";
  if (changedSection === "header") return "Sidhuvud";
  if (changedSection === SIGNATORIES_SECTION) return "Undertecknare och brevhuvud (vid attestering)";
  const section = withReferralCompilation(definition).sections.find((item) => sectionId(refForTemplateSection(item)) === changedSection);
  return section?.heading ?? changedSection;
};

/** The whole statement as text in template order: what the history diff compares. */
export const statementToPlainText = (content: TStatementContent, definition: TTemplateDefinition): string =>
  [
    sectionToPlainText(readSection(content, { kind: "header" })),
    ...(hasReferralCompilation(content) ? withReferralCompilation(definition) : definition).sections.map(
      (section) => `${section.heading}\n${sectionToPlainText(readSection(content, refForTemplateSection(section)))}`,
    ),
  ].join("\n\n");

/** Required sections without content, by heading (shown in the editor; attestation refuses them). */
export const missingRequiredSections = (content: TStatementContent, definition: TTemplateDefinition): string[] =>
  definition.sections
    .filter((section) => section.required)
    .filter((section) => {
      const value = readSection(content, refForTemplateSection(section));
      switch (value.kind) {
        case "decisionPoints":
        case "attachments":
          return value.value.length === 0;
        case "richText":
          return isRichTextEmpty(value.value);
        case "header":
          return false;
      }
    })
    .map((section) => section.heading);
