"use client";
// The admin's editor of a statement template: name, subtitle, signatories and the sections
// (heading, kind, required, prefill; add, remove, move). Everything lives in React state
// until "Spara som ny version", so a refused save — invalid input or someone else's newer
// version — never loses what the admin typed. Keys of new sections are made by the server
// from their headings; existing sections keep theirs (see template-keys.ts).
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { updateStatementTemplateAction } from "../actions";
import { PROPOSER_TOKEN, proposerOf, TEMPLATE_CONFLICT_MESSAGE } from "../content";
import { PREFILL_LABELS, SECTION_KIND_LABELS, SIGNATORY_ROLE_LABELS } from "../labels";
import { PREFILLS, SECTION_KINDS, SIGNATORY_ROLES, type TPrefill, type TSectionKind, type TSignatoryRole, type TTemplateDefinition } from "../schemas";
import { ErrorSummary, LabelledControl } from "@/components/form";

type SectionDraft = { uid: string; key?: string; heading: string; kind: TSectionKind; required: boolean; prefill: TPrefill };
type SignatoryDraft = { uid: string; role: TSignatoryRole; label: string };
type Draft = { name: string; subtitle: string; proposerName: string; proposerGenitive: string; sections: SectionDraft[]; signatories: SignatoryDraft[] };

type FieldError = { id: string; label: string; messages: string[] };
type Failure = { message: string; conflict: boolean; fields: FieldError[] };

const MAX_SECTIONS = 30;
const MAX_SIGNATORIES = 4;

// Initial ids are derived from the definition (the same on the server and in the browser).
const toDraft = (name: string, definition: TTemplateDefinition): Draft => ({
  name,
  subtitle: definition.subtitle,
  proposerName: proposerOf(definition).name,
  proposerGenitive: proposerOf(definition).genitive,
  sections: definition.sections.map((section, index) => ({ uid: `s${index}-${section.key}`, ...section })),
  signatories: definition.signatories.map((signatory, index) => ({ uid: `g${index}`, ...signatory })),
});

const toInput = (templateId: string, draft: Draft) => ({
  templateId,
  name: draft.name,
  definition: {
    subtitle: draft.subtitle,
    proposer: { name: draft.proposerName, genitive: draft.proposerGenitive },
    sections: draft.sections.map(({ key, heading, kind, required, prefill }) => ({ ...(key ? { key } : {}), heading, kind, required, prefill: kind === "RICH_TEXT" ? prefill : "NONE" })),
    signatories: draft.signatories.map(({ role, label }) => ({ role, label })),
  },
});

const sectionName = (section: SectionDraft, index: number) => `Avsnitt ${index + 1}${section.heading.trim() ? `: ${section.heading.trim()}` : " (ny, utan rubrik)"}`;

const SECTION_FIELD_LABELS: Record<string, string> = { heading: "Rubrik", key: "Rubrik", kind: "Typ", required: "Obligatoriskt", prefill: "Förifyllning" };

/** Server paths ("definition.sections.2.heading") → the field in the form as it was submitted. */
const fieldErrorsFor = (fieldErrors: Record<string, string[]>, submitted: Draft, ids: FieldIds): FieldError[] =>
  Object.entries(fieldErrors).map(([path, messages]) => {
    const [first, second, index, field] = path.split(".");
    if (first === "name") return { id: ids.name, label: "Namn", messages };
    if (first === "definition" && second === "subtitle") return { id: ids.subtitle, label: "Underrubrik", messages };
    if (first === "definition" && second === "proposer") return index === "genitive" ? { id: ids.proposerGenitive, label: "Förslagsställare i genitiv", messages } : { id: ids.proposerName, label: "Förslagsställare", messages };
    if (first === "definition" && second === "sections") {
      const position = Number(index);
      const section = index !== undefined ? submitted.sections[position] : undefined;
      if (!section) return { id: ids.sections, label: "Avsnitt", messages };
      const fieldName = field === "key" || !field || !(field in SECTION_FIELD_LABELS) ? "heading" : field;
      return { id: ids.section(section.uid, fieldName), label: `${sectionName(section, position)} – ${SECTION_FIELD_LABELS[fieldName]}`, messages };
    }
    if (first === "definition" && second === "signatories") {
      const signatory = index !== undefined ? submitted.signatories[Number(index)] : undefined;
      if (!signatory) return { id: ids.signatories, label: "Undertecknare", messages };
      const fieldName = field === "role" ? "role" : "label";
      return { id: ids.signatory(signatory.uid, fieldName), label: `Undertecknare ${Number(index) + 1} – ${fieldName === "role" ? "Roll" : "Titel"}`, messages };
    }
    return { id: ids.summary, label: "", messages };
  });

type FieldIds = ReturnType<typeof fieldIds>;
const fieldIds = (prefix: string) => ({
  summary: `${prefix}-summary`,
  name: `${prefix}-name`,
  subtitle: `${prefix}-subtitle`,
  proposerName: `${prefix}-proposer-name`,
  proposerGenitive: `${prefix}-proposer-genitive`,
  sections: `${prefix}-sections`,
  addSection: `${prefix}-add-section`,
  signatories: `${prefix}-signatories`,
  addSignatory: `${prefix}-add-signatory`,
  section: (uid: string, field: string) => `${prefix}-section-${uid}-${field}`,
  signatory: (uid: string, field: string) => `${prefix}-signatory-${uid}-${field}`,
});

const inputClass = (invalid: boolean) => `mt-1 w-full rounded border px-3 py-2 ${invalid ? "border-red-600" : "border-slate-400"}`;
const smallButton = "rounded border border-slate-400 bg-white px-3 py-1 text-sm font-semibold hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-50";

/** A labelled choice among fixed values, shown by their Swedish labels. */
const SelectField = <T extends string>({ id, label, errors, value, options, labels, onChange }: { id: string; label: string; errors?: string[]; value: T; options: readonly T[]; labels: Record<T, string>; onChange: (value: T) => void }) => (
  <LabelledControl id={id} label={label} errors={errors}>
    {(describedBy) => (
      <select id={id} value={value} onChange={(event) => onChange(event.target.value as T)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy} className={inputClass(Boolean(errors?.length))}>
        {options.map((option) => (
          <option key={option} value={option}>
            {labels[option]}
          </option>
        ))}
      </select>
    )}
  </LabelledControl>
);

/** `path`: this page's address, always the newest version (offered in a new tab after a conflict). */
export type TemplateEditorProps = { templateId: string; version: number; name: string; definition: TTemplateDefinition; path: string };

export const TemplateEditor = ({ templateId: initialTemplateId, version: initialVersion, name, definition, path }: TemplateEditorProps) => {
  const router = useRouter();
  const ids = fieldIds(useId());
  const [base, setBase] = useState({ templateId: initialTemplateId, version: initialVersion });
  const [draft, setDraft] = useState<Draft>(() => toDraft(name, definition));
  const [saved, setSaved] = useState(() => JSON.stringify(toDraft(name, definition)));
  const [failure, setFailure] = useState<Failure | null>(null);
  const [success, setSuccess] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [pending, startTransition] = useTransition();
  const nextUid = useRef(0);
  const focusAfterRender = useRef<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  const dirty = JSON.stringify(draft) !== saved;

  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });

  // Leaving the page with unsaved changes asks first: nothing typed is lost by a stray click.
  // beforeunload covers reloads and other sites; links inside the app navigate on the client,
  // so a click on one is caught (capture phase, before Next's Link handles it) and confirmed.
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    const confirmLeave = (event: MouseEvent) => {
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!link || link.getAttribute("href")?.startsWith("#") || link.getAttribute("target") === "_blank" || event.defaultPrevented) return;
      if (window.confirm("Mallen har ändringar som inte är sparade. Vill du lämna sidan ändå?")) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", warn);
    document.addEventListener("click", confirmLeave, true);
    return () => {
      window.removeEventListener("beforeunload", warn);
      document.removeEventListener("click", confirmLeave, true);
    };
  }, [dirty]);

  const errorsById = new Map((failure?.fields ?? []).map((field) => [field.id, field.messages]));

  const change = (update: (current: Draft) => Draft) => {
    setSuccess(null);
    setDraft(update);
  };

  const updateSection = (uid: string, patch: Partial<SectionDraft>) =>
    change((current) => ({ ...current, sections: current.sections.map((section) => (section.uid === uid ? { ...section, ...patch } : section)) }));

  const moveSection = (index: number, offset: -1 | 1) => {
    const target = index + offset;
    const section = draft.sections[index];
    if (!section || target < 0 || target >= draft.sections.length) return;
    change((current) => {
      const sections = [...current.sections];
      [sections[index], sections[target]] = [sections[target]!, sections[index]!];
      return { ...current, sections };
    });
    const atEdge = target === 0 || target === draft.sections.length - 1;
    // Keep focus on the button that was pressed, or on its twin when the section reached an edge.
    focusAfterRender.current = ids.section(section.uid, atEdge ? (offset === -1 ? "down" : "up") : offset === -1 ? "up" : "down");
    setAnnouncement(`${section.heading.trim() || "Avsnittet"} flyttades till plats ${target + 1} av ${draft.sections.length}.`);
  };

  const removeSection = (index: number) => {
    const section = draft.sections[index];
    if (!section) return;
    const neighbour = draft.sections[index + 1] ?? draft.sections[index - 1];
    change((current) => ({ ...current, sections: current.sections.filter((item) => item.uid !== section.uid) }));
    focusAfterRender.current = neighbour ? ids.section(neighbour.uid, "heading") : ids.addSection;
    setAnnouncement(`${section.heading.trim() || "Avsnittet"} togs bort. Det försvinner ur mallen när du sparar.`);
  };

  const addSection = () => {
    nextUid.current += 1;
    const uid = `new${nextUid.current}`;
    change((current) => ({ ...current, sections: [...current.sections, { uid, heading: "", kind: "RICH_TEXT", required: false, prefill: "NONE" }] }));
    focusAfterRender.current = ids.section(uid, "heading");
    setAnnouncement(`Ett nytt avsnitt lades till sist, plats ${draft.sections.length + 1}. Skriv dess rubrik.`);
  };

  const updateSignatory = (uid: string, patch: Partial<SignatoryDraft>) =>
    change((current) => ({ ...current, signatories: current.signatories.map((signatory) => (signatory.uid === uid ? { ...signatory, ...patch } : signatory)) }));

  const addSignatory = () => {
    nextUid.current += 1;
    const uid = `newg${nextUid.current}`;
    change((current) => ({ ...current, signatories: [...current.signatories, { uid, role: "DEPARTMENT_HEAD", label: "avdelningschef" }] }));
    focusAfterRender.current = ids.signatory(uid, "role");
  };

  const removeSignatory = (index: number) => {
    const neighbour = draft.signatories[index + 1] ?? draft.signatories[index - 1];
    change((current) => ({ ...current, signatories: current.signatories.filter((_, position) => position !== index) }));
    focusAfterRender.current = neighbour ? ids.signatory(neighbour.uid, "role") : ids.addSignatory;
    setAnnouncement(`Undertecknare ${index + 1} togs bort.`);
  };

  const save = () => {
    const submitted = draft;
    setFailure(null);
    setSuccess(null);
    startTransition(async () => {
      const result = await updateStatementTemplateAction(toInput(base.templateId, submitted));
      if (!result.ok) {
        setFailure({ message: result.error, conflict: result.error === TEMPLATE_CONFLICT_MESSAGE, fields: fieldErrorsFor(result.fieldErrors ?? {}, submitted, ids) });
        // The summary takes focus so that a screen reader user hears it and can follow its links.
        requestAnimationFrame(() => summaryRef.current?.focus());
        return;
      }
      // Continue from the stored version: new sections now have their keys.
      const next = toDraft(result.data.name, result.data.definition);
      setBase({ templateId: result.data.id, version: result.data.version });
      setDraft(next);
      setSaved(JSON.stringify(next));
      setSuccess(`Sparat. Mallen är nu version ${result.data.version}.`);
      router.refresh();
    });
  };

  return (
    <form
      noValidate
      aria-label="Redigera mallen"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      className="space-y-8"
    >
      <ErrorSummary
        ref={summaryRef}
        id={ids.summary}
        message={failure?.message ?? null}
        items={(failure?.fields ?? []).map((field) => ({ fieldId: field.id, label: field.label || undefined, messages: field.messages }))}
      >
        {failure?.conflict ? (
          <p className="mt-1">
            <a href={path} target="_blank" rel="noopener" className="font-semibold underline">
              Öppna den nyaste versionen i en ny flik
            </a>
          </p>
        ) : null}
      </ErrorSummary>

      <section aria-labelledby={`${ids.name}-section`} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id={`${ids.name}-section`} className="text-2xl font-semibold">
          Mallen
        </h2>
        <LabelledControl id={ids.name} label={<>Namn <span className="text-slate-600">(obligatoriskt)</span></>} errors={errorsById.get(ids.name)}>
          {(describedBy) => (
            <input
              id={ids.name}
              value={draft.name}
              maxLength={200}
              onChange={(event) => change((current) => ({ ...current, name: event.target.value }))}
              aria-invalid={errorsById.has(ids.name) || undefined}
              aria-describedby={describedBy}
              className={inputClass(errorsById.has(ids.name))}
            />
          )}
        </LabelledControl>
        <LabelledControl
          id={ids.subtitle}
          label="Underrubrik"
          hint={<>{"{referringBody}"} ersätts med remittenten, till exempel ”Yttrande till {"{referringBody}"}” → ”Yttrande till kommunstyrelsen”.</>}
          errors={errorsById.get(ids.subtitle)}
        >
          {(describedBy) => (
            <input
              id={ids.subtitle}
              value={draft.subtitle}
              maxLength={200}
              onChange={(event) => change((current) => ({ ...current, subtitle: event.target.value }))}
              aria-invalid={errorsById.has(ids.subtitle) || undefined}
              aria-describedby={describedBy}
              className={inputClass(errorsById.has(ids.subtitle))}
            />
          )}
        </LabelledControl>
        <div className="grid gap-4 sm:grid-cols-2 sm:items-start">
          {(
            [
              [ids.proposerName, "Förslagsställare", "proposerName", "Som i löpande text: förvaltningen, presidiet, kommunstyrelsen …"],
              [ids.proposerGenitive, "Förslagsställare i genitiv", "proposerGenitive", `Ersätter ${PROPOSER_TOKEN} i rubrikerna och står i beslutet ”Bifall till … förslag”: förvaltningens, presidiets …`],
            ] as const
          ).map(([id, label, field, hint]) => (
            <LabelledControl key={id} id={id} label={<>{label} <span className="text-slate-600">(obligatoriskt)</span></>} hint={hint} errors={errorsById.get(id)}>
              {(describedBy) => (
                <input
                  id={id}
                  value={draft[field]}
                  maxLength={120}
                  onChange={(event) => change((current) => ({ ...current, [field]: event.target.value }))}
                  aria-invalid={errorsById.has(id) || undefined}
                  aria-describedby={describedBy}
                  className={inputClass(errorsById.has(id))}
                />
              )}
            </LabelledControl>
          ))}
        </div>
      </section>

      <section aria-labelledby={ids.signatories} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id={ids.signatories} tabIndex={-1} className="text-2xl font-semibold">
          Undertecknare
        </h2>
        <p className="text-slate-700">I den här ordningen under tjänsteutlåtandet. Namnen hämtas från organisationen; titeln nedan används när personen saknar titel.</p>
        {errorsById.get(ids.signatories) ? <p className="text-sm font-semibold text-red-700">{errorsById.get(ids.signatories)!.join(" ")}</p> : null}
        <ol className="space-y-3">
          {draft.signatories.map((signatory, index) => (
            <li key={signatory.uid}>
              <fieldset className="rounded border border-slate-300 p-3">
                <legend className="px-1 font-semibold">Undertecknare {index + 1}</legend>
                <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
                  <SelectField
                    id={ids.signatory(signatory.uid, "role")}
                    label="Roll"
                    errors={errorsById.get(ids.signatory(signatory.uid, "role"))}
                    value={signatory.role}
                    options={SIGNATORY_ROLES}
                    labels={SIGNATORY_ROLE_LABELS}
                    onChange={(role) => updateSignatory(signatory.uid, { role })}
                  />
                  <LabelledControl id={ids.signatory(signatory.uid, "label")} label="Titel" errors={errorsById.get(ids.signatory(signatory.uid, "label"))}>
                    {(describedBy) => (
                      <input
                        id={ids.signatory(signatory.uid, "label")}
                        value={signatory.label}
                        maxLength={80}
                        onChange={(event) => updateSignatory(signatory.uid, { label: event.target.value })}
                        aria-invalid={errorsById.has(ids.signatory(signatory.uid, "label")) || undefined}
                        aria-describedby={describedBy}
                        className={inputClass(errorsById.has(ids.signatory(signatory.uid, "label")))}
                      />
                    )}
                  </LabelledControl>
                  <button type="button" className={smallButton} onClick={() => removeSignatory(index)}>
                    Ta bort <span className="sr-only">undertecknare {index + 1}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" id={ids.addSignatory} className={smallButton} disabled={draft.signatories.length >= MAX_SIGNATORIES} onClick={addSignatory}>
          Lägg till undertecknare
        </button>
      </section>

      <section aria-labelledby={ids.sections} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id={ids.sections} tabIndex={-1} className="text-2xl font-semibold">
          Avsnitt
        </h2>
        <p className="text-slate-700">
          I dokumentets ordning. Ett obligatoriskt avsnitt måste ha innehåll innan tjänsteutlåtandet kan skickas på attestering. Förifyllning gäller textavsnitt: Motionen ger
          motionärerna och att-satserna, Beredningen ger avdelningen och när de fackliga organisationerna informerades. {PROPOSER_TOKEN} i en rubrik blir förslagsställaren i genitiv, till exempel ”{PROPOSER_TOKEN} förslag till beslut” → ”Presidiets förslag till beslut”.
        </p>
        {errorsById.get(ids.sections) ? <p className="text-sm font-semibold text-red-700">{errorsById.get(ids.sections)!.join(" ")}</p> : null}
        <ol className="space-y-4">
          {draft.sections.map((section, index) => {
            const id = (field: string) => ids.section(section.uid, field);
            const headingErrors = errorsById.get(id("heading"));
            const label = section.heading.trim() || "nytt avsnitt";
            return (
              <li key={section.uid}>
                <fieldset className="rounded border border-slate-300 p-3" data-testid="template-section">
                  <legend className="px-1 font-semibold">{sectionName(section, index)}</legend>
                  <div className="grid gap-3 sm:grid-cols-2">
                    <div className="sm:col-span-2">
                      <LabelledControl id={id("heading")} label={<>Rubrik <span className="text-slate-600">(obligatoriskt)</span></>} errors={headingErrors}>
                        {(describedBy) => (
                          <input
                            id={id("heading")}
                            value={section.heading}
                            maxLength={120}
                            onChange={(event) => updateSection(section.uid, { heading: event.target.value })}
                            aria-invalid={headingErrors ? true : undefined}
                            aria-describedby={describedBy}
                            className={inputClass(Boolean(headingErrors))}
                          />
                        )}
                      </LabelledControl>
                    </div>
                    <SelectField id={id("kind")} label="Typ" errors={errorsById.get(id("kind"))} value={section.kind} options={SECTION_KINDS} labels={SECTION_KIND_LABELS} onChange={(kind) => updateSection(section.uid, { kind })} />
                    {section.kind === "RICH_TEXT" ? (
                      <SelectField
                        id={id("prefill")}
                        label="Förifyllning"
                        errors={errorsById.get(id("prefill"))}
                        value={section.prefill}
                        options={PREFILLS}
                        labels={PREFILL_LABELS}
                        onChange={(prefill) => updateSection(section.uid, { prefill })}
                      />
                    ) : (
                      <p className="self-end pb-2 text-sm text-slate-600">
                        {section.kind === "DECISION_POINTS" ? "Börjar med nämndens standardbeslut om remissvaret." : "Listar de handlingar som väljs som bilagor."}
                      </p>
                    )}
                    <div className="flex items-center gap-2 sm:col-span-2">
                      <input
                        id={id("required")}
                        type="checkbox"
                        checked={section.required}
                        onChange={(event) => updateSection(section.uid, { required: event.target.checked })}
                        className="h-5 w-5"
                      />
                      <label htmlFor={id("required")} className="font-medium">
                        Obligatoriskt
                      </label>
                    </div>
                  </div>
                  <div className="mt-3 flex flex-wrap gap-2">
                    <button type="button" id={id("up")} className={smallButton} disabled={index === 0} onClick={() => moveSection(index, -1)}>
                      Flytta upp <span className="sr-only">{label}</span>
                    </button>
                    <button type="button" id={id("down")} className={smallButton} disabled={index === draft.sections.length - 1} onClick={() => moveSection(index, 1)}>
                      Flytta ned <span className="sr-only">{label}</span>
                    </button>
                    <button type="button" className={`${smallButton} text-red-800`} disabled={draft.sections.length <= 1} onClick={() => removeSection(index)}>
                      Ta bort avsnittet <span className="sr-only">{label}</span>
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <button type="button" id={ids.addSection} className={smallButton} disabled={draft.sections.length >= MAX_SECTIONS} onClick={addSection}>
          Lägg till avsnitt
        </button>
      </section>

      <div aria-live="polite" className="sr-only">
        {announcement}
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Sparar …" : "Spara som ny version"}
        </button>
        <p role="status" className="font-semibold text-green-800" data-testid="template-save-status">
          {success ?? (dirty ? <span className="font-normal text-slate-700">Osparade ändringar (utgår från version {base.version}).</span> : null)}
        </p>
      </div>
    </form>
  );
};
