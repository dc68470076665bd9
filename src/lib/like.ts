/** `%` and `_` typed by a user are literal characters in LIKE/ILIKE (and Prisma's `contains`), not wildcards. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (character) => `\\${character}`);
