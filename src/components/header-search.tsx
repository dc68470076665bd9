/** The search field in the header of every signed-in page: a plain GET form to /sok (works without JavaScript). */
export const HeaderSearch = () => (
  <form action="/sok" method="get" role="search" aria-label="Sök i Yttra" className="flex items-center gap-2">
    <label htmlFor="header-search" className="sr-only">
      Sök ärenden, handlingar och utlåtanden
    </label>
    <input id="header-search" name="q" type="search" maxLength={200} placeholder="Sök ord eller diarienummer" className="w-48 rounded border border-white/40 bg-white px-2 py-1 text-slate-900 placeholder:text-slate-500" />
    <button type="submit" className="rounded border border-white/60 px-3 py-1 font-semibold hover:bg-white/10">
      Sök
    </button>
  </form>
);
