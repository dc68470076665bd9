"use client";
// "Skapa tjänsteutlåtande": choose the template (the committee's own or one of the
// municipality's; the committee's default preselected) and which of the case's documents
// to list as Bilagor (the incoming ones are preselected when the case's handlingar are all
// listed, none of a samlingsärende's thousands); the rest is prefilled from the case.
import { ActionForm, clientFormAction, SelectField } from "@/components/form";
import { createStatementAction } from "../actions";
import { DocumentPicker } from "@/features/documents/components";
import type { DocumentChoices } from "@/features/documents/format";
import type { TemplateChoice } from "../server/statement-queries";

const ATTACHMENTS = "attachmentDocumentIds";

const templateLabel = (template: TemplateChoice): string =>
  `${template.name} (${template.committeeName ? `${template.committeeName}s mall` : "kommunens mall"}, förslag från ${template.proposer})`;

export const CreateStatementForm = ({ caseId, documents, templates }: { caseId: string; documents: DocumentChoices; templates: TemplateChoice[] }) => (
  <ActionForm
    action={clientFormAction((form) => {
      const templateId = form.get("templateId");
      return createStatementAction({ caseId, attachmentDocumentIds: form.getAll(ATTACHMENTS).map(String), ...(typeof templateId === "string" && templateId ? { templateId } : {}) });
    })}
    submitLabel="Skapa tjänsteutlåtande"
    pendingLabel="Skapar …"
    refresh
    labels={{ templateId: "Mall" }}
    className="mt-4 space-y-4 rounded border border-slate-200 bg-white p-4"
  >
    {templates.length > 1 ? (
      <SelectField
        name="templateId"
        label="Mall"
        options={templates.map((template) => ({ value: template.id, label: templateLabel(template) }))}
        defaultValue={templates.find((template) => template.isDefault)?.id}
        hint="Nämndens egen mall är förvald när nämnden har en; annars kommunens standardmall."
        className="max-w-2xl"
      />
    ) : templates[0] ? (
      <p>Tjänsteutlåtandet skapas från mallen ”{templates[0].name}”.</p>
    ) : null}
    <p>Förslag till beslut, Ärendet och Ärendets beredning fylls i från ärendet, och undertecknarna hämtas från organisationen.</p>
    {documents.total > 0 ? (
      <DocumentPicker
        caseId={caseId}
        choices={documents}
        name={ATTACHMENTS}
        legend="Bilagor"
        defaultChosen={documents.complete ? documents.choices.filter((document) => document.direction === "INCOMING").map((document) => document.id) : []}
      />
    ) : null}
  </ActionForm>
);
