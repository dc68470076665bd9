// The e-mail outbox (/admin/utkorg) is scoped like the other admin pages: a municipality's
// administrators read their own municipality's mail, nobody else reads any.
import { describe, expect, it } from "vitest";
import { sendStatementForAttestation } from "@/features/attestation/server/attestation-service";
import { createUser } from "@/features/admin/server/user-service";
import { listOutbox } from "@/features/notifications/server/outbox-queries";
import { createTestDatabase } from "../support/database";
import { actorFor, createSecondMunicipality, expectAppError } from "./admin-fixtures";
import { createCaseWithStatement, seedOrganisation } from "./attestation-fixtures";
import { ZCreateUserSchema } from "@/features/admin/schemas";
import { parseInput } from "@/server/validation";

const { db } = await createTestDatabase();
await seedOrganisation();
const { adminUsername: gbgAdminUsername } = await createSecondMunicipality(db);
// An ADMIN role held in a department (not the municipality) administers nothing.
await createUser({
  actorId: null,
  input: parseInput(ZCreateUserSchema, { username: "avdelning.admin", name: "Avdelningens administratör", password: "lösenord-som-är-långt" }),
  memberships: [{ role: "ADMIN", unit: { departmentId: "has-sos" } }],
});

// Stockholm's mail is written by a real service: sending a statement for attestation.
const { caseId } = await createCaseWithStatement(db);
const [linda, lee] = await Promise.all(["linda.palo", "lee.orberson"].map(async (username) => (await db.user.findUniqueOrThrow({ where: { username } })).id));
await sendStatementForAttestation({ actor: await actorFor(db, "clas.cederlid"), input: { caseId, order: "SEQUENTIAL", attesterIds: [linda!, lee!], versionNumber: 1 } });
const gbgMail = await db.mailMessage.create({ data: { municipalityId: "goteborg", toAddress: "ledamot@goteborg.example", subject: "Kallelse: Kommunstyrelsen i Göteborg", text: "Göteborgs föredragningslista" } });

describe("the e-mail outbox", () => {
  it("files a service's mail under the municipality of the case it is about", async () => {
    const mails = await db.mailMessage.findMany({ where: { text: { contains: caseId } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.municipalityId).toBe("stockholm");
  });

  it("shows a municipality's admin that municipality's mail and no other", async () => {
    const stockholm = await listOutbox(await actorFor(db, "admin"));
    expect(stockholm.some((mail) => mail.text.includes(caseId))).toBe(true);
    expect(stockholm.map((mail) => mail.id)).not.toContain(gbgMail.id);

    const goteborg = await listOutbox(await actorFor(db, gbgAdminUsername));
    expect(goteborg.map((mail) => mail.id)).toEqual([gbgMail.id]);
  });

  it("refuses an ADMIN role held in a department, and users without ADMIN", async () => {
    await expectAppError(listOutbox(await actorFor(db, "avdelning.admin")), "FORBIDDEN");
    await expectAppError(listOutbox(await actorFor(db, "clas.cederlid")), "FORBIDDEN");
  });
});
