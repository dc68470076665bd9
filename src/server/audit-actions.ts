// Every kind of event in the händelselogg: its name, the shape of its data and how it
// reads in Swedish. `recordAudit` accepts only these names and checks the data against
// the schema before it is chained; every history view describes events through
// `describeAuditEvent`, so no event is ever shown by its code name.
//
// Schemas are loose (extra keys allowed) because the log is append-only: an event written
// by an older version with more fields must still read. The fields a description uses are
// typed; a field that is sometimes left out (e.g. a reason, for a confidential case) is
// optional. Pure: no database; the seed, scripts and tests use it too.
import { z } from "@/lib/zod";

const text = z.string();
const optionalText = z.string().nullish();
const id = z.string();
const count = z.number().int();

type Entry<S extends z.ZodType> = {
  /** A short Swedish name of the kind of event, e.g. for filters and as the last resort. */
  title: string;
  schema: S;
  /** A sentence for the history; `by` is the actor's name (or "systemet"). */
  describe: (data: z.infer<S>, by: string) => string;
};

const entry = <S extends z.ZodType>(title: string, schema: S, describe: Entry<S>["describe"]): Entry<S> => ({ title, schema, describe });

const unit = z.looseObject({});
const beforeAfter = z.looseObject({ before: z.unknown().optional(), after: z.unknown().optional() });
const lowerFirstWord = (value: string) => value.charAt(0).toLocaleLowerCase("sv-SE") + value.slice(1);
const spaced = (value: string) => value.replace(/\s+/g, " ").replace(/\s+([),.;:])/g, "$1").trim();

const attestationStep = z.looseObject({
  stepId: id,
  requestId: id,
  position: count,
  role: text,
  attestedHash: optionalText,
  attestedAt: optionalText,
  attesterName: optionalText,
  attesterTitle: optionalText,
  authMethod: optionalText,
  subjectType: z.enum(["STATEMENT", "MINUTES"]).optional(),
  minutesId: id.optional(),
});

const recordKind = z.enum(["STATEMENT", "EXTRACT", "REFERRAL_LETTER", "MINUTES"]);
const RECORD_STORED = { STATEMENT: "Det attesterade tjänsteutlåtandet", EXTRACT: "Protokollsutdraget", REFERRAL_LETTER: "Remissmissivet", MINUTES: "Det justerade protokollet" } as const;
const RECORD_FAILED = { STATEMENT: "Tjänsteutlåtandet", EXTRACT: "Protokollsutdraget", REFERRAL_LETTER: "Remissmissivet", MINUTES: "Det justerade protokollet" } as const;
/** Where a record is kept: a case's handling, or (the protokoll) its meeting. */
const recordOwner = { documentNumber: text.optional(), meeting: text.optional() };
const recordPlace = (data: { documentNumber?: string; meeting?: string }) => (data.documentNumber ? `i handling ${data.documentNumber}` : `hos sammanträdet ${data.meeting ?? ""}`);

export const AUDIT_ACTIONS = {
  // ─── Users and sessions ───────────────────────────────────────────────────
  "user.login": entry("Inloggning", z.looseObject({ method: z.enum(["password", "oidc"]) }), (data, by) =>
    `${by} loggade in (${data.method === "oidc" ? "kommunens inloggning" : "lösenord"})`,
  ),
  "user.login_failed": entry(
    "Misslyckad inloggning",
    z.looseObject({ reason: z.enum(["unknown_user", "disabled", "wrong_password"]) }),
    (data) => `Misslyckad inloggning (${{ unknown_user: "okänt användarnamn", disabled: "inaktiverat konto", wrong_password: "fel lösenord" }[data.reason]})`,
  ),
  "user.logout": entry("Utloggning", unit, (_, by) => `${by} loggade ut`),
  "user.create": entry("Användare skapad", z.looseObject({ username: text }), (data, by) => `${by} skapade användaren ${data.username}`),
  "user.update": entry("Användare ändrad", beforeAfter, (_, by) => `${by} ändrade användaruppgifter`),
  "user.disable": entry("Användare inaktiverad", unit, (_, by) => `${by} inaktiverade användaren`),
  "user.enable": entry("Användare aktiverad", unit, (_, by) => `${by} aktiverade användaren`),
  "user.password_reset": entry("Lösenord återställt", unit, (_, by) => `${by} återställde lösenordet`),
  "user.password_change": entry("Lösenord bytt", z.looseObject({ required: z.boolean() }), (data, by) =>
    data.required ? `${by} valde ett eget lösenord i stället för det som administratören gav` : `${by} bytte sitt lösenord`,
  ),
  "membership.add": entry("Roll tilldelad", z.looseObject({ role: text }), (_, by) => `${by} gav användaren en roll`),
  "membership.remove": entry("Roll borttagen", z.looseObject({ role: text }), (_, by) => `${by} tog bort en roll från användaren`),

  // ─── Organisation, series, classification, templates ───────────────────────
  "municipality.create": entry("Kommun skapad", z.looseObject({ name: text, slug: text }), (data, by) => `${by} skapade ${data.name} (${data.slug})`),
  "municipality.update": entry("Kommunens inställningar ändrade", beforeAfter, (_, by) => `${by} ändrade kommunens inställningar`),
  "committee.create": entry("Nämnd skapad", z.looseObject({ name: text }), (data, by) => `${by} skapade ${data.name}`),
  "committee.update": entry("Nämnd ändrad", beforeAfter, (_, by) => `${by} ändrade en nämnd`),
  "administration.create": entry("Förvaltning skapad", z.looseObject({ name: text }), (data, by) => `${by} skapade ${data.name}`),
  "administration.update": entry("Förvaltning ändrad", beforeAfter, (_, by) => `${by} ändrade en förvaltning`),
  "department.create": entry("Avdelning skapad", z.looseObject({ name: text }), (data, by) => `${by} skapade ${data.name}`),
  "department.update": entry("Avdelning ändrad", beforeAfter, (_, by) => `${by} ändrade en avdelning`),
  "committee_member.create": entry("Ledamot tillagd", z.looseObject({ name: text, committee: text }), (data, by) => `${by} lade till ${data.name} i ${data.committee}`),
  "committee_member.update": entry("Ledamot ändrad", beforeAfter, (_, by) => `${by} ändrade uppgifterna om en ledamot`),
  "committee_member.end_term": entry("Uppdrag avslutat", z.looseObject({ name: text, termEnd: text }), (data, by) => `${by} avslutade uppdraget för ${data.name} den ${data.termEnd}`),
  "committee_member.import": entry("Ledamöter importerade", z.looseObject({ committee: text, count }), (data, by) => `${by} importerade ${data.count} ledamöter och ersättare till ${data.committee}`),
  "registry_series.create": entry("Diarieserie skapad", z.looseObject({ name: text }), (data, by) => `${by} skapade diarieserien ${data.name}`),
  "registry_series.update": entry("Diarieserie ändrad", beforeAfter, (_, by) => `${by} ändrade en diarieserie`),
  "registry_series.set_next_serial": entry("Nästa löpnummer ändrat", z.looseObject({ name: text, year: count, nextSerial: count }), (data, by) =>
    `${by} satte nästa löpnummer ${data.year} i diarieserien ${data.name} till ${data.nextSerial}`,
  ),
  "classification.create": entry("Klass skapad", z.looseObject({ code: text }), (data, by) => `${by} skapade klassen ${data.code}`),
  "classification.update": entry("Klass ändrad", z.looseObject({ code: text }), (data, by) => `${by} ändrade klassen ${data.code}`),
  "statement_template.create_default": entry("Standardmall skapad", z.looseObject({ version: count }), () => "Kommunens standardmall för tjänsteutlåtanden skapades"),
  "statementTemplate.create": entry("Mall skapad", z.looseObject({ name: text }), (data, by) => `${by} skapade mallen ${data.name}`),
  "statementTemplate.update": entry("Mall ändrad", z.looseObject({ name: text, version: count }), (data, by) => `${by} sparade mallen ${data.name} som version ${data.version}`),
  "seed.demo": entry("Demodata inlagd", unit, () => "Demodata lades in"),
  "seed.bulk": entry("Testdata för prestandamätning inlagd", z.looseObject({ cases: count, documents: count }), (data) =>
    `${data.cases} ärenden och ${data.documents} handlingar lades in för prestandamätning`,
  ),

  // ─── Cases and documents ──────────────────────────────────────────────────
  "case.register": entry("Ärende registrerat", z.looseObject({ caseNumber: text }), (_, by) => `Ärendet registrerades av ${by}`),
  "case.register_existing_number": entry("Ärende registrerat med befintligt diarienummer", z.looseObject({ caseNumber: text, reason: text }), (data, by) =>
    `Ärendet registrerades av ${by} med det befintliga diarienumret ${data.caseNumber}. Skäl: ${data.reason}`,
  ),
  "case.reassign": entry("Handläggare ändrad", z.looseObject({ toName: optionalText }), (data) => `Handläggare ändrad till ${data.toName ?? "en annan handläggare"}`),
  "case.close": entry("Ärende avslutat", z.looseObject({ reason: optionalText }), (data) => (data.reason ? `Ärendet avslutades: ${data.reason}` : "Ärendet avslutades")),
  "case.misregister": entry("Ärende felregistrerat", z.looseObject({ reason: optionalText }), (data) =>
    data.reason ? `Ärendet markerades som felregistrerat: ${data.reason}` : "Ärendet markerades som felregistrerat",
  ),
  "case.answered": entry("Remiss besvarad", z.looseObject({ answeredDate: text }), (data) => `Remissen besvarades; nämnden beslutade ${data.answeredDate}`),
  "motion.complete": entry("Motion kompletterad", z.looseObject({ authors: count, proposals: count }), (data, by) =>
    `${by} kompletterade motionen (${data.authors} motionärer, ${data.proposals} att-satser)`,
  ),
  "motion.propose": entry("Förslag om motionen", z.looseObject({ label: text, proposedBy: text, proposedTo: optionalText }), (data, by) =>
    `${by} registrerade förslaget: ${data.proposedBy} föreslår ${lowerFirstWord(data.label)}${data.proposedTo ? ` till ${data.proposedTo}` : ""}`,
  ),
  "case.co_officer_add": entry("Medhandläggare tillagd", z.looseObject({ name: text }), (data, by) => `${by} lade till ${data.name} som medhandläggare`),
  "case.co_officer_remove": entry("Medhandläggare borttagen", z.looseObject({ name: text }), (data, by) => `${by} tog bort ${data.name} som medhandläggare`),
  "document.register": entry("Handling registrerad", z.looseObject({ documentNumber: text }), (data) => `Handling ${data.documentNumber} registrerades`),
  "document.record_stored": entry("Dokument arkiverat som fil", z.looseObject({ ...recordOwner, kind: recordKind, sha256: text }), (data) =>
    `${RECORD_STORED[data.kind]} sparades som PDF/A-fil ${recordPlace(data)} (SHA-256 ${data.sha256})`,
  ),
  "document.record_failed": entry("Dokument kunde inte arkiveras", z.looseObject({ ...recordOwner, kind: recordKind, reason: text }), (data) =>
    `${RECORD_FAILED[data.kind]} kunde inte sparas som fil ${recordPlace(data)}: ${data.reason}`,
  ),

  "referral.send": entry("Skickat på remiss", z.looseObject({ sentDate: text, recipients: z.array(z.looseObject({ name: text, dueDate: text })) }), (data, by) =>
    `${by} skickade ärendet på remiss ${data.sentDate} till ${data.recipients.map((recipient) => `${recipient.name} (svar senast ${recipient.dueDate})`).join(", ")}`,
  ),
  "referral.accept": entry("Remiss mottagen", z.looseObject({ name: text, receivingCaseNumber: text }), (data, by) => `${by} tog emot remissen för ${data.name} som ärende ${data.receivingCaseNumber}`),
  "referral.return": entry("Remiss återsänd", z.looseObject({ name: text, reason: text }), (data, by) => `${by} skickade tillbaka remissen för ${data.name}: ${data.reason}`),
  "referral.answer": entry("Remissvar registrerat", z.looseObject({ name: text, answeredDate: text, documentNumber: text, position: optionalText }), (data, by) =>
    spaced(`Remissvar från ${data.name} (${data.answeredDate}) registrerades som handling ${data.documentNumber}${data.position ? `: ${data.position}` : ""}${by === "systemet" ? "" : ` av ${by}`}`),
  ),
  "referral.position": entry("Ställningstagande ändrat", z.looseObject({ name: text, position: text }), (data, by) => `${by} angav ställningstagandet för ${data.name}: ${data.position}`),
  "referral.extend": entry("Remisstid förlängd", z.looseObject({ name: text, before: text, after: text }), (data, by) => `${by} ändrade remisstiden för ${data.name} från ${data.before} till ${data.after}`),

  // The file name is not recorded: the history is read by everyone who may read the case, and
  // a secret handling's file name may itself be secret (as its description is).
  "document.text_extracted": entry("Text extraherad för sökning", z.looseObject({ documentNumber: text, characters: z.number() }), (data) =>
    `Texten i en fil i handling ${data.documentNumber} gjordes sökbar: ${data.characters} tecken`,
  ),
  "document.text_failed": entry("Text kunde inte extraheras", z.looseObject({ documentNumber: text, reason: text }), (data) =>
    `Texten i en fil i handling ${data.documentNumber} kunde inte läsas för sökning: ${data.reason}`,
  ),

  // ─── Remiss follow-up (reminders, sammanställning) ─────────────────────────
  "referral.reminder": entry("Remisspåminnelse köad", z.looseObject({ name: text, kind: z.enum(["BEFORE", "AFTER"]), dueDate: text, recipients: count }), (data) =>
    `${data.kind === "BEFORE" ? "Påminnelse" : "Påminnelse efter remisstiden"} till ${data.name} (remisstid ${data.dueDate}) lades i utkorgen till ${data.recipients} mottagare`,
  ),
  "statement.referral_compilation": entry("Remissammanställning uppdaterad", z.looseObject({ version: count, added: count, updated: count, conflicts: count }), (data, by) =>
    `${by} uppdaterade remissammanställningen från remissvaren (version ${data.version}: ${data.added} nya, ${data.updated} uppdaterade, ${data.conflicts} med egna ändringar kvar)`,
  ),

  // ─── Tjänsteutlåtande and attestation ──────────────────────────────────────
  "statement.create": entry("Tjänsteutlåtande skapat", unit, (_, by) => `${by} skapade tjänsteutlåtandet`),
  "statement.save": entry("Tjänsteutlåtande sparat", z.looseObject({ version: count }), (data, by) => `${by} sparade tjänsteutlåtandet (version ${data.version})`),
  "statement.restore": entry("Version återställd", z.looseObject({ version: count, restoredFrom: count.optional() }), (data, by) =>
    `${by} återställde version ${data.restoredFrom ?? "?"} av tjänsteutlåtandet som version ${data.version}`,
  ),
  "statement.resolve_signers": entry("Undertecknare hämtade", z.looseObject({ version: count }), (data) =>
    `Undertecknare och brevhuvud hämtades från organisationen när tjänsteutlåtandet skickades på attestering (version ${data.version})`,
  ),
  "union_consultation.record": entry("Facklig information registrerad", z.looseObject({ forum: text, date: text }), (data, by) =>
    `${by} registrerade att de fackliga organisationerna informerades (${data.forum} ${data.date})`,
  ),
  "attestation.send": entry("Skickat på attestering", z.looseObject({ versionNumber: count }), (data, by) => `${by} skickade tjänsteutlåtandet (version ${data.versionNumber}) på attestering`),
  "attestation.attest": entry("Attesterat", attestationStep, (data, by) =>
    data.subjectType === "MINUTES"
      ? `${data.attesterName ?? by} justerade protokollet (${data.authMethod ?? "okänd inloggning"})`
      : `${data.attesterName ?? by} attesterade tjänsteutlåtandet (${data.authMethod ?? "okänd inloggning"})`,
  ),
  "attestation.complete": entry("Attestering klar", z.looseObject({ documentNumber: optionalText }), (data) =>
    spaced(`Tjänsteutlåtandet blev attesterat av alla attestanter och registrerades som handling ${data.documentNumber ?? ""}`),
  ),
  "attestation.return": entry("Tillbakaskickat", z.looseObject({ comment: optionalText }), (data, by) => `${by} skickade tillbaka tjänsteutlåtandet${data.comment ? `: ${data.comment}` : ""}`),
  "attestation.withdraw": entry("Attestering återkallad", z.looseObject({ reason: optionalText }), (data, by) =>
    `${by} återkallade attesteringen; tidigare attesteringar ogiltigförklarades${data.reason ? `. Skäl: ${data.reason}` : ""}`,
  ),

  // ─── Meetings, decisions, minutes, dispatch ────────────────────────────────
  "meeting.create": entry("Sammanträde planerat", unit, (_, by) => `${by} planerade ett sammanträde`),
  "meeting.create_historical": entry("Historiskt sammanträde registrerat", z.looseObject({ meetingDate: text }), (data, by) => `${by} registrerade sammanträdet ${data.meetingDate} som historisk post`),
  "meeting.historical_approved": entry("Historiskt protokoll registrerat som justerat", z.looseObject({ approvedOn: text }), (data, by) =>
    `${by} registrerade det historiska protokollet som justerat ${data.approvedOn}`,
  ),
  "paragraph_counter.set": entry("Nästa paragraf ändrad", z.looseObject({ committee: text, year: count, nextParagraph: count }), (data, by) =>
    `${by} satte nästa § för ${data.committee} ${data.year} till § ${data.nextParagraph}`,
  ),
  "meeting.call": entry("Kallelse skickad", z.looseObject({ items: count }), (data, by) => `${by} publicerade kallelsen med ${data.items} ärenden`),
  "meeting.record_details": entry(
    "Övriga närvarande och justering registrerade",
    z.looseObject({ meetingDate: text, otherAttendees: count, justering: text.nullable(), justeringPlace: text.nullable() }),
    (data, by) =>
      `${by} registrerade ${data.otherAttendees} övriga närvarande och ${data.justering ? `justering ${data.justering}${data.justeringPlace ? `, ${data.justeringPlace}` : ""}` : "ingen tid för justering"} för sammanträdet ${data.meetingDate}`,
  ),
  "meeting.attendance": entry("Närvaro registrerad", z.looseObject({ present: count }), (data, by) => `${by} registrerade närvaron (${data.present} närvarande)`),
  "agenda.add_case": entry("Ärende på föredragningslistan", z.looseObject({ committee: optionalText, meetingDate: optionalText }), (data, by) =>
    spaced(`${by} tog upp ärendet på föredragningslistan för ${data.committee ?? "nämnden"}s sammanträde ${data.meetingDate ?? ""}`),
  ),
  "agenda.add_item": entry("Punkt på föredragningslistan", z.looseObject({ title: text }), (data, by) => `${by} lade till punkten ”${data.title}” på föredragningslistan`),
  "agenda.move": entry("Punkt flyttad", unit, (_, by) => `${by} flyttade ärendet på föredragningslistan`),
  "agenda.remove": entry("Punkt borttagen", unit, (_, by) => `${by} tog bort ärendet från föredragningslistan`),
  "decision.record": entry("Beslut", z.looseObject({ meetingDate: optionalText, paragraph: text, label: optionalText }), (data) =>
    spaced(`Nämnden beslutade ${data.meetingDate ?? ""}, ${data.paragraph}: ${data.label ?? ""}`),
  ),
  "decision.roll_call": entry(
    "Votering registrerad",
    z.looseObject({ paragraph: text, yesFor: text, noFor: text, yes: count, no: count, abstain: count, absent: count }),
    (data, by) => `${by} registrerade votering i ${data.paragraph}: ja för ${data.yesFor} ${data.yes}, nej för ${data.noFor} ${data.no}, avstår ${data.abstain}, frånvarande ${data.absent}`,
  ),
  "decision.update": entry("Beslut ändrat", z.looseObject({ paragraph: text }), (data, by) => `${by} ändrade beslutet i ${data.paragraph}`),
  "decision.reservation": entry("Reservation", z.looseObject({ paragraph: text, members: optionalText }), (data) => `Reservation till ${data.paragraph} (${data.members ?? ""})`),
  "decision.special_statement": entry("Särskilt uttalande", z.looseObject({ paragraph: text, members: optionalText }), (data) => `Särskilt uttalande till ${data.paragraph} (${data.members ?? ""})`),
  "decision.opinion_remove": entry("Uttalande borttaget", z.looseObject({ paragraph: text }), (data, by) => `${by} tog bort ett uttalande till ${data.paragraph}`),
  "decision.dispatch": entry("Expedierat", z.looseObject({ paragraph: text, recipients: z.array(text), sentDate: text }), (data, by) =>
    spaced(`${by} expedierade protokollsutdrag ${data.paragraph} till ${data.recipients.join(", ") || "mottagaren"} ${data.sentDate}`),
  ),
  "minutes.create": entry("Protokoll skapat", unit, (_, by) => `${by} skapade protokollet`),
  "minutes.update": entry("Protokoll ändrat", unit, (_, by) => `${by} ändrade protokollet`),
  "minutes.send_for_approval": entry("Protokoll skickat för justering", unit, (_, by) => `${by} skickade protokollet för justering`),
  "minutes.approved": entry("Protokoll justerat", z.looseObject({ postedDate: text, appealEndsOn: text }), (data) =>
    `Protokollet justerades och anslogs ${data.postedDate}; överklagandetiden går ut ${data.appealEndsOn}`,
  ),
  "minutes.paragraph_approved": entry("Paragraf justerad", z.looseObject({ paragraph: text, postedDate: text, appealEndsOn: text }), (data) =>
    `Protokollet med ${data.paragraph} justerades och anslogs ${data.postedDate}; överklagandetiden går ut ${data.appealEndsOn}`,
  ),
  "minutes.return": entry("Protokoll tillbakaskickat", z.looseObject({ comment: optionalText }), (data, by) => `${by} skickade tillbaka protokollet${data.comment ? `: ${data.comment}` : ""}`),
  "minutes.withdraw": entry("Justering återkallad", z.looseObject({ reason: optionalText }), (data, by) => `${by} återkallade protokollet från justering${data.reason ? `. Skäl: ${data.reason}` : ""}`),
} as const;

export type TAuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (action: string): action is TAuditAction => Object.hasOwn(AUDIT_ACTIONS, action);

/** Throws when a writer's data does not have the registered shape (a programming error, caught by tests). */
export const assertAuditData = (action: TAuditAction, data: unknown): void => {
  const result = (AUDIT_ACTIONS[action].schema as z.ZodType).safeParse(data);
  if (!result.success) throw new Error(`Audit data of ${action} does not match its schema: ${result.error.message}`);
};

/** The Swedish sentence of one stored event. */
export const describeAuditEvent = ({ action, data, actorName }: { action: string; data: unknown; actorName: string | null }): string => {
  if (!isAuditAction(action)) return "Händelse av okänt slag";
  const { title, schema, describe } = AUDIT_ACTIONS[action] as Entry<z.ZodType>;
  const parsed = schema.safeParse(data ?? {});
  // An event whose data does not read (an old shape) still says what happened.
  return parsed.success ? describe(parsed.data, actorName ?? "systemet") : title;
};

export type AuditEventRow = { seq: bigint; action: string; data: unknown; createdAt: Date; actorName: string | null };
export type AuditHistoryEntry = { seq: bigint; at: Date; actorName: string | null; text: string };

/**
 * A history in Swedish, oldest first. Autosaves arrive every few seconds while someone
 * writes: a run of saves by the same person reads as one line with the versions it made.
 */
/**
 * Events per page of a case's "Händelser", oldest first. A samlingsärende gathers thousands
 * (three or more for every handling), read and rendered a page at a time; consecutive saves
 * that a page boundary divides are summed up on each side of it.
 */
export const CASE_HISTORY_PAGE_SIZE = 500;

/** "Händelser" of a case at its `page` (the first without `sida`). */
export const caseHistoryHref = (caseId: string, page = 1): string => `/arenden/${caseId}/handelser${page > 1 ? `?sida=${page}` : ""}`;

export const describeAuditHistory = (events: readonly AuditEventRow[]): AuditHistoryEntry[] => {
  // Consecutive saves by one person form a group; every other event is a group of its own.
  const groups: AuditEventRow[][] = [];
  for (const event of events) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (group && previous && event.action === "statement.save" && previous.action === "statement.save" && previous.actorName === event.actorName) group.push(event);
    else groups.push([event]);
  }
  return groups.map((group) => {
    const first = group[0]!;
    const last = group.at(-1)!;
    const version = (event: AuditEventRow) => String((event.data as { version?: unknown } | null)?.version ?? "?");
    return {
      seq: last.seq,
      at: last.createdAt,
      actorName: last.actorName,
      text:
        group.length === 1
          ? describeAuditEvent(last)
          : `${last.actorName ?? "systemet"} sparade tjänsteutlåtandet ${group.length} gånger (version ${version(first)}–${version(last)})`,
    };
  });
};
