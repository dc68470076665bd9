"use client";
import { createClassificationAction, updateClassificationAction } from "../actions";
import { ActionForm, CheckboxField, Hidden, Field } from "@/components/form";

const LABELS = { code: "Kod", title: "Rubrik", active: "Aktiv" };

export const CreateClassificationForm = () => (
  <ActionForm action={createClassificationAction} submitLabel="Lägg till klass" successMessage="Klassen är tillagd." labels={LABELS} fieldsClassName="grid gap-4 sm:grid-cols-[1fr_3fr] sm:items-start">
    <Field name="code" label="Kod" required maxLength={30} hint="T.ex. 1.5.1 – siffror med punkter, högst fem nivåer." />
    <Field name="title" label="Rubrik" required maxLength={300} />
  </ActionForm>
);

export const EditClassificationForm = ({ classification }: { classification: { id: string; code: string; title: string; active: boolean; updatedAt: string } }) => (
  <ActionForm
    action={updateClassificationAction}
    submitLabel="Spara"
    successMessage="Sparat."
    labels={LABELS}
    ariaLabel={`Ändra klass ${classification.code}`}
    variant="secondary"
    fieldsClassName="flex flex-wrap items-end gap-3"
  >
    <Hidden name="id" value={classification.id} />
    <Hidden name="updatedAt" value={classification.updatedAt} />
    <Field name="title" label={`Rubrik för ${classification.code}`} defaultValue={classification.title} maxLength={300} className="min-w-72 flex-1" />
    <CheckboxField name="active" label="Aktiv" defaultChecked={classification.active} />
  </ActionForm>
);
