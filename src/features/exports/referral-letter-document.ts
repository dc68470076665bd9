// The remissmissiv as an ExportDocument. Pure: the referrals read model loads and authorizes
// the frozen letter; this mapping decides what is printed. Deterministic: the creation date is
// the sending date and the identifier the letter's hash, so a letter always gives the same bytes.
import { stockholmDateTimeToInstant } from "@/features/meetings/dates";
import type { TReferralLetter } from "@/features/referrals/letter";
import { exportFileName } from "@/lib/file-name";
import { paragraph, textBlocks, type Block, type ExportDocument } from "./document-model";
import type { TExportFormat } from "./schemas";

export type ReferralLetterInput = {
  letter: TReferralLetter;
  /** The instances this copy is addressed to (one per recipient, or all of a shared missiv). */
  recipientIds: string[];
  letterHash: string;
};

export const referralLetterToDocument = ({ letter, recipientIds, letterHash }: ReferralLetterInput): ExportDocument => {
  const recipients = letter.recipients.filter((recipient) => recipientIds.includes(recipient.id));
  const contact = [letter.contact.name, letter.contact.title, letter.contact.phone && `Telefon ${letter.contact.phone}`, letter.contact.email].filter((line): line is string => Boolean(line));
  const blocks: Block[] = [
    { kind: "columns", columns: [{ label: "Från", lines: [letter.sender.committee, letter.sender.organisation, ...contact] }, { label: "Till", lines: recipients.map((recipient) => recipient.name) }] },
    { kind: "heading", level: 1, runs: [{ text: `Remiss: ${letter.caseTitle}` }] },
    paragraph(`Dnr ${letter.caseNumber}, ${letter.sentDate}`, "subtitle"),
    ...textBlocks(letter.text),
    { kind: "heading", level: 2, runs: [{ text: "Remisstid" }] },
    {
      kind: "table",
      summary: "Remissinstanser och sista dag för svar",
      header: ["Remissinstans", "Svar senast"],
      rows: recipients.map((recipient) => [[{ text: recipient.name }], [{ text: recipient.dueDate }]]),
      widths: [3, 1],
    },
  ];
  if (letter.documents.length > 0) {
    blocks.push(
      { kind: "heading", level: 2, runs: [{ text: "Remisshandlingar" }] },
      { kind: "list", marker: "bullet", items: letter.documents.map((document) => [paragraph(`${document.number} ${document.description}`)]) },
    );
  }
  blocks.push(paragraph(`Svaret märks med diarienummer ${letter.caseNumber} och skickas till ${letter.sender.committee}.`, "note"));
  return {
    meta: {
      title: `Remiss: ${letter.caseTitle}`,
      subject: `Remiss från ${letter.sender.committee}, dnr ${letter.caseNumber}`,
      author: letter.sender.organisation,
      language: "sv-SE",
      createdAt: stockholmDateTimeToInstant(letter.sentDate, "12:00"),
      identifier: letterHash,
    },
    runningHeader: { organisation: letter.municipality, unit: letter.sender.committee, documentType: "Remiss", reference: `Dnr ${letter.caseNumber}` },
    draft: false,
    blocks,
  };
};

/** "Remiss KS 2026-12 2026-12-01.pdf" (with the instans when the copy is addressed to one). */
export const referralLetterFileName = ({ letter, recipientIds }: Omit<ReferralLetterInput, "letterHash">, format: TExportFormat): string => {
  const only = recipientIds.length === 1 ? letter.recipients.find((recipient) => recipient.id === recipientIds[0])?.name : undefined;
  return exportFileName({ parts: ["Remiss", letter.caseNumber, letter.sentDate, ...(only ? [only] : [])], format });
};
