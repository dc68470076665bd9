"use client";

// Registrera handling. Sent with XMLHttpRequest to POST /api/filer so the upload can show
// its progress; the same schema and file-name rules as the server give instant field
// messages. What the user typed (and the chosen files) stays in the form on any error.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ACCEPTED_EXTENSIONS, ACCEPTED_TYPES_TEXT, MAX_FILE_BYTES } from "@/lib/file-type";
import { checkFileName } from "@/lib/file-name";
import { Link, LINK_CLASS } from "@/components/link";
import { caseDocumentHref, caseDocumentsPageOf, formatFileSize } from "../format";
import { ADD_DOCUMENT_FIELDS, DOCUMENT_DIRECTIONS, ZAddDocumentSchema } from "../schemas";
import { DateField, ErrorSummary, Field, fieldIdOf, FieldFrame, FieldGroup, FormScope, SubmitButton } from "@/components/form";
import { zodFieldErrors } from "@/lib/field-errors";

type FieldErrors = Record<string, string[]>;
type UploadResult = { ok: true; data: { id: string; number: number; documentNumber: string } } | { ok: false; error: string; fieldErrors?: FieldErrors };

const DIRECTION_OPTIONS: Record<(typeof DOCUMENT_DIRECTIONS)[number], { label: string; hint: string }> = {
  INCOMING: { label: "Inkommande", hint: "har kommit in till nämnden" },
  DRAWN_UP: { label: "Upprättad", hint: "har tagits fram här och är färdig" },
  OUTGOING: { label: "Utgående", hint: "skickas från nämnden" },
};

const FIELD_LABELS: Record<string, string> = {
  direction: "Riktning",
  documentDate: "Handlingens datum",
  counterpart: "Avsändare/mottagare",
  description: "Beskrivning",
  secrecyReference: "Sekretessbestämmelse",
  secrecyReason: "Skäl för sekretess",
  files: "Filer",
};

const send = (form: FormData, onProgress: (percent: number) => void): Promise<{ status: number; body: UploadResult | null }> =>
  new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/filer");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () => resolve({ status: request.status, body: (request.response as UploadResult | null) ?? null });
    request.onerror = () => reject(new Error("network"));
    request.send(form);
  });

const clientSideErrors = (form: FormData, confidential: boolean): FieldErrors => {
  const input: Record<string, string> = {};
  for (const field of ADD_DOCUMENT_FIELDS) {
    const value = form.get(field);
    if (typeof value === "string") input[field] = value;
  }
  const parsed = ZAddDocumentSchema.safeParse(input);
  const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
  // Ticking "sekretess" without naming the provision would register the handling as public.
  if (confidential && !String(form.get("secrecyReference") ?? "").trim()) {
    errors.secrecyReference = ["Ange sekretessbestämmelse, till exempel 26 kap. 1 § OSL."];
  }
  const fileErrors: string[] = [];
  for (const file of form.getAll("files")) {
    if (typeof file === "string" || (file.size === 0 && file.name === "")) continue;
    const name = checkFileName(file.name);
    if (!name.ok) fileErrors.push(name.message);
    else if (file.size > MAX_FILE_BYTES) fileErrors.push(`${name.name}: Filen är ${formatFileSize(file.size)}. Största tillåtna storlek är 25 MB.`);
  }
  if (fileErrors.length > 0) errors.files = fileErrors;
  return errors;
};

/**
 * `page` is the page of handlingar the case page shows: a new handling numbered onto another
 * page is linked to from the confirmation (the list the page refreshes does not show it).
 */
export const AddDocumentForm = ({ caseId, today, page }: { caseId: string; today: string; page: number }) => {
  const router = useRouter();
  const id = useId();
  const [direction, setDirection] = useState<(typeof DOCUMENT_DIRECTIONS)[number]>("INCOMING");
  const [confidential, setConfidential] = useState(false);
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [success, setSuccess] = useState<{ documentNumber: string; href: string | null } | null>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSuccess(null);
    const local = clientSideErrors(form, confidential);
    if (Object.keys(local).length > 0) {
      setFieldErrors(local);
      setError("Kontrollera de markerade fälten.");
      return;
    }
    setPending(true);
    setProgress(0);
    setError(null);
    setFieldErrors({});
    try {
      const { status, body } = await send(form, setProgress);
      if (body?.ok) {
        formElement.reset();
        setDirection("INCOMING");
        setConfidential(false);
        setSuccess({ documentNumber: body.data.documentNumber, href: caseDocumentsPageOf(body.data.number) === page ? null : caseDocumentHref(caseId, body.data.number, body.data.id) });
        router.refresh();
        return;
      }
      setError(body && !body.ok ? body.error : `Registreringen misslyckades (${status}). Försök igen.`);
      setFieldErrors(body && !body.ok ? (body.fieldErrors ?? {}) : {});
    } catch {
      setError("Det gick inte att nå servern. Kontrollera anslutningen och försök igen – det du fyllt i finns kvar.");
    } finally {
      setPending(false);
    }
  };

  const errorFields = Object.keys(fieldErrors).filter((field) => field !== "_form");

  return (
    <section aria-labelledby={`${id}-heading`} className="rounded-lg border border-slate-300 bg-white p-6">
      <h3 id={`${id}-heading`} className="text-xl font-bold">
        Registrera handling
      </h3>
      <div className="mt-4">
        <ErrorSummary message={error} items={errorFields.map((field) => ({ fieldId: fieldIdOf(id, field), label: FIELD_LABELS[field] ?? field, messages: fieldErrors[field]?.slice(0, 1) ?? [] }))} />
      </div>
      <div role="status" aria-live="polite">
        {success ? (
          <p className="rounded border border-green-300 bg-green-50 px-3 py-2 font-semibold text-green-900">
            Handlingen {success.documentNumber} är registrerad.{" "}
            {success.href ? (
              <Link href={success.href} className={LINK_CLASS}>
                Visa den i listan
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" encType="multipart/form-data">
        <input type="hidden" name="caseId" value={caseId} />
        <FormScope formId={id} fieldErrors={fieldErrors}>
          <FieldGroup name="direction" legend="Riktning" legendClassName="font-medium">
            <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
              {DOCUMENT_DIRECTIONS.map((value) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="direction" value={value} checked={direction === value} onChange={() => setDirection(value)} />
                  <span>
                    {DIRECTION_OPTIONS[value].label} <span className="text-sm text-slate-600">– {DIRECTION_OPTIONS[value].hint}</span>
                  </span>
                </label>
              ))}
            </div>
          </FieldGroup>

          <div className="grid gap-5 sm:grid-cols-2">
            <DateField name="documentDate" label="Handlingens datum" hint="Senast i dag." defaultValue={today} />
            {direction === "DRAWN_UP" ? null : <Field name="counterpart" label={direction === "INCOMING" ? "Avsändare" : "Mottagare"} maxLength={200} />}
          </div>

          <Field name="description" label="Beskrivning" rows={2} maxLength={500} hint="Kort, som den ska stå i diariet. Högst 500 tecken." />

          <div>
            <label className="flex items-center gap-2 font-medium">
              <input type="checkbox" checked={confidential} onChange={(event) => setConfidential(event.target.checked)} />
              Handlingen innehåller uppgifter som omfattas av sekretess
            </label>
            {confidential ? (
              <div className="mt-3 grid gap-5 border-l-4 border-slate-300 pl-4 sm:grid-cols-2">
                <Field name="secrecyReference" label="Sekretessbestämmelse" maxLength={100} hint="Till exempel 26 kap. 1 § OSL." />
                <Field name="secrecyReason" label="Skäl för sekretess (valfritt)" maxLength={500} />
              </div>
            ) : null}
          </div>

          <FieldFrame name="files" label="Filer (valfritt)" hint={`${ACCEPTED_TYPES_TEXT}. Högst 25 MB per uppladdning. Filtypen kontrolleras mot innehållet.`}>
            {(control) => (
              <input
                {...control}
                type="file"
                multiple
                accept={ACCEPTED_EXTENSIONS.join(",")}
                className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-slate-50 file:px-3 file:py-1.5"
              />
            )}
          </FieldFrame>
        </FormScope>

        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton pending={pending}>{pending ? "Registrerar …" : "Registrera handling"}</SubmitButton>
          {pending ? (
            <span className="flex items-center gap-2 text-sm">
              <label htmlFor={`${id}-progress`}>Laddar upp</label>
              <progress id={`${id}-progress`} max={100} value={progress} className="w-40">
                {progress} %
              </progress>
              <span aria-hidden="true">{progress} %</span>
            </span>
          ) : null}
        </div>
      </form>
    </section>
  );
};
