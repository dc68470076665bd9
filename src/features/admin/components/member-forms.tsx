"use client";
// Forms of a committee's member page: add a member, change one, end a term, and import a new
// term from CSV (preview with every row's problems first, then all rows in one go).
import { useState, type ChangeEvent } from "react";
import { ActionForm, DateField, Field, Hidden, SelectField, type SelectOption } from "@/components/form";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import type { MemberRole } from "@/generated/prisma/enums";
import { createMemberAction, endMemberTermAction, importMembersAction, previewMemberImportAction, updateMemberAction } from "../actions";
import { MEMBER_ROLE_LABELS } from "../committees";
import type { MemberImportPreview } from "../server/member-service";

const ROLE_OPTIONS: SelectOption[] = (Object.keys(MEMBER_ROLE_LABELS) as MemberRole[]).map((role) => ({ value: role, label: MEMBER_ROLE_LABELS[role] }));

const MEMBER_LABELS = { name: "Namn", party: "Parti", role: "Roll", termStart: "Från", termEnd: "Till", email: "E-post", phone: "Telefon", username: "Användarnamn för inloggning" };

const USER_HINT = "Bara för den som loggar in i Yttra, t.ex. ordförande och justerare: kontots användarnamn, som i importfilen. Rätten att justera ges som roll under Användare.";

export type EditableMember = {
  id: string;
  name: string;
  party: string | null;
  role: MemberRole;
  termStart: string;
  termEnd: string | null;
  email: string | null;
  phone: string | null;
  /** The linked account's username, or null. */
  username: string | null;
  updatedAt: string;
};

const MemberFields = ({ member }: { member?: EditableMember }) => (
  <>
    <Field name="name" label="Namn" required maxLength={200} defaultValue={member?.name} />
    <Field name="party" label="Parti" maxLength={50} defaultValue={member?.party} hint="T.ex. S, M, V." />
    <SelectField placeholder="Välj …" name="role" label="Roll" options={ROLE_OPTIONS} required defaultValue={member?.role} />
    <DateField name="termStart" label="Från" required defaultValue={member?.termStart} />
    <DateField name="termEnd" label="Till" defaultValue={member?.termEnd} hint="Tomt: tills vidare." />
    <Field name="email" label="E-post" type="email" maxLength={320} defaultValue={member?.email} hint="För kallelse." />
    <Field name="phone" label="Telefon" type="tel" maxLength={50} defaultValue={member?.phone} />
    <Field name="username" label="Användarnamn för inloggning" maxLength={64} autoComplete="off" defaultValue={member?.username} hint={USER_HINT} />
  </>
);

const GRID = "grid gap-4 sm:grid-cols-2 lg:grid-cols-4 sm:items-start";

export const CreateMemberForm = ({ committeeId }: { committeeId: string }) => (
  <ActionForm action={createMemberAction} submitLabel="Lägg till ledamot" successMessage="Ledamoten är tillagd." labels={MEMBER_LABELS} fieldsClassName={GRID}>
    <Hidden name="committeeId" value={committeeId} />
    <MemberFields />
  </ActionForm>
);

export const EditMemberForm = ({ member }: { member: EditableMember }) => (
  <details>
    <summary className="cursor-pointer font-semibold text-brand-700 underline">
      Ändra<span className="sr-only"> {member.name}</span>
    </summary>
    <div className="mt-3">
      <ActionForm action={updateMemberAction} submitLabel="Spara" successMessage="Sparat." ariaLabel={`Ändra ${member.name}`} labels={MEMBER_LABELS} variant="secondary" fieldsClassName="grid gap-3 sm:grid-cols-2">
        <Hidden name="id" value={member.id} />
        <Hidden name="updatedAt" value={member.updatedAt} />
        <MemberFields member={member} />
      </ActionForm>
    </div>
  </details>
);

export const EndTermForm = ({ member, today }: { member: EditableMember; today: string }) => (
  <ActionForm
    action={endMemberTermAction}
    submitLabel="Avsluta uppdraget"
    successMessage="Uppdraget är avslutat."
    ariaLabel={`Avsluta uppdraget för ${member.name}`}
    labels={{ termEnd: "Sista dag" }}
    variant="secondary"
    fieldsClassName="flex flex-wrap items-end gap-2"
  >
    <Hidden name="id" value={member.id} />
    <Hidden name="updatedAt" value={member.updatedAt} />
    <DateField name="termEnd" label="Sista dag" defaultValue={member.termEnd ?? today} />
  </ActionForm>
);

const PreviewTable = ({ preview }: { preview: MemberImportPreview }) => (
  <DataTable caption="Förhandsgranskning av importen" captionVisible columns={["Rad", "Namn", "Parti", "Roll", "Mandatperiod", "Användarkonto", "Fel"]} testId="member-import-preview">
    {preview.rows.map((row) => (
      <tr key={row.line} className={ROW}>
        <td className={CELL}>{row.line}</td>
        <RowHeaderCell>{row.name || "–"}</RowHeaderCell>
        <td className={CELL}>{row.party ?? ""}</td>
        <td className={CELL}>{row.role ? MEMBER_ROLE_LABELS[row.role] : ""}</td>
        <td className={CELL}>{row.term}</td>
        <td className={CELL}>{row.linkedUser ?? ""}</td>
        <td className={`${CELL} text-red-800`}>{row.errors.length > 0 ? row.errors.join(" ") : <span className="text-green-800">OK</span>}</td>
      </tr>
    ))}
  </DataTable>
);

export const MemberImport = ({ committeeId }: { committeeId: string }) => {
  const [csv, setCsv] = useState("");
  // Bumped when the text is replaced from outside (a file read, an import done): the text field starts again from `csv`.
  const [loaded, setLoaded] = useState(0);
  const replaceText = (text: string) => {
    setCsv(text);
    setLoaded((count) => count + 1);
  };
  const [preview, setPreview] = useState<{ csv: string; result: MemberImportPreview } | null>(null);
  // The text field is what is sent, so a pasted list works as well as a chosen file.
  const readFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) replaceText(await file.text());
  };
  return (
    <div className="space-y-4">
      <div>
        <label htmlFor="member-csv-file" className="font-medium">
          CSV-fil
        </label>
        <input id="member-csv-file" type="file" accept=".csv,text/csv,text/plain" onChange={readFile} className="mt-1 block" />
      </div>
      <ActionForm
        action={previewMemberImportAction}
        submitLabel="Förhandsgranska"
        pendingLabel="Läser …"
        labels={{ csv: "Innehåll" }}
        onSuccess={(result) => setPreview({ csv, result })}
        successMessage={(result) => (result.valid ? `${result.rows.length} rader kan importeras.` : "Filen har fel. Ingenting importeras förrän alla rader är rätt.")}
      >
        <Hidden name="committeeId" value={committeeId} />
        <Field
          key={loaded}
          name="csv"
          label="Innehåll"
          rows={8}
          defaultValue={csv}
          onValueChange={setCsv}
          required
          hint="En rubrikrad och en rad per ledamot, semikolon- eller kommaseparerat: namn;parti;roll;från;till;e-post;telefon;användarnamn. Roll: ordförande, vice ordförande, ledamot eller ersättare. Datum som ÅÅÅÅ-MM-DD."
        />
      </ActionForm>
      {preview ? (
        <div className="space-y-3">
          {preview.result.fileErrors.length > 0 ? (
            <ul className="list-disc pl-6 text-red-800">
              {preview.result.fileErrors.map((error) => (
                <li key={error}>{error}</li>
              ))}
            </ul>
          ) : null}
          {preview.result.rows.length > 0 ? <PreviewTable preview={preview.result} /> : null}
          {preview.result.valid ? (
            <ActionForm
              action={importMembersAction}
              submitLabel={`Importera ${preview.result.rows.length} ledamöter och ersättare`}
              pendingLabel="Importerar …"
              onSuccess={() => {
                setPreview(null);
                replaceText("");
              }}
              successMessage={(result) => `${result.count} ledamöter och ersättare är importerade.`}
              labels={{ csv: "Innehåll" }}
            >
              <Hidden name="committeeId" value={committeeId} />
              <Hidden name="csv" value={preview.csv} />
            </ActionForm>
          ) : null}
        </div>
      ) : null}
    </div>
  );
};
