"use client";
import { useState } from "react";
import { DEFAULT_DOCUMENT_NUMBER_FORMAT, formatCaseNumber, formatDocumentNumber, validateCaseNumberFormat, validateDocumentNumberFormat } from "@/lib/case-number";
import { createRegistrySeriesAction, setNextSerialAction, updateRegistrySeriesAction } from "../actions";
import { ActionForm, Hidden, SelectField, Field, type SelectOption } from "@/components/form";

const LABELS = { committeeId: "Nämnd", name: "Namn", format: "Format", prefix: "Prefix", seqPadding: "Nollutfyllnad", documentNumberFormat: "Handlingsnummer" };

type SeriesValues = { name: string; format: string; prefix: string; seqPadding: number; documentNumberFormat: string };

/** "Exempel: HÄS 2026/7, handling HÄS 2026/7-2" for what is typed right now; the server validates the same rules again. */
const Example = ({ format, prefix, seqPadding, documentNumberFormat }: { format: string; prefix: string; seqPadding: string; documentNumberFormat: string }) => {
  const problem = validateCaseNumberFormat(format) ?? validateDocumentNumberFormat(documentNumberFormat);
  const padding = Number.parseInt(seqPadding, 10);
  const example = problem
    ? ""
    : formatCaseNumber(format, { prefix, year: new Date().getFullYear(), sequence: 7, seqPadding: Number.isFinite(padding) && padding >= 0 && padding <= 10 ? padding : 0, classCode: "1.5.1" });
  const text = problem ?? `Exempel: ${example}, handling ${formatDocumentNumber(example, 2, documentNumberFormat)}`;
  return (
    <p aria-live="polite" className={`rounded px-3 py-2 text-sm ${problem ? "bg-amber-50 text-amber-900" : "bg-brand-50 text-brand-900"}`} data-testid="series-example">
      {text}
    </p>
  );
};

const FORMAT_HINT = "Koder i valfri ordning: {prefix} {year} (2026) eller {yy} (26), {seq} (löpnummer), {class} (klass). År och {seq} måste finnas.";

const SeriesFields = ({ initial }: { initial: SeriesValues }) => {
  const [format, setFormat] = useState(initial.format);
  const [prefix, setPrefix] = useState(initial.prefix);
  const [seqPadding, setSeqPadding] = useState(String(initial.seqPadding));
  const [documentNumberFormat, setDocumentNumberFormat] = useState(initial.documentNumberFormat);
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
        <Field name="name" label="Namn" required defaultValue={initial.name} maxLength={200} />
        <Field name="format" label="Format" required defaultValue={initial.format} maxLength={60} hint={FORMAT_HINT} onValueChange={setFormat} />
        <Field name="prefix" label="Prefix" defaultValue={initial.prefix} maxLength={20} hint="Ersätter {prefix}, t.ex. HÄS." onValueChange={setPrefix} />
        <Field name="seqPadding" label="Nollutfyllnad" type="number" min={0} max={10} defaultValue={String(initial.seqPadding)} hint="Antal siffror i löpnumret, 0 = ingen utfyllnad (3 ger 007)." onValueChange={setSeqPadding} />
        <Field
          name="documentNumberFormat"
          label="Handlingsnummer"
          required
          defaultValue={initial.documentNumberFormat}
          maxLength={30}
          hint="Hur handlingar numreras i ärendet: {number} är diarienumret, {n} handlingens nummer, t.ex. {number}-{n} eller {number}:{n}."
          onValueChange={setDocumentNumberFormat}
        />
      </div>
      <Example format={format} prefix={prefix} seqPadding={seqPadding} documentNumberFormat={documentNumberFormat} />
    </>
  );
};

export const CreateSeriesForm = ({ committees }: { committees: SelectOption[] }) => (
  <ActionForm action={createRegistrySeriesAction} submitLabel="Skapa diarieserie" successMessage="Diarieserien är skapad." labels={LABELS}>
    <SelectField placeholder="Välj …" name="committeeId" label="Nämnd" options={committees} required hint="Endast nämnder som saknar diarieserie." className="max-w-md" />
    <SeriesFields initial={{ name: "", format: "{prefix} {year}/{seq}", prefix: "", seqPadding: 0, documentNumberFormat: DEFAULT_DOCUMENT_NUMBER_FORMAT }} />
  </ActionForm>
);

export const EditSeriesForm = ({ series }: { series: SeriesValues & { id: string; updatedAt: string; committeeName: string } }) => (
  <ActionForm action={updateRegistrySeriesAction} submitLabel="Spara diarieserien" successMessage="Sparat. Nya ärenden får nummer enligt det nya formatet." labels={LABELS} ariaLabel={`Diarieserie för ${series.committeeName}`}>
    <Hidden name="id" value={series.id} />
    <Hidden name="updatedAt" value={series.updatedAt} />
    <SeriesFields initial={series} />
  </ActionForm>
);

/** Where the counter of a year continues (mid-year start, migration); never at or below a given serial. */
export const NextSerialForm = ({ seriesId, committeeName, year, nextSerial }: { seriesId: string; committeeName: string; year: number; nextSerial: number }) => (
  <ActionForm
    action={setNextSerialAction}
    submitLabel="Spara nästa löpnummer"
    successMessage="Sparat. Nästa ärende i serien får det angivna löpnumret."
    labels={{ year: "År", nextSerial: "Nästa löpnummer" }}
    ariaLabel={`Nästa löpnummer för ${committeeName}`}
  >
    <Hidden name="seriesId" value={seriesId} />
    <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
      <Field name="year" label="År" type="number" required min={1900} max={2100} defaultValue={String(year)} />
      <Field name="nextSerial" label="Nästa löpnummer" type="number" required min={1} defaultValue={String(nextSerial)} hint="Kan inte vara lägre än ett löpnummer som redan har getts det året." />
    </div>
  </ActionForm>
);
