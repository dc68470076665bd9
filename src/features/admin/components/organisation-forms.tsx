"use client";
import {
  createAdministrationAction,
  createCommitteeAction,
  createDepartmentAction,
  renameAdministrationAction,
  renameDepartmentAction,
  updateCommitteeAction,
} from "../actions";
import { ActionForm, CheckboxField, Hidden, SelectField, Field, type SelectOption } from "@/components/form";
import type { CommitteeKind, OpeningItem } from "@/generated/prisma/enums";
import { COMMITTEE_KIND_LABELS, COMMITTEE_KINDS, OPENING_ITEM_LABELS, OPENING_ITEMS } from "../committees";

const KIND_OPTIONS: SelectOption[] = COMMITTEE_KINDS.map((kind) => ({ value: kind, label: COMMITTEE_KIND_LABELS[kind] }));
const OPENING_OPTIONS: SelectOption[] = OPENING_ITEMS.map((item) => ({ value: item, label: OPENING_ITEM_LABELS[item] }));
const openingLabel = (index: number): string => `Inledande punkt ${index + 1}`;

const COMMITTEE_LABELS = {
  name: "Namn",
  shortName: "Förkortning",
  kind: "Typ",
  parentId: "Hör till",
  preparedBy: "Bereds av",
  publicMeetings: "Offentliga sammanträden",
  minutesKeptAt: "Förvaringsplats för protokoll",
  ...Object.fromEntries(OPENING_ITEMS.map((_, index) => [`openingItems.${index}`, openingLabel(index)])),
};

const PARENT_HINT = "Bara för utskott och beredningar, t.ex. kommunstyrelsens arbetsutskott.";

export const CreateCommitteeForm = ({ parents }: { parents: SelectOption[] }) => (
  <ActionForm action={createCommitteeAction} submitLabel="Lägg till nämnd" successMessage="Nämnden är tillagd." labels={COMMITTEE_LABELS} fieldsClassName="grid gap-4 sm:grid-cols-2 sm:items-start">
    <Field name="name" label="Namn" required maxLength={200} />
    <Field name="shortName" label="Förkortning" required maxLength={20} hint="T.ex. HÄS eller KS." />
    <SelectField placeholder="Välj …" name="kind" label="Typ" options={KIND_OPTIONS} required />
    <SelectField placeholder="Ingen" name="parentId" label="Hör till" options={parents} hint={PARENT_HINT} />
    <SelectField
      placeholder="Välj …"
      name="preparedBy"
      label="Bereds av"
      required
      options={[
        { value: "OWN_KANSLI", label: "Eget kansli (skapas nu med avdelningen Kansliet)" },
        { value: "ADMINISTRATION", label: "En förvaltning (läggs till under Förvaltningar)" },
      ]}
      hint="Kommunfullmäktige och kommunstyrelsen har ofta ett eget kansli som registrerar och handlägger ärenden."
    />
  </ActionForm>
);

type EditableCommittee = {
  id: string;
  name: string;
  shortName: string;
  kind: CommitteeKind;
  parentId: string | null;
  publicMeetings: boolean;
  minutesKeptAt: string | null;
  openingItems: OpeningItem[];
  updatedAt: string;
};

/** One choice per place, so the order is chosen without dragging: "Inledande punkt 1" … ("Ingen" leaves a place empty). */
const OpeningItemsFields = ({ committee }: { committee: EditableCommittee }) => (
  <fieldset className="sm:col-span-2 lg:col-span-4" aria-describedby={`opening-hint-${committee.id}`}>
    <legend className="font-medium">Standardpunkter i början av föredragningslistan</legend>
    <p id={`opening-hint-${committee.id}`} className="text-sm text-slate-600">
      Nya sammanträden börjar med dessa punkter i den här ordningen, före ärendena. Välj Ingen för att inte använda en punkt.
    </p>
    <div className="grid gap-2 sm:grid-cols-3">
      {OPENING_ITEMS.map((_, index) => (
        <SelectField
          key={index}
          name={`openingItems.${index}`}
          label={openingLabel(index)}
          placeholder="Ingen"
          options={OPENING_OPTIONS}
          defaultValue={committee.openingItems[index] ?? ""}
        />
      ))}
    </div>
  </fieldset>
);

export const EditCommitteeForm = ({ committee, parents }: { committee: EditableCommittee; parents: SelectOption[] }) => (
  <ActionForm
    action={updateCommitteeAction}
    submitLabel="Spara"
    successMessage="Sparat."
    ariaLabel={`Ändra ${committee.name}`}
    labels={COMMITTEE_LABELS}
    variant="secondary"
    fieldsClassName="grid gap-2 sm:grid-cols-2 lg:grid-cols-4 sm:items-end"
  >
    <Hidden name="id" value={committee.id} />
    <Hidden name="updatedAt" value={committee.updatedAt} />
    <Field name="name" label="Namn" defaultValue={committee.name} maxLength={200} />
    <Field name="shortName" label="Förkortning" defaultValue={committee.shortName} maxLength={20} />
    <SelectField name="kind" label="Typ" options={KIND_OPTIONS} defaultValue={committee.kind} />
    <SelectField placeholder="Ingen" name="parentId" label="Hör till" options={parents.filter((parent) => parent.value !== committee.id)} defaultValue={committee.parentId ?? ""} />
    <Field
      name="minutesKeptAt"
      label="Förvaringsplats för protokoll"
      defaultValue={committee.minutesKeptAt ?? ""}
      maxLength={200}
      hint="Står på anslagstavlan. Tomt: förvaltningen eller kansliet som bereder nämndens ärenden."
    />
    <CheckboxField
      name="publicMeetings"
      label="Offentliga sammanträden"
      defaultChecked={committee.publicMeetings}
      hint="Kungörs på anslagstavlan. Kommunfullmäktiges sammanträden kungörs alltid."
    />
    <OpeningItemsFields committee={committee} />
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
