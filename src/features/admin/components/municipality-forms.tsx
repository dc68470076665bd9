"use client";
import { createMunicipalityAction, updateMunicipalityAction } from "../actions";
import type { CreatedMunicipality } from "../server/municipality-service";
import { ActionForm, CheckboxField, Field, FieldFrame, FieldGroup, Hidden, inputClass, SelectField } from "@/components/form";

const LABELS = {
  name: "Kommunens namn",
  slug: "Kortnamn i webbadresser",
  publicUrl: "Kommunens webbplats",
  logo: "Logotyp",
  adminKind: "Administratör",
  adminUsername: "Administratörens användarnamn",
  adminName: "Administratörens namn",
  adminEmail: "Administratörens e-post",
};

const LOGO_HINT = "PNG eller SVG, högst 500 kB. Visas på kommunens offentliga sidor.";

const LogoField = ({ label }: { label: string }) => (
  <FieldFrame name="logo" label={label} hint={LOGO_HINT}>
    {(control) => <input {...control} type="file" accept=".png,.svg,image/png,image/svg+xml" className={inputClass} />}
  </FieldFrame>
);

const PublicUrlField = ({ defaultValue }: { defaultValue?: string | null }) => (
  <Field name="publicUrl" label="Kommunens webbplats" defaultValue={defaultValue} maxLength={500} hint="T.ex. https://www.exempelby.se – länkas från de offentliga sidorna." />
);

/** The one-time password is in this answer only: it is never stored in clear and cannot be shown again. */
const Created = ({ data }: { data: CreatedMunicipality }) => (
  <>
    {data.name} är skapad med de offentliga sidorna på /{data.slug}/offentligt.{" "}
    {data.admin.oneTimePassword ? (
      <>
        Administratören {data.admin.name} loggar in med användarnamnet <strong>{data.admin.username}</strong> och engångslösenordet{" "}
        <code className="rounded bg-slate-100 px-1 font-mono text-base" data-testid="one-time-password">
          {data.admin.oneTimePassword}
        </code>
        . Lösenordet visas bara nu: lämna det till administratören på ett säkert sätt. Det gäller tills administratören har valt ett eget vid den första inloggningen.
      </>
    ) : (
      <>
        {data.admin.name} ({data.admin.username}) är administratör för kommunen.
      </>
    )}
  </>
);

export const CreateMunicipalityForm = () => (
  <ActionForm action={createMunicipalityAction} submitLabel="Skapa kommun" labels={LABELS} successMessage={(data: CreatedMunicipality) => <Created data={data} />} fieldsClassName="grid gap-4 sm:grid-cols-2 sm:items-start">
    <Field name="name" label="Kommunens namn" required maxLength={200} hint="T.ex. Exempelby kommun." />
    <Field name="slug" label="Kortnamn i webbadresser" required maxLength={40} autoCapitalize="none" spellCheck={false} hint="Små bokstäver a–z, siffror och bindestreck, t.ex. exempelby. Kan inte ändras senare." />
    <PublicUrlField />
    <LogoField label="Logotyp" />
    <FieldGroup name="admin" legend="Kommunens första administratör" className="space-y-4 sm:col-span-2">
      <SelectField
        name="adminKind"
        label="Administratör"
        defaultValue="NEW"
        options={[
          { value: "NEW", label: "En ny användare (får ett engångslösenord)" },
          { value: "EXISTING", label: "En befintlig användare" },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="adminUsername" label="Användarnamn" required maxLength={64} autoComplete="off" autoCapitalize="none" spellCheck={false} hint="Små bokstäver, t.ex. fornamn.efternamn." />
        <Field name="adminName" label="Namn" maxLength={200} autoComplete="off" hint="För en ny användare." />
        <Field name="adminEmail" label="E-post" type="email" maxLength={320} autoComplete="off" hint="För en ny användare." />
      </div>
    </FieldGroup>
  </ActionForm>
);

export type MunicipalitySettingsProps = { id: string; name: string; publicUrl: string | null; hasLogo: boolean; updatedAt: string };

export const MunicipalitySettingsForm = ({ municipality }: { municipality: MunicipalitySettingsProps }) => (
  <ActionForm action={updateMunicipalityAction} submitLabel="Spara inställningarna" successMessage="Inställningarna är sparade." labels={LABELS} refresh fieldsClassName="grid max-w-2xl gap-4">
    <Hidden name="municipalityId" value={municipality.id} />
    <Hidden name="updatedAt" value={municipality.updatedAt} />
    <Field name="name" label="Kommunens namn" required defaultValue={municipality.name} maxLength={200} />
    <PublicUrlField defaultValue={municipality.publicUrl} />
    <LogoField label={municipality.hasLogo ? "Ny logotyp" : "Logotyp"} />
    {municipality.hasLogo ? <CheckboxField name="removeLogo" label="Ta bort logotypen" /> : null}
  </ActionForm>
);
