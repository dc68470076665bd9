// Texts the meetings feature writes into the diarium (pure: used by services and the seed).

/** The description of an outgoing handling that carries a protokollsutdrag. */
export const extractDescription = (options: { shortName: string; paragraph: number; year: number; meetingDate: string; title: string; includeStatement: boolean }): string =>
  `Protokollsutdrag ${options.shortName} § ${options.paragraph}/${options.year}, sammanträde ${options.meetingDate}${options.includeStatement ? ", med tjänsteutlåtande" : ""} – ${options.title}`;
import { longSwedishDate } from "@/lib/dates";

/**
 * "De fackliga organisationerna informerades på förvaltningsgrupp den 16 april 2024."
 * Shown with the case's union consultations and written into the statement's "Ärendets
 * beredning" (statements/server/create-statement.ts, which the plain-Node seed also runs).
 */
export const describeUnionConsultation = ({ forum, date }: { forum: string; date: Date }): string =>
  `De fackliga organisationerna informerades på ${forum} den ${longSwedishDate(date)}.`;
