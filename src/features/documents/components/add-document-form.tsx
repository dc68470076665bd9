"use client";

// Registrera handling. Sent with XMLHttpRequest to POST /api/filer so the upload can show
// its progress; the same schema and file-name rules as the server give instant field
// messages. What the user typed (and the chosen files) stays in the form on any error.
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { ACCEPTED_EXTENSIONS, ACCEPTED_TYPES_TEXT, MAX_FILE_BYTES } from "@/lib/file-type";
import { checkFileName } from "@/lib/file-name";
import { formatFileSize } from "../format";
import { ADD_DOCUMENT_FIELDS, DOCUMENT_DIRECTIONS, ZAddDocumentSchema } from "../schemas";
import { ErrorSummary } from "@/components/form";

type FieldErrors = Record<string, string[]>;
type UploadResult = { ok: true; data: { id: string; documentNumber: string } } | { ok: false; error: string; fieldErrors?: FieldErrors };

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

const FieldError = ({ id, messages }: { id: string; messages: string[] | undefined }) =>
  messages ? (
    <div id={id} className="mt-1 space-y-1 text-sm font-semibold text-red-800">
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  ) : null;

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
  const errors: FieldErrors = {};
  const parsed = ZAddDocumentSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) (errors[issue.path.map(String).join(".") || "_form"] ??= []).push(issue.message);
  }
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

export const AddDocumentForm = ({ caseId, today }: { caseId: string; today: string }) => {
  const router = useRouter();
  const id = useId();
  const [direction, setDirection] = useState<(typeof DOCUMENT_DIRECTIONS)[number]>("INCOMING");
  const [confidential, setConfidential] = useState(false);
  const [pending, setPending] = useState(false);
  const [progress, setProgress] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [success, setSuccess] = useState<string | null>(null);

  const fieldId = (field: string) => `${id}-${field}`;
  const errorId = (field: string) => `${id}-${field}-error`;
  const describedBy = (field: string, hint?: string) =>
    [hint, fieldErrors[field] ? errorId(field) : undefined].filter(Boolean).join(" ") || undefined;
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
        setSuccess(`Handlingen ${body.data.documentNumber} är registrerad.`);
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
  const inputClass = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 aria-[invalid=true]:border-red-700";

  return (
    <section aria-labelledby={fieldId("heading")} className="rounded-lg border border-slate-300 bg-white p-6">
      <h3 id={fieldId("heading")} className="text-xl font-bold">
        Registrera handling
      </h3>
      <div className="mt-4">
        <ErrorSummary message={error} items={errorFields.map((field) => ({ fieldId: fieldId(field), label: FIELD_LABELS[field] ?? field, messages: fieldErrors[field]?.slice(0, 1) ?? [] }))} />
      </div>
      <div role="status" aria-live="polite">
        {success ? <p className="rounded border border-green-300 bg-green-50 px-3 py-2 font-semibold text-green-900">{success}</p> : null}
      </div>
      <form onSubmit={onSubmit} noValidate className="mt-4 space-y-5" encType="multipart/form-data">
        <input type="hidden" name="caseId" value={caseId} />
        <fieldset aria-describedby={fieldErrors.direction ? errorId("direction") : undefined}>
          <legend className="font-medium">Riktning</legend>
          <div id={fieldId("direction")} className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
            {DOCUMENT_DIRECTIONS.map((value) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="direction" value={value} checked={direction === value} onChange={() => setDirection(value)} />
                <span>
                  {DIRECTION_OPTIONS[value].label} <span className="text-sm text-slate-600">– {DIRECTION_OPTIONS[value].hint}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError id={errorId("direction")} messages={fieldErrors.direction} />
        </fieldset>

        <div className="grid gap-5 sm:grid-cols-2">
          <div>
            <label htmlFor={fieldId("documentDate")} className="block font-medium">
              Handlingens datum
            </label>
            <input
              id={fieldId("documentDate")}
              name="documentDate"
              type="date"
              defaultValue={today}
              max={today}
              required
              aria-invalid={fieldErrors.documentDate ? true : undefined}
              aria-describedby={describedBy("documentDate")}
              className={inputClass}
            />
            <FieldError id={errorId("documentDate")} messages={fieldErrors.documentDate} />
          </div>
          {direction === "DRAWN_UP" ? null : (
            <div>
              <label htmlFor={fieldId("counterpart")} className="block font-medium">
                {direction === "INCOMING" ? "Avsändare" : "Mottagare"}
              </label>
              <input
                id={fieldId("counterpart")}
                name="counterpart"
                maxLength={200}
                required
                aria-invalid={fieldErrors.counterpart ? true : undefined}
                aria-describedby={describedBy("counterpart")}
                className={inputClass}
              />
              <FieldError id={errorId("counterpart")} messages={fieldErrors.counterpart} />
            </div>
          )}
        </div>

        <div>
          <label htmlFor={fieldId("description")} className="block font-medium">
            Beskrivning
          </label>
          <p id={fieldId("description-hint")} className="text-sm text-slate-600">
            Kort, som den ska stå i diariet. Högst 500 tecken.
          </p>
          <textarea
            id={fieldId("description")}
            name="description"
            rows={2}
            maxLength={500}
            required
            aria-invalid={fieldErrors.description ? true : undefined}
            aria-describedby={describedBy("description", fieldId("description-hint"))}
            className={inputClass}
          />
          <FieldError id={errorId("description")} messages={fieldErrors.description} />
        </div>

        <div>
          <label className="flex items-center gap-2 font-medium">
            <input type="checkbox" checked={confidential} onChange={(event) => setConfidential(event.target.checked)} />
            Handlingen innehåller uppgifter som omfattas av sekretess
          </label>
          {confidential ? (
            <div className="mt-3 grid gap-5 border-l-4 border-slate-300 pl-4 sm:grid-cols-2">
              <div>
                <label htmlFor={fieldId("secrecyReference")} className="block font-medium">
                  Sekretessbestämmelse
                </label>
                <p id={fieldId("secrecyReference-hint")} className="text-sm text-slate-600">
                  Till exempel 26 kap. 1 § OSL.
                </p>
                <input
                  id={fieldId("secrecyReference")}
                  name="secrecyReference"
                  maxLength={100}
                  aria-invalid={fieldErrors.secrecyReference ? true : undefined}
                  aria-describedby={describedBy("secrecyReference", fieldId("secrecyReference-hint"))}
                  className={inputClass}
                />
                <FieldError id={errorId("secrecyReference")} messages={fieldErrors.secrecyReference} />
              </div>
              <div>
                <label htmlFor={fieldId("secrecyReason")} className="block font-medium">
                  Skäl för sekretess (valfritt)
                </label>
                <input
                  id={fieldId("secrecyReason")}
                  name="secrecyReason"
                  maxLength={500}
                  aria-invalid={fieldErrors.secrecyReason ? true : undefined}
                  aria-describedby={describedBy("secrecyReason")}
                  className={inputClass}
                />
                <FieldError id={errorId("secrecyReason")} messages={fieldErrors.secrecyReason} />
              </div>
            </div>
          ) : null}
        </div>

        <div>
          <label htmlFor={fieldId("files")} className="block font-medium">
            Filer (valfritt)
          </label>
          <p id={fieldId("files-hint")} className="text-sm text-slate-600">
            {ACCEPTED_TYPES_TEXT}. Högst 25 MB per uppladdning. Filtypen kontrolleras mot innehållet.
          </p>
          <input
            id={fieldId("files")}
            name="files"
            type="file"
            multiple
            accept={ACCEPTED_EXTENSIONS.join(",")}
            aria-invalid={fieldErrors.files ? true : undefined}
            aria-describedby={describedBy("files", fieldId("files-hint"))}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-slate-50 file:px-3 file:py-1.5"
          />
          <FieldError id={errorId("files")} messages={fieldErrors.files} />
        </div>

        <div className="flex flex-wrap items-center gap-4">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
          >
            {pending ? "Registrerar …" : "Registrera handling"}
          </button>
          {pending ? (
            <span className="flex items-center gap-2 text-sm">
              <label htmlFor={fieldId("progress")}>Laddar upp</label>
              <progress id={fieldId("progress")} max={100} value={progress} className="w-40">
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
