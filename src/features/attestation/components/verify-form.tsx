// A plain GET form: works without JavaScript; the page redirects to /verifiera/<code>.
export const VerifyForm = ({ value, error }: { value?: string; error?: string | null }) => (
  <form method="get" action="/verifiera" className="mt-6 space-y-3" noValidate>
    {error ? (
      <p role="alert" id="kod-error" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-red-800">
        {error}
      </p>
    ) : null}
    <label htmlFor="kod" className="block font-medium">
      Verifieringskod
    </label>
    <p id="kod-hint" className="text-sm text-slate-700">
      Koden står under ”Attesterat av” på dokumentet, till exempel ABCD-EFGH-JKLM.
    </p>
    <input
      id="kod"
      name="kod"
      defaultValue={value}
      autoComplete="off"
      spellCheck={false}
      maxLength={40}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? "kod-hint kod-error" : "kod-hint"}
      className="w-full max-w-sm rounded border border-slate-400 px-3 py-2 font-mono uppercase"
    />
    <div>
      <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2">
        Verifiera
      </button>
    </div>
  </form>
);
