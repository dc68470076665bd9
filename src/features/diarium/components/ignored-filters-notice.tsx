/** Tells the user which URL parameters were not understood and were therefore not applied. */
export const IgnoredFiltersNotice = ({ invalid, cursorIgnored }: { invalid: string[]; cursorIgnored: boolean }) => {
  if (invalid.length === 0 && !cursorIgnored) return null;
  return (
    <div role="alert" className="mt-4 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950">
      {invalid.length > 0 ? <p>Ogiltigt värde ignorerades: {invalid.join(", ")}. Listan visas utan det villkoret.</p> : null}
      {cursorIgnored ? <p>Sidhänvisningen i adressen gick inte att använda. Listan visas från början.</p> : null}
    </div>
  );
};
