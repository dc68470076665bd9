// The form kit: every form of the app is built from these.
export { ActionForm, clientFormAction, fieldIdOf, FormScope, GetForm, PageStatus, useFormField, useFormValues } from "./action-form";
export { type Confirmation } from "./confirm-dialog";
export { ErrorSummary, type ErrorSummaryItem } from "./error-summary";
export { CheckboxField, DATE_FORMAT_HINT, DateField, Field, FieldError, FieldFrame, FieldGroup, Hidden, inputClass, isoDateInputProps, LabelledControl, SelectField, TimeField, type ControlProps, type SelectGroup, type SelectOption } from "./fields";
export { FormPanel } from "./form-panel";
export { buttonClass, SubmitButton } from "./submit-button";
