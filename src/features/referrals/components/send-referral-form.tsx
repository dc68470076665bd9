// "Skicka på remiss": the remissinstanser (the municipality's committees, each with its own
// remisstid, and external bodies one per line), the missiv's text from the template, the
// handlingar sent along and how the sending is registered in the diarium.
import { ActionForm, DATE_FORMAT_HINT, DateField, Field, FieldGroup, Hidden, inputClass, isoDateInputProps } from "@/components/form";
import { DocumentPicker } from "@/features/documents/components";
import { sendReferralAction } from "../actions";
import type { SendReferralOptionsView } from "../server";

export const SendReferralForm = ({ options }: { options: SendReferralOptionsView }) => (
  <ActionForm action={sendReferralAction} submitLabel="Skicka remissen" pendingLabel="Skickar …" testId="send-referral-form">
    <Hidden name="caseId" value={options.caseId} />
    <DateField name="sentDate" label="Datum för utskicket" defaultValue={options.today} required />
    <DateField name="dueDate" label="Remisstid" hint={`Gäller de remissinstanser som inte får en egen remisstid nedan. ${DATE_FORMAT_HINT}`} />
    <FieldGroup name="recipients" legend="Remissinstanser i kommunen" className="space-y-2">
      <ul className="space-y-2">
        {options.committees.map((committee) => (
          <li key={committee.id} className="flex flex-wrap items-end gap-4">
            <span className="flex items-center gap-2">
              <input type="checkbox" id={`referral-committee-${committee.id}`} name="committeeIds" value={committee.id} className="h-5 w-5" />
              <label htmlFor={`referral-committee-${committee.id}`} className="font-medium">
                {committee.name}
              </label>
            </span>
            <span>
              <label htmlFor={`referral-due-${committee.id}`} className="block text-sm">
                Egen remisstid för {committee.name}
              </label>
              <input id={`referral-due-${committee.id}`} name={`dueDate.${committee.id}`} className={`${inputClass} w-40`} {...isoDateInputProps} />
            </span>
          </li>
        ))}
      </ul>
    </FieldGroup>
    <Field
      name="external"
      label="Externa remissinstanser"
      rows={3}
      hint="En per rad: namn; e-postadress till registraturen; remisstid (ÅÅÅÅ-MM-DD, kan utelämnas). Andra kommuner är externa remissinstanser."
    />
    <Field name="text" label="Missivets text" rows={8} defaultValue={options.defaultText} required />
    {options.documents.total > 0 ? <DocumentPicker caseId={options.caseId} choices={options.documents} name="documentIds" legend="Remisshandlingar som skickas med" /> : null}
    <FieldGroup name="reminders" legend="Påminnelser till remissinstanser som inte har svarat" className="flex flex-wrap gap-4">
      <Field name="reminderDaysBefore" label="Dagar före remisstiden" type="number" min={0} max={90} defaultValue="5" hint="0 = ingen påminnelse före." />
      <Field name="reminderDaysAfter" label="Dagar efter remisstiden" type="number" min={0} max={90} defaultValue="1" hint="0 = ingen påminnelse efter." />
    </FieldGroup>
    <FieldGroup name="letterMode" legend="Registrering i diariet" className="space-y-1">
      <span className="flex items-center gap-2">
        <input type="radio" id="referral-mode-per" name="letterMode" value="PER_RECIPIENT" defaultChecked className="h-5 w-5" />
        <label htmlFor="referral-mode-per">En utgående handling och ett missiv per remissinstans</label>
      </span>
      <span className="flex items-center gap-2">
        <input type="radio" id="referral-mode-shared" name="letterMode" value="SHARED" className="h-5 w-5" />
        <label htmlFor="referral-mode-shared">En utgående handling med sändlista och ett gemensamt missiv</label>
      </span>
    </FieldGroup>
  </ActionForm>
);
