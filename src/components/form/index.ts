// The form kit: every form of the app is built from these.
export { ActionForm, clientFormAction, fieldIdOf, FormScope, GetForm, useFormField, useFormValues } from "./action-form";
export { ErrorSummary, type ErrorSummaryItem } from "./error-summary";
export { CheckboxField, Field, FieldError, FieldFrame, FieldGroup, Hidden, inputClass, LabelledControl, SelectField, type ControlProps, type SelectGroup, type SelectOption } from "./fields";
export { SubmitButton } from "./submit-button";
