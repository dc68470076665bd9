"use client";
// "Skapa tjänsteutlåtande": choose which of the case's documents to list as Bilagor
// (the incoming ones are preselected); the rest is prefilled from the case.
import { ActionForm, clientFormAction } from "@/components/form";
import { createStatementAction } from "../actions";
import type { StatementDocumentOption } from "../server/statement-queries";

const ATTACHMENTS = "attachmentDocumentIds";

export const CreateStatementForm = ({ caseId, documents }: { caseId: string; documents: StatementDocumentOption[] }) => (
  <ActionForm
    action={clientFormAction((form) => createStatementAction({ caseId, attachmentDocumentIds: form.getAll(ATTACHMENTS).map(String) }))}
    submitLabel="Skapa tjänsteutlåtande"
    pendingLabel="Skapar …"
    refresh
    className="mt-4 space-y-4 rounded border border-slate-200 bg-white p-4"
  >
    <p>
      Tjänsteutlåtandet skapas från mallen ”Tjänsteutlåtande – yttrande över remiss”. Förslag till beslut, Ärendet och Ärendets beredning fylls i från ärendet, och
      stadsdelsdirektör och avdelningschef hämtas från organisationen.
    </p>
    {documents.length > 0 ? (
      <fieldset>
        <legend className="font-semibold">Bilagor</legend>
        <ul className="mt-1 space-y-1">
          {documents.map((document) => (
            <li key={document.id}>
              <label className="flex items-start gap-2">
                <input type="checkbox" name={ATTACHMENTS} value={document.id} className="mt-1" defaultChecked={document.direction === "INCOMING"} />
                <span>
                  {document.description} <span className="text-slate-600">({document.number})</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    ) : null}
  </ActionForm>
);
