// Handlingar with files: registration, content checks, deduplicated and verified storage,
// authorization from the case, gap-free numbers, and confidential text kept out of logs.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { CaseStatus } from "@/generated/prisma/enums";
import { addCaseDocument } from "@/features/documents/server/add-document";
import { getCaseDocumentFile, listCaseDocuments } from "@/features/documents/server/document-queries";
import { sampleDocx, sampleExe, sampleOdt, samplePdf, samplePng, sampleText } from "@/lib/file-type.samples";
import { sha256Hex } from "@/lib/hash";
import { loadActor, type Actor } from "@/server/auth/actor";
import { BlobIntegrityError, readBlob } from "@/server/blob-store";
import { AppError } from "@/server/errors";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";

const { db } = await createTestDatabase();
await seedDemoData({ nodeEnv: "test", force: false });

const actorFor = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  const actor = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 0 });
  if (!actor) throw new Error(`No actor for ${username}`);
  return actor;
};

const createUser = async (username: string, role: "REGISTRAR" | "CASE_OFFICER", unit: { committeeId: string } | { departmentId: string }) => {
  const user = await db.user.create({ data: { username, name: username } });
  await db.membership.create({ data: { userId: user.id, role, ...unit } });
  return actorFor(username);
};

const clas = await actorFor("clas.cederlid");
const registrar = await actorFor("registrator");
const chair = await actorFor("ordforande");
const sosRegistrar = await createUser("sos.registrator", "REGISTRAR", { committeeId: "sos" });
const ifoOfficer = await createUser("ifo.handlaggare", "CASE_OFFICER", { departmentId: "has-ifo" });

await db.registrySeries.upsert({
  where: { committeeId: "has" },
  create: { id: "series-has", committeeId: "has", name: "Diarium HÄS", format: "{prefix} {year}/{seq}", prefix: "HÄS" },
  update: {},
});
const series = await db.registrySeries.findUniqueOrThrow({ where: { committeeId: "has" } });

let sequence = 0;
/** A case of Hägersten-Älvsjö, department has-sos, handled by Clas — straight into the table. */
const createCase = async ({ status = "OPEN", secrecyReference = null }: { status?: CaseStatus; secrecyReference?: string | null } = {}) => {
  sequence += 1;
  return db.case.create({
    data: {
      caseNumber: `HÄS 2099/${sequence}`,
      seriesId: series.id,
      year: 2099,
      sequence,
      title: `Testärende ${sequence}`,
      kind: "LETTER",
      status,
      committeeId: "has",
      departmentId: "has-sos",
      caseOfficerId: clas.id,
      receivedDate: new Date("2024-02-12T00:00:00Z"),
      secrecyReference,
      createdById: registrar.id,
    },
  });
};

const input = (overrides: Record<string, unknown> = {}) => ({
  direction: "INCOMING",
  documentDate: "2024-02-12",
  counterpart: "Kommunstyrelsen",
  description: "Remissunderlag",
  ...overrides,
});

const counts = async () => ({
  document: await db.caseDocument.count(),
  blob: await db.blob.count(),
  file: await db.caseDocumentFile.count(),
  audit: await db.auditEvent.count(),
});

/** The AppError a promise rejects with (fails the test when it resolves or throws something else). */
const appError = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("registering a handling with files", () => {
  it("numbers the handling in its case, stores the file and records the registration", async () => {
    const found = await createCase();
    const pdf = samplePdf("remiss");
    const created = await addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "remiss från KS.pdf", bytes: pdf }] });
    expect(created.documentNumber).toBe(`${found.caseNumber}-1`);
    const document = await db.caseDocument.findUniqueOrThrow({ where: { id: created.id }, include: { files: true } });
    expect(document).toMatchObject({ direction: "INCOMING", counterpart: "Kommunstyrelsen", description: "Remissunderlag", createdById: registrar.id });
    expect(document.documentDate.toISOString()).toBe("2024-02-12T00:00:00.000Z");
    expect(document.files).toEqual([expect.objectContaining({ fileName: "remiss från KS.pdf", mimeType: "application/pdf", size: pdf.length, blobSha256: sha256Hex(pdf) })]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(event).toMatchObject({ action: "document.register", caseId: found.id, actorId: registrar.id });
  });

  it("stores the same bytes once: two uploads, one blob, two files", async () => {
    const found = await createCase();
    const docx = sampleDocx();
    const before = await counts();
    await addCaseDocument({ actor: clas, caseId: found.id, input: input(), files: [{ name: "a.docx", bytes: docx }] });
    await addCaseDocument({ actor: registrar, caseId: found.id, input: input({ description: "Samma fil igen" }), files: [{ name: "b.docx", bytes: docx }] });
    const after = await counts();
    expect(after).toEqual({ document: before.document + 2, blob: before.blob + 1, file: before.file + 2, audit: before.audit + 2 });
    expect(await db.caseDocumentFile.count({ where: { blobSha256: sha256Hex(docx) } })).toBe(2);
  });

  it("accepts an upprättad handling without counterpart and drops a counterpart sent anyway", async () => {
    const found = await createCase();
    const created = await addCaseDocument({ actor: clas, caseId: found.id, input: input({ direction: "DRAWN_UP", counterpart: "ignoreras" }), files: [{ name: "utkast.odt", bytes: sampleOdt() }] });
    expect(await db.caseDocument.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ direction: "DRAWN_UP", counterpart: null });
  });

  it("lists the case's handlingar with their files for a reader", async () => {
    const found = await createCase();
    await addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "remiss.pdf", bytes: samplePdf() }, { name: "karta.png", bytes: samplePng() }] });
    const view = await listCaseDocuments({ actor: chair, caseId: found.id });
    expect(view).toMatchObject({ caseNumber: found.caseNumber, canAdd: false, closed: false });
    expect(view.documents).toEqual([
      expect.objectContaining({
        documentNumber: `${found.caseNumber}-1`,
        description: "Remissunderlag",
        contentVisible: true,
        files: [expect.objectContaining({ fileName: "remiss.pdf" }), expect.objectContaining({ fileName: "karta.png" })],
      }),
    ]);
  });
});

describe("refused input stores nothing", () => {
  const refusals: [string, { name: string; bytes: Uint8Array }, RegExp][] = [
    ["a file whose bytes are not what its name says", { name: "bild.pdf", bytes: samplePng() }, /^bild\.pdf: Filen är inte en PDF fast namnet slutar på \.pdf\.$/],
    ["an executable renamed .pdf", { name: "faktura.pdf", bytes: sampleExe() }, /Filen är inte en PDF/],
    ["a 26 MB file", { name: "stor.txt", bytes: new Uint8Array(26 * 1024 * 1024).fill(0x61) }, /Filen är 26 MB\. Största tillåtna storlek är 25 MB\./],
    ["a name with ../", { name: "../x.pdf", bytes: samplePdf() }, /^Filnamnet får inte innehålla \/ eller \\\.$/],
    ["a name with a control character", { name: "ring\u0007.pdf", bytes: samplePdf() }, /styrtecken/],
    ["an extension that is not accepted", { name: "sida.html", bytes: sampleText("<p>hej</p>") }, /Filtypen \.html är inte tillåten/],
  ];

  it.each(refusals)("refuses %s with a Swedish field message", async (_label, file, message) => {
    const found = await createCase();
    const before = await counts();
    const error = await appError(addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [file] }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.files).toEqual([expect.stringMatching(message)]);
    expect(await counts()).toEqual(before);
    expect((await db.case.findUniqueOrThrow({ where: { id: found.id } })).lastDocumentNumber).toBe(0);
  });

  it("refuses the whole registration when one of several files is bad", async () => {
    const found = await createCase();
    const before = await counts();
    const error = await appError(
      addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "ok.pdf", bytes: samplePdf() }, { name: "fel.docx", bytes: samplePdf() }] }),
    );
    expect(error.fieldErrors?.files).toEqual(["fel.docx: Filen är inte en Word-fil (DOCX) fast namnet slutar på .docx."]);
    expect(await counts()).toEqual(before);
  });

  it("gives field messages for missing sender, description and a future date, together with file errors", async () => {
    const found = await createCase();
    const before = await counts();
    const error = await appError(
      addCaseDocument({
        actor: registrar,
        caseId: found.id,
        input: { direction: "INCOMING", documentDate: "2999-01-01", counterpart: " ", description: "" },
        files: [{ name: "x.pdf", bytes: sampleExe() }],
      }),
    );
    expect(error.fieldErrors).toMatchObject({
      counterpart: ["Ange avsändare."],
      description: ["Beskriv handlingen kort."],
      documentDate: ["Handlingens datum kan inte vara senare än i dag."],
      files: [expect.stringContaining("Filen är inte en PDF")],
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses fields the form does not have (number, case, creator)", async () => {
    const found = await createCase();
    const error = await appError(addCaseDocument({ actor: registrar, caseId: found.id, input: input({ number: 99, createdById: clas.id }) }));
    expect(error.code).toBe("VALIDATION");
  });
});

describe("authorization", () => {
  it("hides another committee's case from its registrar and changes nothing", async () => {
    const found = await createCase();
    const created = await addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "remiss.pdf", bytes: samplePdf("sos") }] });
    const file = await db.caseDocumentFile.findFirstOrThrow({ where: { documentId: created.id } });
    const before = await counts();
    expect((await appError(addCaseDocument({ actor: sosRegistrar, caseId: found.id, input: input(), files: [{ name: "x.pdf", bytes: samplePdf("x") }] }))).code).toBe("NOT_FOUND");
    expect((await appError(getCaseDocumentFile({ actor: sosRegistrar, fileId: file.id }))).code).toBe("NOT_FOUND");
    expect((await appError(listCaseDocuments({ actor: sosRegistrar, caseId: found.id }))).code).toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
  });

  it("hides another department's case from its handläggare and changes nothing", async () => {
    const found = await createCase();
    const created = await addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "remiss.pdf", bytes: samplePdf("ifo") }] });
    const file = await db.caseDocumentFile.findFirstOrThrow({ where: { documentId: created.id } });
    const before = await counts();
    expect((await appError(addCaseDocument({ actor: ifoOfficer, caseId: found.id, input: input() }))).code).toBe("NOT_FOUND");
    expect((await appError(getCaseDocumentFile({ actor: ifoOfficer, fileId: file.id }))).code).toBe("NOT_FOUND");
    expect(await counts()).toEqual(before);
  });

  it("lets the committee's chair read but not register handlingar", async () => {
    const found = await createCase();
    const before = await counts();
    const error = await appError(addCaseDocument({ actor: chair, caseId: found.id, input: input() }));
    expect(error.code).toBe("FORBIDDEN");
    expect(await counts()).toEqual(before);
  });

  it("answers an unknown or malformed case id and file id with NOT_FOUND", async () => {
    expect((await appError(addCaseDocument({ actor: registrar, caseId: "00000000-0000-7000-8000-999999999999", input: input() }))).code).toBe("NOT_FOUND");
    expect((await appError(addCaseDocument({ actor: registrar, caseId: "'; DROP TABLE case; --", input: input() }))).code).toBe("NOT_FOUND");
    expect((await appError(getCaseDocumentFile({ actor: registrar, fileId: "../../etc/passwd" }))).code).toBe("NOT_FOUND");
  });

  it("gives a confidential handling's description and files only to those who may read confidential content", async () => {
    const found = await createCase();
    const created = await addCaseDocument({
      actor: registrar,
      caseId: found.id,
      input: input({ description: "Uppgifter om en enskild", secrecyReference: "26 kap. 1 § OSL", secrecyReason: "Personliga förhållanden" }),
      files: [{ name: "enskild.txt", bytes: sampleText("enskilds uppgifter") }],
    });
    const file = await db.caseDocumentFile.findFirstOrThrow({ where: { documentId: created.id } });
    const asChair = await listCaseDocuments({ actor: chair, caseId: found.id });
    expect(asChair.documents[0]).toMatchObject({ description: null, counterpart: null, contentVisible: false, secrecyReference: "26 kap. 1 § OSL", files: [{ fileName: null }] });
    expect((await appError(getCaseDocumentFile({ actor: chair, fileId: file.id }))).code).toBe("NOT_FOUND");
    const asOfficer = await listCaseDocuments({ actor: clas, caseId: found.id });
    expect(asOfficer.documents[0]).toMatchObject({ description: "Uppgifter om en enskild", contentVisible: true });
    expect(new TextDecoder().decode((await getCaseDocumentFile({ actor: clas, fileId: file.id })).bytes)).toBe("enskilds uppgifter");
  });
});

describe("case state", () => {
  it.each([
    ["CLOSED", /avslutat/],
    ["MISREGISTERED", /felregistrerat/],
  ] as const)("refuses new handlingar in a %s case", async (status, message) => {
    const found = await createCase({ status });
    const before = await counts();
    const error = await appError(addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "sen.pdf", bytes: samplePdf("sen") }] }));
    expect(error.code).toBe("INVALID_STATE");
    expect(error.userMessage).toMatch(message);
    expect(await counts()).toEqual(before);
  });

  it("gives gap-free numbers 1..20 to twenty concurrent registrations", async () => {
    const found = await createCase();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => addCaseDocument({ actor: registrar, caseId: found.id, input: input({ description: `Handling ${i}` }) })),
    );
    const numbers = (await db.caseDocument.findMany({ where: { caseId: found.id }, select: { number: true } })).map((row) => row.number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(new Set(results.map((result) => result.documentNumber)).size).toBe(20);
    expect((await db.case.findUniqueOrThrow({ where: { id: found.id } })).lastDocumentNumber).toBe(20);
  });
});

describe("verified reads", () => {
  it("refuses to serve a blob whose bytes were changed in the database, and heals it on re-upload", async () => {
    const found = await createCase();
    const pdf = samplePdf("original");
    const created = await addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "original.pdf", bytes: pdf }] });
    const file = await db.caseDocumentFile.findFirstOrThrow({ where: { documentId: created.id } });
    expect(await readBlob(file.blobSha256)).toEqual(pdf);

    // The logger writes JSON lines to stdout.
    const logged = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    await db.$executeRaw`UPDATE blob SET data = ${Buffer.from(samplePdf("tampered"))} WHERE sha256 = ${file.blobSha256}`;
    await expect(readBlob(file.blobSha256)).rejects.toBeInstanceOf(BlobIntegrityError);
    await expect(getCaseDocumentFile({ actor: registrar, fileId: file.id })).rejects.toBeInstanceOf(BlobIntegrityError);
    expect(logged.mock.calls.flat().join("\n")).toContain(file.blobSha256);
    expect(logged.mock.calls.flat().join("\n")).not.toContain("tampered");

    await addCaseDocument({ actor: registrar, caseId: found.id, input: input(), files: [{ name: "igen.pdf", bytes: pdf }] });
    expect((await getCaseDocumentFile({ actor: registrar, fileId: file.id })).bytes).toEqual(pdf);
  });
});

describe("confidential text stays out of logs and the audit trail", () => {
  it("never writes a confidential description, reason or file name to the log or the händelselogg", async () => {
    const canary = `KANARIE-${crypto.randomUUID()}`;
    const output: string[] = [];
    const capture = (...args: unknown[]) => {
      output.push(args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg, (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value)))).join(" "));
    };
    for (const method of ["log", "info", "warn", "error", "debug"] as const) vi.spyOn(console, method).mockImplementation(capture);
    const write = (chunk: string | Uint8Array) => {
      output.push(typeof chunk === "string" ? chunk : new TextDecoder().decode(chunk));
      return true;
    };
    vi.spyOn(process.stdout, "write").mockImplementation(write);
    vi.spyOn(process.stderr, "write").mockImplementation(write);

    const found = await createCase();
    const confidential = input({ description: `Orosanmälan ${canary}`, secrecyReference: "26 kap. 1 § OSL", secrecyReason: `Skäl ${canary}` });
    const created = await addCaseDocument({ actor: registrar, caseId: found.id, input: confidential, files: [{ name: `${canary}.pdf`, bytes: samplePdf(canary) }] });
    // The failures too: a refused file, a refused actor, a closed case and a damaged blob.
    await appError(addCaseDocument({ actor: registrar, caseId: found.id, input: confidential, files: [{ name: `${canary}.pdf`, bytes: sampleExe() }] }));
    await appError(addCaseDocument({ actor: sosRegistrar, caseId: found.id, input: confidential }));
    const closed = await createCase({ status: "CLOSED" });
    await appError(addCaseDocument({ actor: registrar, caseId: closed.id, input: confidential }));
    await listCaseDocuments({ actor: chair, caseId: found.id });
    const file = await db.caseDocumentFile.findFirstOrThrow({ where: { documentId: created.id } });
    await db.$executeRaw`UPDATE blob SET data = ${Buffer.from(canary)} WHERE sha256 = ${file.blobSha256}`;
    await expect(getCaseDocumentFile({ actor: registrar, fileId: file.id })).rejects.toBeInstanceOf(BlobIntegrityError);
    vi.restoreAllMocks();

    expect(output.join("\n")).not.toContain(canary);
    expect(output.join("\n")).toContain("blob verification failed");
    const audit = await db.$queryRaw<{ text: string }[]>`SELECT string_agg(data::text || action || entity_id, '|') AS text FROM audit_event`;
    expect(audit[0]?.text).not.toContain(canary);
    expect(audit[0]?.text).toContain('"confidential": true');
  });
});
