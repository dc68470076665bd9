// Texts the meetings feature writes into the diarium (pure: used by services and the seed).

/** The description of an outgoing handling that carries a protokollsutdrag. */
export const extractDescription = (options: { shortName: string; paragraph: number; year: number; meetingDate: string; title: string; includeStatement: boolean }): string =>
  `Protokollsutdrag ${options.shortName} § ${options.paragraph}/${options.year}, sammanträde ${options.meetingDate}${options.includeStatement ? ", med tjänsteutlåtande" : ""} – ${options.title}`;
