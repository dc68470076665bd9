import { describe, expect, it } from "vitest";
import { parseMemberCsv } from "./member-csv";

describe("parseMemberCsv", () => {
  it("reads a semicolon-separated file with a BOM, Swedish headers and roles", () => {
    const csv = "\uFEFFNamn;Parti;Roll;Från;Till;E-post;Telefon;Användarnamn\r\nAnna Ek;S;Ordförande;2027-01-01;2030-12-31;anna@example.org;070-111 22 33;anna.ek\r\n\r\nBo Ström;M;1:e vice ordförande;2027-01-01;;;;\r\nCia Lind;;ersättare;2027-01-01;;;;\r\n";
    const { fileErrors, rows } = parseMemberCsv(csv);
    expect(fileErrors).toEqual([]);
    expect(rows.map((row) => [row.line, row.member?.role, row.errors])).toEqual([
      [2, "CHAIR", []],
      [4, "VICE_CHAIR", []],
      [5, "DEPUTY", []],
    ]);
    expect(rows[0]!.member).toEqual({ name: "Anna Ek", party: "S", role: "CHAIR", termStart: "2027-01-01", termEnd: "2030-12-31", email: "anna@example.org", phone: "070-111 22 33", username: "anna.ek" });
  });

  it("reads a comma-separated file with quoted fields", () => {
    const { rows } = parseMemberCsv('namn,roll,från\n"Ek, Anna",ledamot,2027-01-01\n');
    expect(rows[0]!.member).toMatchObject({ name: "Ek, Anna", role: "MEMBER" });
  });

  it("reports every bad row with its line number and the reason in Swedish", () => {
    const { fileErrors, rows } = parseMemberCsv("namn;roll;från;till;e-post\n;ledamot;2027-01-01;;\nBo;talman;2027-01-01;;\nCia;ledamot;2027-13-01;;\nDan;ledamot;2027-01-01;2026-01-01;\nEva;ledamot;2027-01-01;;inte-en-adress\n");
    expect(fileErrors).toEqual([]);
    expect(rows.map((row) => [row.line, row.member, row.errors])).toEqual([
      [2, null, ["Ange namn."]],
      [3, null, ['Okänd roll "talman": skriv ordförande, vice ordförande, ledamot eller ersättare.']],
      [4, null, ["Ange ett giltigt datum (ÅÅÅÅ-MM-DD)."]],
      [5, null, ["Mandatperioden kan inte sluta före den börjar."]],
      [6, null, ["Ange en giltig e-postadress."]],
    ]);
  });

  it("refuses a file without the required columns or with unknown ones", () => {
    expect(parseMemberCsv("namn;ålder\nAnna;40\n").fileErrors).toEqual([
      'Okänd kolumn "ålder". Använd namn;parti;roll;från;till;e-post;telefon;användarnamn.',
      'Kolumnen "roll" saknas i rubrikraden.',
      'Kolumnen "från" saknas i rubrikraden.',
    ]);
    expect(parseMemberCsv("namn;roll;från\n").fileErrors).toEqual(["Filen innehåller inga ledamöter under rubrikraden."]);
  });
});
