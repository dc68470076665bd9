import { Field, GetForm } from "@/components/form";

// A plain GET form: works without JavaScript; the page redirects to /verifiera/<code>.
export const VerifyForm = ({ value, error }: { value?: string; error?: string | null }) => (
  <GetForm action="/verifiera" className="mt-6 max-w-sm space-y-3" fieldErrors={error ? { kod: [error] } : undefined}>
    <Field
      name="kod"
      label="Verifieringskod"
      hint="Koden står under ”Attesterat av” på dokumentet, till exempel ABCD-EFGH-JKLM."
      defaultValue={value}
      autoComplete="off"
      spellCheck={false}
      maxLength={40}
    />
    <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2">
      Verifiera
    </button>
  </GetForm>
);
