// The meeting documents as ExportDocuments: kallelse with föredragningslista, protokoll and
// protokollsutdrag, laid out as a Stockholm stadsdelsnämnd publishes them. Pure: the
// service loads and authorizes through the meetings read models (which also mask the items
// of confidential cases the reader may not read), these mappings decide what is printed,
// the renderers draw.
//
// Determinism: the creation date is the content's own (publication of the agenda, the
// justering, the meeting), and the identifier is the SHA-256 of the canonical content
// (the minutes' own content hash; for agenda and extract the canonical JSON of the read
// model), so the same content always gives the same bytes.
import { MEMBER_ROLE_LABELS, OPINION_KIND_LABELS, VOTE_LABELS, withParty } from "@/features/meetings/labels";
import { proposalHeading } from "@/features/statements/content";
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import type { MinutesParagraph, AgendaExport, ExtractExport, MinutesExport } from "@/features/meetings/server";
import { canonicalJson, type CanonicalValue } from "@/lib/canonical-json";
import { sha256Hex } from "@/lib/hash";
import { decisionPointBlocks, decisionPointStyle } from "./decision-points";
import { keptWithNext, textBlocks, type AttestationBlock, type Block, type ExportDocument, type Runs } from "./document-model";
import { exportFileName } from "@/lib/file-name";
import type { TExportFormat } from "./schemas";
import { AttestationMismatchError } from "./statement-document";


/** Turns a verification code into the link printed and encoded in the QR code. */
export type VerificationUrl = (code: string) => string;

// ─── Shared pieces ──────────────────────────────────────────────────────────

const WEEKDAYS = ["söndag", "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag"];

/** "torsdag 2024-04-25 kl. 18.00" */
const dateAndTime = (date: string, time: string): string => `${WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]} ${date} kl. ${time}`;

/** The meeting's start as an instant ("18.00" is the Swedish way of writing 18:00). */
const meetingStart = (date: string, time: string): Date => stockholmDateTimeToInstant(date, time.replace(".", ":"));

const hashOf = (value: unknown): string => sha256Hex(canonicalJson(value as CanonicalValue));

/** "Label: text" lines in one paragraph, the labels bold. */
const labelledLines = (lines: [label: string, text: string][]): Block => ({
  kind: "paragraph",
  runs: lines.flatMap(([label, text], index): Runs => [...(index > 0 ? [{ text: "\n" }] : []), { text: `${label}: `, bold: true }, { text }]),
});

const paragraph = (runs: Runs | string, style?: "note" | "subtitle"): Block => ({
  kind: "paragraph",
  runs: typeof runs === "string" ? [{ text: runs }] : runs,
  ...(style ? { style } : {}),
});

/** The time and place lines under the title of every meeting document. */
const meetingFacts = (meeting: { date: string; time: string; place: string }, more: [string, string][] = []): Block =>
  labelledLines([["Tid", dateAndTime(meeting.date, meeting.time)], ["Plats", meeting.place], ...more]);

const paragraphRange = (paragraphs: { paragraph: number; year: number }[]): string | null => {
  if (paragraphs.length === 0) return null;
  const first = paragraphs[0]!;
  const last = paragraphs[paragraphs.length - 1]!;
  return first.paragraph === last.paragraph ? `§ ${first.paragraph}` : `§ ${first.paragraph}–${last.paragraph}`;
};

// ─── Kallelse and föredragningslista ────────────────────────────────────────

const agendaItemBlocks = (item: AgendaExport["items"][number]): Block[] => {
  const blocks: Block[] = [{ kind: "heading", level: 3, runs: [{ text: `${item.number}. ${item.title}` }] }];
  const facts: string[] = [];
  if (item.caseNumber) facts.push(`Dnr ${item.caseNumber}`);
  if (item.caseOfficer) facts.push(`Handläggare: ${item.caseOfficer}${item.caseOfficerPhone ? `, telefon ${item.caseOfficerPhone}` : ""}`);
  if (facts.length > 0) blocks.push(keptWithNext(paragraph(facts.join("\n"))));
  if (item.proposal.length > 0) {
    blocks.push({ kind: "heading", level: 4, runs: [{ text: item.kind === "CASE" ? proposalHeading(item.proposerGenitive) : "Förslag till beslut" }] });
    blocks.push(...decisionPointBlocks(item.proposal));
  }
  return blocks;
};

/** Kallelse with föredragningslista. Not yet published (no kallelse sent) → a draft with UTKAST. */
export const agendaToDocument = (agenda: AgendaExport): ExportDocument => {
  const { committee, meeting } = agenda;
  const draft = agenda.publishedAt === null;
  const blocks: Block[] = [
    { kind: "heading", level: 1, runs: [{ text: "Kallelse" }] },
    paragraph(`Sammanträde med ${committee.name}`, "subtitle"),
    meetingFacts(meeting),
    paragraph("Ledamöter kallas och ersättare underrättas härmed till sammanträdet. Ledamot som har förhinder anmäler det till nämndsekreteraren."),
    { kind: "heading", level: 2, runs: [{ text: "Föredragningslista" }] },
  ];
  if (agenda.items.length === 0) blocks.push(paragraph("Föredragningslistan har inga punkter."));
  for (const item of agenda.items) blocks.push(...agendaItemBlocks(item));
  blocks.push({
    kind: "columns",
    columns: [
      { label: "Ordförande", lines: [agenda.chair ?? ""].filter(Boolean) },
      { label: "Nämndsekreterare", lines: [agenda.secretary ?? ""].filter(Boolean) },
    ],
  });

  return {
    meta: {
      title: `Föredragningslista ${committee.name} ${meeting.date}`,
      subject: `Kallelse och föredragningslista, sammanträde ${meeting.date}${draft ? " (utkast)" : ""}`,
      author: committee.name,
      language: "sv-SE",
      createdAt: agenda.publishedAt ?? meetingStart(meeting.date, meeting.time),
      // What is printed (the meeting's status is not: a held meeting keeps the same agenda).
      identifier: hashOf({
        committee,
        meeting: { id: meeting.id, date: meeting.date, time: meeting.time, place: meeting.place },
        publishedAt: agenda.publishedAt,
        items: agenda.items,
        chair: agenda.chair,
        secretary: agenda.secretary,
      }),
    },
    runningHeader: { organisation: committee.name, documentType: "Föredragningslista", reference: `Sammanträde ${meeting.date}` },
    draft,
    blocks,
  };
};

// ─── One paragraph (§) of the minutes ───────────────────────────────────────

/**
 * Votering as the protokoll states it: the propositionsordning (what ja and nej stand for),
 * the roll call per tjänstgörande member, the counts and the result they give.
 */
const voteBlocks = (item: MinutesParagraph, committeeName: string): Block[] => {
  const votes = item.votes!;
  const blocks: Block[] = [];
  if (votes.question) blocks.push(paragraph(votes.question));
  if (votes.yesFor && votes.noFor) {
    blocks.push(paragraph(`Ordföranden ställer proposition på ${votes.yesFor} mot ${votes.noFor}. Votering begärs och verkställs.`));
    blocks.push(labelledLines([["Propositionsordning", `Ja-röst för ${votes.yesFor}, nej-röst för ${votes.noFor}.`]]));
  }
  if (votes.rollCall.length > 0) {
    blocks.push({
      kind: "table",
      summary: `Omröstning med namnupprop, § ${item.paragraph}`,
      header: ["Tjänstgörande ledamot", "Röst"],
      rows: votes.rollCall.map((entry) => [[{ text: withParty(entry.name, entry.party) }], [{ text: VOTE_LABELS[entry.vote] }]]),
      widths: [3, 1],
    });
  }
  const counts = [`Ja: ${votes.yes}`, `Nej: ${votes.no}`, `Avstår: ${votes.abstain}`, ...(votes.absent ? [`Frånvarande: ${votes.absent}`] : [])].join(". ");
  blocks.push(paragraph(`${counts}.`));
  if (votes.outcome) {
    const side = votes.outcome === "YES" ? votes.yesFor : votes.noFor;
    const result = side ? `${committeeName} har beslutat enligt ${side}` : `Ja-sidan har ${votes.outcome === "YES" ? "vunnit" : "förlorat"} omröstningen`;
    blocks.push(paragraph([{ text: "Resultat: ", bold: true }, { text: `${result}${votes.casting ? " genom ordförandens utslagsröst" : ""}.` }]));
  } else if (votes.outcome === null) {
    blocks.push(paragraph([{ text: "Resultat: ", bold: true }, { text: "Lika röstetal utan utslagsröst." }]));
  }
  return blocks;
};

/** A § as the protokoll and the protokollsutdrag print it. */
const paragraphBlocks = (item: MinutesParagraph, committeeName: string): Block[] => {
  const sub = (text: string): Block => ({ kind: "heading", level: 3, runs: [{ text }] });
  const blocks: Block[] = [{ kind: "heading", level: 2, runs: [{ text: `§ ${item.paragraph} ${item.title}` }] }];
  // The § heading, its dnr, "Beslut" and the subject of the att-satser stay with the decision.
  if (item.caseNumber) blocks.push(keptWithNext(paragraph(`Dnr ${item.caseNumber}`, "note")));

  blocks.push(sub("Beslut"));
  // Att-satser need their subject: "Hägersten-Älvsjö stadsdelsnämnd beslutar / att …".
  if (decisionPointStyle(item.decisionPoints) === "att") blocks.push(keptWithNext(paragraph(`${committeeName} beslutar`)));
  blocks.push(...decisionPointBlocks(item.decisionPoints));
  if (item.immediateApproval) blocks.push(paragraph("Paragrafen förklaras omedelbart justerad."));

  if (item.motions.length > 0) {
    blocks.push(sub("Yrkanden"));
    for (const motion of item.motions) blocks.push(paragraph([{ text: `${withParty(motion.member, motion.party)}: `, bold: true }, { text: motion.text }]));
  }
  if (item.votes) blocks.push(sub("Omröstning"), ...voteBlocks(item, committeeName));
  for (const opinion of item.opinions) {
    blocks.push(sub(OPINION_KIND_LABELS[opinion.kind]));
    blocks.push(paragraph([{ text: withParty(opinion.members, opinion.party), bold: true }]));
    blocks.push(...textBlocks(opinion.text));
  }
  return blocks;
};

// ─── Justering ──────────────────────────────────────────────────────────────

type Justering = NonNullable<MinutesExport["justering"]>;

const APPROVER_ROLE: Record<string, string> = { CHAIR: "ordförande", MINUTES_CHECKER: "justerare" };

const justeringBlock = (justering: Justering, verificationUrl: VerificationUrl): AttestationBlock => ({
  kind: "attestation",
  heading: "Justerat",
  intro: "Protokollet har justerats digitalt av följande personer:",
  rows: justering.approvals.map((approval) => ({ name: APPROVER_ROLE[approval.role] ? `${approval.name}, ${APPROVER_ROLE[approval.role]}` : approval.name, date: approval.date })),
  verificationCode: justering.verificationCode,
  verificationUrl: verificationUrl(justering.verificationCode),
});

/** Anslag: when the justering was announced and when the time for laglighetsprövning ends. */
const postingBlocks = (postedDate: string | null, appealEndsOn: string | null): Block[] => {
  if (!postedDate) return [];
  return [
    { kind: "heading", level: 2, runs: [{ text: "Anslag" }] },
    keptWithNext(paragraph(`Justeringen har tillkännagetts genom anslag på kommunens anslagstavla ${postedDate}.`)),
    ...(appealEndsOn ? [paragraph(`Tiden för överklagande (laglighetsprövning enligt 13 kap. kommunallagen) går ut ${appealEndsOn}.`)] : []),
  ];
};

/**
 * The justering to print, or null for a draft. A justering is printed only on exactly the
 * content it binds to (the hash of the minutes' stored content, recomputed when read):
 * anything else is refused, never shown with someone's approval.
 */
const verifiedJustering = (justering: Justering | null, minutesContentHash: string | null): Justering | null => {
  if (!justering) return null;
  if (justering.contentHash !== minutesContentHash) throw new AttestationMismatchError(justering.contentHash, minutesContentHash ?? "(no minutes)");
  return justering;
};

// ─── Protokoll ──────────────────────────────────────────────────────────────

const attendanceBlocks = (attendance: MinutesExport["attendance"], otherAttendees: NonNullable<MinutesExport["otherAttendees"]>): Block[] => {
  const present = attendance.filter((row) => row.present);
  const members = present.filter((row) => row.role !== "DEPUTY");
  const serving = present.filter((row) => row.role === "DEPUTY" && row.serving);
  const deputies = present.filter((row) => row.role === "DEPUTY" && !row.serving);
  const group = (heading: string, rows: MinutesExport["attendance"], withRole: boolean): Block[] =>
    rows.length === 0
      ? []
      : [
          { kind: "heading", level: 3, runs: [{ text: heading }] },
          paragraph(rows.map((row) => `${withParty(row.name, row.party)}${withRole && row.role !== "MEMBER" ? `, ${MEMBER_ROLE_LABELS[row.role].toLocaleLowerCase("sv-SE")}` : ""}`).join("\n")),
        ];
  const blocks: Block[] = [{ kind: "heading", level: 2, runs: [{ text: "Närvarande" }] }];
  const others: Block[] =
    otherAttendees.length === 0
      ? []
      : [{ kind: "heading", level: 3, runs: [{ text: "Övriga närvarande" }] }, paragraph(otherAttendees.map((other) => `${other.name}, ${other.role}`).join("\n"))];
  if (present.length === 0) return [...blocks, paragraph("Närvaron är inte registrerad."), ...others];
  return [...blocks, ...group("Ledamöter", members, true), ...group("Tjänstgörande ersättare", serving, false), ...group("Ersättare", deputies, false), ...others];
};

export type MinutesDocumentInput = { minutes: MinutesExport; verificationUrl: VerificationUrl };

/** The protokoll. Justerat → the Justerat block with the verification code and the anslag; otherwise a draft with UTKAST. */
export const minutesToDocument = ({ minutes, verificationUrl }: MinutesDocumentInput): ExportDocument => {
  const { committee, meeting } = minutes;
  const justering = minutes.status === "APPROVED" ? verifiedJustering(minutes.justering, minutes.contentHash) : null;
  const range = paragraphRange(minutes.paragraphs);

  const blocks: Block[] = [
    { kind: "heading", level: 1, runs: [{ text: "Protokoll" }] },
    paragraph(`Sammanträde med ${committee.name}`, "subtitle"),
    meetingFacts(meeting, range ? [["Paragrafer", range]] : []),
    ...attendanceBlocks(minutes.attendance, minutes.otherAttendees ?? []),
    { kind: "heading", level: 2, runs: [{ text: "Justering" }] },
    labelledLines([
      ["Ordförande", minutes.chair.name],
      ["Utsedd att justera", minutes.checker.name],
      ...(minutes.justeringTime
        ? [["Tid och plats för justering", [dateAndTime(minutes.justeringTime.date, minutes.justeringTime.time), minutes.justeringTime.place].filter(Boolean).join(", ")] as [string, string]]
        : []),
    ]),
  ];
  for (const item of minutes.paragraphs) blocks.push(...paragraphBlocks(item, committee.name));
  if (minutes.paragraphs.length === 0) blocks.push(paragraph("Protokollet har inga paragrafer."));

  // The signatures, their digital justering and the anslag read as one: never a page of their own apart.
  blocks.push({
    kind: "columns",
    keepWithNext: true,
    columns: [
      { label: "Vid protokollet", lines: [minutes.secretary?.name ?? "", "Nämndsekreterare"].filter(Boolean) },
      { label: "Ordförande", lines: [minutes.chair.name] },
      { label: "Justerare", lines: [minutes.checker.name] },
    ],
  });
  if (justering) blocks.push(keptWithNext(justeringBlock(justering, verificationUrl)), ...postingBlocks(minutes.postedDate, minutes.appealEndsOn));
  else blocks.push(paragraph("Protokollet är inte justerat.", "note"));

  return {
    meta: {
      title: `Protokoll ${committee.name} ${meeting.date}`,
      subject: `Protokoll från sammanträde ${meeting.date}${range ? `, ${range}` : ""}${justering ? "" : " (utkast)"}`,
      author: committee.name,
      language: "sv-SE",
      createdAt: justering && minutes.approvedAt ? minutes.approvedAt : new Date(meeting.startsAt),
      identifier: minutes.contentHash,
    },
    runningHeader: { organisation: committee.name, documentType: "Protokoll", reference: `Sammanträde ${meeting.date}` },
    draft: justering === null,
    blocks,
  };
};

// ─── Protokollsutdrag ───────────────────────────────────────────────────────

export type ExtractDocumentInput = { extract: ExtractExport; verificationUrl: VerificationUrl };

/**
 * One § with the meeting's header, the justering and "Rätt utdraget intygar". Final when
 * the minutes are justerade or the § was declared immediately approved; otherwise a draft.
 */
export const extractToDocument = ({ extract, verificationUrl }: ExtractDocumentInput): ExportDocument => {
  const { committee, meeting, paragraph: item } = extract;
  const justering = extract.minutesStatus === "APPROVED" ? verifiedJustering(extract.justering, extract.minutesContentHash) : null;
  const final = justering !== null || item.immediateApproval;

  const blocks: Block[] = [
    { kind: "heading", level: 1, runs: [{ text: "Utdrag ur protokoll" }] },
    paragraph(`Sammanträde med ${committee.name}`, "subtitle"),
    meetingFacts(meeting),
    ...paragraphBlocks(item, committee.name),
  ];
  if (justering) blocks.push(keptWithNext(justeringBlock(justering, verificationUrl)), ...postingBlocks(extract.postedDate, extract.appealEndsOn));
  else if (!final) blocks.push(paragraph("Protokollet är inte justerat.", "note"));
  blocks.push({
    kind: "columns",
    columns: [{ label: "Rätt utdraget intygar", lines: [extract.secretary ?? "", "Nämndsekreterare", final && extract.certifiedOn ? `Datum: ${extract.certifiedOn}` : ""].filter(Boolean) }],
  });

  return {
    meta: {
      title: `Protokollsutdrag § ${item.paragraph}/${item.year} ${item.title}`,
      subject: `Utdrag ur protokoll från ${committee.name}s sammanträde ${meeting.date}${final ? "" : " (utkast)"}`,
      author: committee.name,
      language: "sv-SE",
      createdAt: meetingStart(meeting.date, meeting.time),
      // What is printed: the rest of the minutes (their id and hash) may change without changing this §.
      identifier: hashOf({ ...extract, minutesId: undefined, minutesContentHash: undefined }),
    },
    runningHeader: {
      organisation: committee.name,
      unit: `Sammanträde ${meeting.date}`,
      documentType: `Protokollsutdrag § ${item.paragraph}/${item.year}`,
      reference: item.caseNumber ? `Dnr ${item.caseNumber}` : `${committee.shortName} § ${item.paragraph}/${item.year}`,
    },
    draft: !final,
    blocks,
  };
};

/**
 * The protokollsutdrag with the attested tjänsteutlåtande appended on its own pages, as one
 * document ("Skicka med tjänsteutlåtandet"): what is dispatched and kept as the record.
 */
export const extractWithStatement = (extract: ExportDocument, statement: ExportDocument): ExportDocument => ({
  ...extract,
  meta: {
    ...extract.meta,
    subject: `${extract.meta.subject}, med ${statement.meta.title}`,
    identifier: hashOf({ extract: extract.meta.identifier, statement: statement.meta.identifier }),
  },
  draft: extract.draft || statement.draft,
  blocks: [...extract.blocks, ...statement.blocks.map((block, index) => (index === 0 ? { ...block, pageBreakBefore: true } : block))],
});

// ─── File names ─────────────────────────────────────────────────────────────

/** "Föredragningslista 2024-04-25 Hägersten-Älvsjö stadsdelsnämnd.pdf" */
export const agendaFileName = (agenda: AgendaExport, options: { draft: boolean; format: TExportFormat }): string =>
  exportFileName({ parts: ["Föredragningslista", agenda.meeting.date, agenda.committee.name], qualifiers: [options.draft && "utkast"], format: options.format });

/** "Protokoll 2024-04-25 Hägersten-Älvsjö stadsdelsnämnd.pdf" */
export const minutesFileName = (minutes: MinutesExport, options: { draft: boolean; format: TExportFormat }): string =>
  exportFileName({ parts: ["Protokoll", minutes.meeting.date, minutes.committee.name], qualifiers: [options.draft && "utkast"], format: options.format });

/** "Protokollsutdrag 2024-04-25 § 2 Hägersten-Älvsjö stadsdelsnämnd.pdf" (§ numbers run per year; the date names it) */
export const extractFileName = (extract: ExtractExport, options: { draft: boolean; format: TExportFormat }): string =>
  exportFileName({
    parts: ["Protokollsutdrag", extract.meeting.date, `§ ${extract.paragraph.paragraph}`, extract.committee.name],
    qualifiers: [options.draft && "utkast"],
    format: options.format,
  });
