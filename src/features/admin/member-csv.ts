// Reading a list of committee members for a new term from CSV: a header row, then one member
// per row; semicolon (Excel in Swedish) or comma separated, fields optionally in double quotes.
// Each row is checked with the same schema as the form, and every problem is reported with the
// row's line number, so that the file can be fixed before anything is saved.
import type { MemberRole } from "@/generated/prisma/enums";
import { ZMemberRowSchema, type TMemberRow } from "./schemas";

export type MemberCsvRow = { line: number; name: string; member: TMemberRow | null; errors: string[] };
export type MemberCsvResult = { fileErrors: string[]; rows: MemberCsvRow[] };

type Column = keyof TMemberRow;

/** Header names (lower case, without diacritics and punctuation) → the row field. */
const HEADERS: Record<string, Column> = {
  namn: "name",
  parti: "party",
  roll: "role",
  fran: "termStart",
  franochmed: "termStart",
  fom: "termStart",
  till: "termEnd",
  tillochmed: "termEnd",
  tom: "termEnd",
  epost: "email",
  email: "email",
  mejl: "email",
  telefon: "phone",
  tel: "phone",
  anvandarnamn: "username",
  anvandare: "username",
};

const REQUIRED: { column: Column; header: string }[] = [
  { column: "name", header: "namn" },
  { column: "role", header: "roll" },
  { column: "termStart", header: "från" },
];

const ROLES: Record<string, MemberRole> = {
  ordforande: "CHAIR",
  viceordforande: "VICE_CHAIR",
  "1:eviceordforande": "VICE_CHAIR",
  "2:eviceordforande": "VICE_CHAIR",
  forstaviceordforande: "VICE_CHAIR",
  andraviceordforande: "VICE_CHAIR",
  ledamot: "MEMBER",
  ersattare: "DEPUTY",
};

const fold = (value: string): string =>
  value
    .trim()
    .toLocaleLowerCase("sv-SE")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[\s\-_.]/g, "");

/** Splits CSV text into records of fields (RFC 4180 quoting; CRLF or LF). */
const records = (text: string, delimiter: string): string[][] => {
  const result: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index += 1;
      record.push(field);
      result.push(record);
      record = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    result.push(record);
  }
  return result;
};

/** The delimiter of the header row: the one of ";" and "," it uses most. */
const delimiterOf = (text: string): string => {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  return header.split(";").length >= header.split(",").length ? ";" : ",";
};

export const parseMemberCsv = (input: string): MemberCsvResult => {
  const text = input.replace(/^\uFEFF/, "");
  const delimiter = delimiterOf(text);
  // Line numbers as a spreadsheet shows them: the header is row 1; blank rows are skipped but counted.
  const all = records(text, delimiter).map((fields, index) => ({ line: index + 1, fields }));
  const [header, ...body] = all;
  if (!header) return { fileErrors: ["Filen är tom."], rows: [] };
  const fileErrors: string[] = [];
  const columns = header.fields.map((name) => {
    const column = HEADERS[fold(name)];
    if (!column && name.trim() !== "") fileErrors.push(`Okänd kolumn "${name.trim()}". Använd namn;parti;roll;från;till;e-post;telefon;användarnamn.`);
    return column;
  });
  for (const { column, header: label } of REQUIRED) {
    if (!columns.includes(column)) fileErrors.push(`Kolumnen "${label}" saknas i rubrikraden.`);
  }
  const rows = body
    .filter(({ fields }) => fields.some((field) => field.trim() !== ""))
    .map(({ line, fields }): MemberCsvRow => {
      const raw: Partial<Record<Column, string>> = {};
      columns.forEach((column, index) => {
        const value = fields[index]?.trim();
        if (column && value) raw[column] = value;
      });
      const errors: string[] = [];
      if (fields.length > header.fields.length) errors.push(`Raden har ${fields.length} fält men rubrikraden ${header.fields.length}.`);
      const role = raw.role === undefined ? undefined : ROLES[fold(raw.role)];
      if (raw.role !== undefined && !role) errors.push(`Okänd roll "${raw.role}": skriv ordförande, vice ordförande, ledamot eller ersättare.`);
      const parsed = ZMemberRowSchema.safeParse({ ...raw, role: role ?? raw.role });
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          if (issue.path[0] === "role" && raw.role !== undefined) continue;
          errors.push(issue.message);
        }
      }
      return { line, name: raw.name ?? "", member: parsed.success && errors.length === 0 ? parsed.data : null, errors };
    });
  if (rows.length === 0 && fileErrors.length === 0) fileErrors.push("Filen innehåller inga ledamöter under rubrikraden.");
  return { fileErrors, rows };
};
