"use client";
import {
  createAdministrationAction,
  createCommitteeAction,
  createDepartmentAction,
  renameAdministrationAction,
  renameDepartmentAction,
  updateCommitteeAction,
} from "../actions";
import { ActionForm, Hidden, SelectField, TextField, type SelectOption } from "./form-kit";

const SMALL_BUTTON = "rounded border border-brand-700 px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-60";

export const CreateCommitteeForm = () => (
  <ActionForm action={createCommitteeAction} submitLabel="Lägg till nämnd" successMessage="Nämnden är tillagd." labels={{ name: "Namn", shortName: "Förkortning" }} className="grid gap-4 sm:grid-cols-[2fr_1fr] sm:items-start">
    <TextField name="name" label="Namn" required maxLength={200} />
    <TextField name="shortName" label="Förkortning" required maxLength={20} hint="T.ex. HÄS eller KS." />
  </ActionForm>
);

export const EditCommitteeForm = ({ committee }: { committee: { id: string; name: string; shortName: string; updatedAt: string } }) => (
  <ActionForm
    action={updateCommitteeAction}
    submitLabel="Spara"
    successMessage="Sparat."
    ariaLabel={`Ändra ${committee.name}`}
    labels={{ name: "Namn", shortName: "Förkortning" }}
    submitClassName={SMALL_BUTTON}
    className="grid gap-2 sm:grid-cols-[2fr_1fr_auto] sm:items-end"
  >
    <Hidden name="id" value={committee.id} />
    <Hidden name="updatedAt" value={committee.updatedAt} />
    <TextField name="name" label="Namn" defaultValue={committee.name} maxLength={200} />
    <TextField name="shortName" label="Förkortning" defaultValue={committee.shortName} maxLength={20} />
  </ActionForm>
);

export const CreateAdministrationForm = ({ committees }: { committees: SelectOption[] }) => (
  <ActionForm action={createAdministrationAction} submitLabel="Lägg till förvaltning" successMessage="Förvaltningen är tillagd." labels={{ name: "Namn", committeeId: "Nämnd" }} className="grid gap-4 sm:grid-cols-2 sm:items-start">
    <TextField name="name" label="Namn" required maxLength={200} />
    <SelectField name="committeeId" label="Arbetar åt nämnd" options={committees} required hint="Kan inte ändras efteråt." />
  </ActionForm>
);

export const CreateDepartmentForm = ({ administrations }: { administrations: SelectOption[] }) => (
  <ActionForm action={createDepartmentAction} submitLabel="Lägg till avdelning" successMessage="Avdelningen är tillagd." labels={{ name: "Namn", administrationId: "Förvaltning" }} className="grid gap-4 sm:grid-cols-2 sm:items-start">
    <TextField name="name" label="Namn" required maxLength={200} />
    <SelectField name="administrationId" label="Förvaltning" options={administrations} required hint="Kan inte ändras efteråt." />
  </ActionForm>
);

export const RenameUnitForm = ({ kind, unit }: { kind: "administration" | "department"; unit: { id: string; name: string; updatedAt: string } }) => (
  <ActionForm
    action={kind === "administration" ? renameAdministrationAction : renameDepartmentAction}
    submitLabel="Byt namn"
    successMessage="Sparat."
    ariaLabel={`Byt namn på ${unit.name}`}
    labels={{ name: "Namn" }}
    submitClassName={SMALL_BUTTON}
    className="flex flex-wrap items-end gap-2"
  >
    <Hidden name="id" value={unit.id} />
    <Hidden name="updatedAt" value={unit.updatedAt} />
    <TextField name="name" label="Namn" defaultValue={unit.name} maxLength={200} className="min-w-64 flex-1" />
  </ActionForm>
);
