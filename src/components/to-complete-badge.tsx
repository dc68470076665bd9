/** "Komplettera": a motion registered without motionär or att-sats (case page, diarium, start page). */
export const ToCompleteBadge = () => (
  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900" title="Motionär eller att-satser saknas">
    Komplettera
  </span>
);
