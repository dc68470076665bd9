"use client";
import { useState } from "react";
import { formatCaseNumber, validateCaseNumberFormat } from "@/lib/case-number";
import { createRegistrySeriesAction, updateRegistrySeriesAction } from "../actions";
import { ActionForm, Hidden, SelectField, Field, type SelectOption } from "@/components/form";

const LABELS = { committeeId: "Nämnd", name: "Namn", format: "Format", prefix: "Prefix", seqPadding: "Nollutfyllnad" };

type SeriesValues = { name: string; format: string; prefix: string; seqPadding: number };

/** "Exempel: HÄS 2026/7" for what is typed right now; the server validates the same rule again. */
const Example = ({ format, prefix, seqPadding }: { format: string; prefix: string; seqPadding: string }) => {
  const problem = validateCaseNumberFormat(format);
  const padding = Number.parseInt(seqPadding, 10);
  const text = problem
    ? problem
    : `Exempel: ${formatCaseNumber(format, { prefix, year: new Date().getFullYear(), sequence: 7, seqPadding: Number.isFinite(padding) && padding >= 0 && padding <= 10 ? padding : 0, classCode: "1.5.1" })}`;
  return (
    <p aria-live="polite" className={`rounded px-3 py-2 text-sm ${problem ? "bg-amber-50 text-amber-900" : "bg-brand-50 text-brand-900"}`} data-testid="series-example">
      {text}
    </p>
  );
};

const FORMAT_HINT = "Koder: {prefix} {year} {seq} {class}. {year} och {seq} måste finnas.";

const SeriesFields = ({ initial }: { initial: SeriesValues }) => {
  const [format, setFormat] = useState(initial.format);
  const [prefix, setPrefix] = useState(initial.prefix);
  const [seqPadding, setSeqPadding] = useState(String(initial.seqPadding));
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <Field name="name" label="Namn" required defaultValue={initial.name} maxLength={200} />
        <Field name="format" label="Format" required defaultValue={initial.format} maxLength={60} hint={FORMAT_HINT} onValueChange={setFormat} />
        <Field name="prefix" label="Prefix" defaultValue={initial.prefix} maxLength={20} hint="Ersätter {prefix}, t.ex. HÄS." onValueChange={setPrefix} />
        <Field name="seqPadding" label="Nollutfyllnad" type="number" min={0} max={10} defaultValue={String(initial.seqPadding)} hint="Antal siffror i löpnumret, 0 = ingen utfyllnad (3 ger 007)." onValueChange={setSeqPadding} />
      </div>
      <Example format={format} prefix={prefix} seqPadding={seqPadding} />
    </>
  );
};

export const CreateSeriesForm = ({ committees }: { committees: SelectOption[] }) => (
  <ActionForm action={createRegistrySeriesAction} submitLabel="Skapa diarieserie" successMessage="Diarieserien är skapad." labels={LABELS}>
    <SelectField placeholder="Välj …" name="committeeId" label="Nämnd" options={committees} required hint="Endast nämnder som saknar diarieserie." className="max-w-md" />
    <SeriesFields initial={{ name: "", format: "{prefix} {year}/{seq}", prefix: "", seqPadding: 0 }} />
  </ActionForm>
);

export const EditSeriesForm = ({ series }: { series: SeriesValues & { id: string; updatedAt: string; committeeName: string } }) => (
  <ActionForm action={updateRegistrySeriesAction} submitLabel="Spara diarieserien" successMessage="Sparat. Nya ärenden får nummer enligt det nya formatet." labels={LABELS} ariaLabel={`Diarieserie för ${series.committeeName}`}>
    <Hidden name="id" value={series.id} />
    <Hidden name="updatedAt" value={series.updatedAt} />
    <SeriesFields initial={series} />
  </ActionForm>
);
