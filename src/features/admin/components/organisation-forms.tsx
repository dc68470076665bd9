"use client";
import {
  createAdministrationAction,
  createCommitteeAction,
  createDepartmentAction,
  renameAdministrationAction,
  renameDepartmentAction,
  updateCommitteeAction,
} from "../actions";
import { ActionForm, Hidden, SelectField, Field, type SelectOption } from "@/components/form";

export const CreateCommitteeForm = () => (
  <ActionForm action={createCommitteeAction} submitLabel="Lägg till nämnd" successMessage="Nämnden är tillagd." labels={{ name: "Namn", shortName: "Förkortning" }} fieldsClassName="grid gap-4 sm:grid-cols-[2fr_1fr] sm:items-start">
    <Field name="name" label="Namn" required maxLength={200} />
    <Field name="shortName" label="Förkortning" required maxLength={20} hint="T.ex. HÄS eller KS." />
  </ActionForm>
);

export const EditCommitteeForm = ({ committee }: { committee: { id: string; name: string; shortName: string; updatedAt: string } }) => (
  <ActionForm
    action={updateCommitteeAction}
    submitLabel="Spara"
    successMessage="Sparat."
    ariaLabel={`Ändra ${committee.name}`}
    labels={{ name: "Namn", shortName: "Förkortning" }}
    variant="secondary"
    fieldsClassName="grid gap-2 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
  >
    <Hidden name="id" value={committee.id} />
    <Hidden name="updatedAt" value={committee.updatedAt} />
    <Field name="name" label="Namn" defaultValue={committee.name} maxLength={200} />
    <Field name="shortName" label="Förkortning" defaultValue={committee.shortName} maxLength={20} />
  </ActionForm>
);

export const CreateAdministrationForm = ({ committees }: { committees: SelectOption[] }) => (
  <ActionForm action={createAdministrationAction} submitLabel="Lägg till förvaltning" successMessage="Förvaltningen är tillagd." labels={{ name: "Namn", committeeId: "Nämnd" }} fieldsClassName="grid gap-4 sm:grid-cols-2 sm:items-start">
    <Field name="name" label="Namn" required maxLength={200} />
    <SelectField placeholder="Välj …" name="committeeId" label="Arbetar åt nämnd" options={committees} required hint="Kan inte ändras efteråt." />
  </ActionForm>
);

export const CreateDepartmentForm = ({ administrations }: { administrations: SelectOption[] }) => (
  <ActionForm action={createDepartmentAction} submitLabel="Lägg till avdelning" successMessage="Avdelningen är tillagd." labels={{ name: "Namn", administrationId: "Förvaltning" }} fieldsClassName="grid gap-4 sm:grid-cols-2 sm:items-start">
    <Field name="name" label="Namn" required maxLength={200} />
    <SelectField placeholder="Välj …" name="administrationId" label="Förvaltning" options={administrations} required hint="Kan inte ändras efteråt." />
  </ActionForm>
);

export const RenameUnitForm = ({ kind, unit }: { kind: "administration" | "department"; unit: { id: string; name: string; updatedAt: string } }) => (
  <ActionForm
    action={kind === "administration" ? renameAdministrationAction : renameDepartmentAction}
    submitLabel="Byt namn"
    successMessage="Sparat."
    ariaLabel={`Byt namn på ${unit.name}`}
    labels={{ name: "Namn" }}
    variant="secondary"
    fieldsClassName="flex flex-wrap items-end gap-2"
  >
    <Hidden name="id" value={unit.id} />
    <Hidden name="updatedAt" value={unit.updatedAt} />
    <Field name="name" label="Namn" defaultValue={unit.name} maxLength={200} className="min-w-64 flex-1" />
  </ActionForm>
);
