// The HTTP edge of handlingar: POST /api/filer (same-origin, size limit before parsing,
// Swedish JSON errors) and GET /api/filer/{id} (authorization, attachment-only headers).
// The session is replaced by a chosen actor; everything behind it is real.
import { afterEach, describe, expect, it, vi } from "vitest";
import { sampleExe, samplePdf, samplePng } from "@/lib/file-type.samples";
import { loadActor, type Actor } from "@/server/auth/actor";
import { seedDemoData } from "../../scripts/seed/demo";
import { createTestDatabase } from "../support/database";

const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/server/auth", () => ({ getActor: async () => session.actor }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { POST } = await import("@/app/api/filer/route");
const { GET } = await import("@/app/api/filer/[fileId]/route");

const { db } = await createTestDatabase();
await seedDemoData({ nodeEnv: "test", force: false });

const actorFor = async (username: string): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { username } });
  return (await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 0 }))!;
};

const clas = await actorFor("clas.cederlid");
const registrar = await actorFor("registrator");
const sosUser = await db.user.create({ data: { username: "sos.registrator", name: "SÖS registrator" } });
await db.membership.create({ data: { userId: sosUser.id, role: "REGISTRAR", committeeId: "sos" } });
const sosRegistrar = await actorFor("sos.registrator");

await db.registrySeries.upsert({
  where: { committeeId: "has" },
  create: { id: "series-has", committeeId: "has", name: "Diarium HÄS", format: "{prefix} {year}/{seq}", prefix: "HÄS" },
  update: {},
});
const series = await db.registrySeries.findUniqueOrThrow({ where: { committeeId: "has" } });
const theCase = await db.case.create({
  data: {
    caseNumber: "HÄS 2098/1",
    seriesId: series.id,
    year: 2098,
    sequence: 1,
    title: "Ärende för filtester",
    kind: "LETTER",
    committeeId: "has",
    departmentId: "has-sos",
    caseOfficerId: clas.id,
    receivedDate: new Date("2024-02-12T00:00:00Z"),
    createdById: registrar.id,
  },
});

const ORIGIN = "http://localhost:3012";
const sameOrigin = { origin: ORIGIN, host: "localhost:3012", "sec-fetch-site": "same-origin" };

const form = (files: { name: string; bytes: Uint8Array; type?: string }[], fields: Record<string, string> = {}) => {
  const body = new FormData();
  const values = { caseId: theCase.id, direction: "INCOMING", documentDate: "2024-02-12", counterpart: "Kommunstyrelsen", description: "Remiss med bilaga", ...fields };
  for (const [key, value] of Object.entries(values)) body.set(key, value);
  for (const file of files) body.append("files", new File([new Uint8Array(file.bytes)], file.name, { type: file.type ?? "application/pdf" }));
  return body;
};

const post = (body: BodyInit, headers: Record<string, string> = sameOrigin) => POST(new Request(`${ORIGIN}/api/filer`, { method: "POST", body, headers }));

const download = (fileId: string) => GET(new Request(`${ORIGIN}/api/filer/${fileId}`), { params: Promise.resolve({ fileId }) });

const counts = async () => ({
  document: await db.caseDocument.count(),
  blob: await db.blob.count(),
  file: await db.caseDocumentFile.count(),
  audit: await db.auditEvent.count(),
});

afterEach(() => {
  session.actor = null;
});

describe("POST /api/filer", () => {
  it("registers a handling with its file and answers with its number", async () => {
    session.actor = registrar;
    const response = await post(form([{ name: "remiss från KS.pdf", bytes: samplePdf("route") }]));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ ok: true, data: { documentNumber: "HÄS 2098/1-1" } });
  });

  it("refuses a PNG named .pdf with a Swedish field message and stores nothing", async () => {
    session.actor = registrar;
    const before = await counts();
    const response = await post(form([{ name: "bild.pdf", bytes: samplePng() }]));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: "Kontrollera de markerade fälten.",
      fieldErrors: { files: ["bild.pdf: Filen är inte en PDF fast namnet slutar på .pdf."] },
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a body declared larger than 25 MB before reading it", async () => {
    session.actor = registrar;
    const before = await counts();
    const body = new ReadableStream<Uint8Array>({
      pull: () => {
        throw new Error("the body must not be read");
      },
    });
    const response = await POST(
      new Request(`${ORIGIN}/api/filer`, {
        method: "POST",
        body,
        headers: { ...sameOrigin, "content-type": "multipart/form-data; boundary=x", "content-length": String(26 * 1024 * 1024) },
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, fieldErrors: { files: ["Filen är för stor. Största tillåtna storlek är 25 MB."] } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a 26 MB upload sent without a usable Content-Length while reading it", async () => {
    session.actor = registrar;
    const before = await counts();
    const bytes = new Uint8Array(26 * 1024 * 1024).fill(0x61);
    const encoded = new Response(form([{ name: "stor.txt", bytes, type: "text/plain" }]));
    const response = await POST(
      new Request(`${ORIGIN}/api/filer`, {
        method: "POST",
        body: encoded.body,
        headers: { ...sameOrigin, "content-type": encoded.headers.get("content-type")! },
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("refuses a cross-site POST even with a valid session (CSRF)", async () => {
    session.actor = registrar;
    const before = await counts();
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example", host: "localhost:3012" },
      { origin: ORIGIN, host: "localhost:3012", "sec-fetch-site": "cross-site" },
      { host: "localhost:3012" },
    ];
    for (const headers of attempts) {
      const response = await post(form([{ name: "remiss.pdf", bytes: samplePdf("csrf") }]), headers);
      expect(response.status).toBe(403);
    }
    expect(await counts()).toEqual(before);
  });

  it("refuses an upload without a session", async () => {
    const response = await post(form([{ name: "remiss.pdf", bytes: samplePdf("anon") }]));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: expect.stringContaining("inte inloggad") });
  });

  it("answers another committee's registrar with 404 and stores nothing", async () => {
    session.actor = sosRegistrar;
    const before = await counts();
    const response = await post(form([{ name: "remiss.pdf", bytes: samplePdf("sos") }]));
    expect(response.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe("GET /api/filer/{id}", () => {
  const uploadAsRegistrar = async (name: string, bytes: Uint8Array) => {
    session.actor = registrar;
    const response = await post(form([{ name, bytes }]));
    expect(response.status).toBe(201);
    const { data } = (await response.json()) as { data: { id: string } };
    return db.caseDocumentFile.findFirstOrThrow({ where: { documentId: data.id } });
  };

  it("sends the exact bytes as an attachment that the browser must not sniff or render", async () => {
    const pdf = samplePdf("ladda ner");
    const file = await uploadAsRegistrar("Yttrande Älvsjö.pdf", pdf);
    session.actor = clas;
    const response = await download(file.id);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pdf);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="Yttrande Alvsjo.pdf"; filename*=UTF-8''Yttrande%20%C3%84lvsj%C3%B6.pdf`,
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
      "content-security-policy": "sandbox",
    });
  });

  it("answers another committee's registrar and a visitor without session with no bytes", async () => {
    const file = await uploadAsRegistrar("hemlig.pdf", samplePdf("cross"));
    session.actor = sosRegistrar;
    const crossUnit = await download(file.id);
    expect(crossUnit.status).toBe(404);
    expect(await crossUnit.text()).not.toContain("%PDF");
    session.actor = null;
    expect((await download(file.id)).status).toBe(401);
  });

  it("answers an unknown id with 404", async () => {
    session.actor = registrar;
    expect((await download("00000000-0000-7000-8000-999999999999")).status).toBe(404);
    expect((await download("not-a-uuid")).status).toBe(404);
  });

  it("refuses to send a damaged file", async () => {
    const file = await uploadAsRegistrar("skadad.pdf", samplePdf("skadad"));
    await db.$executeRaw`UPDATE blob SET data = ${Buffer.from(sampleExe())} WHERE sha256 = ${file.blobSha256}`;
    session.actor = registrar;
    // Silences the logger's line about the damaged file (JSON on stdout).
    const spy = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const response = await download(file.id);
    spy.mockRestore();
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Filen är skadad och kan inte hämtas. Kontakta registrator.");
  });
});
