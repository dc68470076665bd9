// Medhandläggare in the browser: the registrator adds a second handläggare on the case page;
// she signs in, finds the case among her own on the start page, writes a section of the
// tjänsteutlåtande and sees both handläggare in its header and preview; sending it for
// attestation stays with the responsible handläggare.
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import type pg from "pg";
import { login } from "./support/auth";
import { createStatement, field, registerSimpleCase } from "./support/cases";
import { connectE2eDatabase } from "./support/database";

const RUN = randomBytes(3).toString("hex");
const CO_OFFICER = { username: `medhandlaggare.${RUN}`, name: `Eva Medhandläggare ${RUN}` };

let db: pg.Client;

test.beforeAll(async () => {
  db = await connectE2eDatabase();
  // A handläggare of another avdelning of the förvaltning, with the demo password.
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO app_user (id, username, name, password_hash, updated_at)
     SELECT gen_random_uuid(), $1, $2, password_hash, now() FROM app_user WHERE username = 'clas.cederlid' RETURNING id::text`,
    [CO_OFFICER.username, CO_OFFICER.name],
  );
  await db.query(`INSERT INTO membership (id, user_id, role, department_id, updated_at) VALUES (gen_random_uuid(), $1, 'CASE_OFFICER', 'has-ifo', now())`, [rows[0]!.id]);
});

test.afterAll(async () => {
  await db?.end();
});

test("a medhandläggare added on the case page writes the statement and is named in its header, but cannot send it", async ({ browser }) => {
  test.setTimeout(180_000);
  const title = `Skrivelse om skolvägar ${RUN}`;

  const registrarContext = await browser.newContext();
  const registrar = await registrarContext.newPage();
  await login(registrar, "registrator");
  const caseId = await registerSimpleCase(registrar, title);
  const coOfficers = registrar.getByRole("region", { name: "Medhandläggare" });
  await expect(coOfficers).toContainText("Ärendet har inga medhandläggare.");
  await field(registrar, "Ny medhandläggare").selectOption({ label: CO_OFFICER.name });
  await coOfficers.getByRole("button", { name: "Lägg till medhandläggare" }).click();
  await expect(registrar.getByTestId("co-officers")).toContainText(CO_OFFICER.name);
  await expect(registrar.getByText(`Johan Ek lade till ${CO_OFFICER.name} som medhandläggare`)).toBeVisible();
  await registrarContext.close();

  const clasContext = await browser.newContext();
  const clas = await clasContext.newPage();
  await login(clas, "clas.cederlid");
  await createStatement(clas, caseId);
  await clasContext.close();

  const coContext = await browser.newContext();
  const co = await coContext.newPage();
  await login(co, CO_OFFICER.username);
  const myCases = co.getByTestId("my-cases");
  await expect(myCases.getByRole("row", { name: new RegExp(title) })).toContainText("Medhandläggare");
  await co.goto(`/arenden/${caseId}/tjansteutlatande`);
  await expect(co.getByTestId("section-header")).toContainText(CO_OFFICER.name);
  const words = `Medhandläggaren skriver ${RUN}.`;
  await co.getByTestId("editor-sammanfattning").click();
  await co.keyboard.press("Control+End");
  await co.keyboard.press("Enter");
  await co.keyboard.type(words);
  await expect(co.getByTestId("status-sammanfattning")).toContainText("Sparat", { timeout: 30_000 });

  await co.goto(`/arenden/${caseId}/tjansteutlatande/forhandsgranska`);
  const preview = co.getByTestId("document-view");
  await expect(preview).toContainText(words);
  await expect(preview).toContainText("Clas Cederlid");
  await expect(preview).toContainText(CO_OFFICER.name);

  await co.goto(`/arenden/${caseId}/attestering`);
  await expect(co.getByRole("button", { name: "Skicka på attestering" })).toHaveCount(0);
  await coContext.close();
});
