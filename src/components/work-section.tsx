// One section of a work list (the start page, Bevakning): a heading with its count, the
// caller's table or list, and a sentence when nothing waits.
import type { ReactNode } from "react";

type WorkSectionProps = { id: string; heading: string; count: number; emptyText: string; children: ReactNode };

export const WorkSection = ({ id, heading, count, emptyText, children }: WorkSectionProps) => (
  <section aria-labelledby={id} className="mt-8" data-testid={id}>
    <h2 id={id} className="text-xl font-bold">
      {heading} <span className="font-normal text-slate-700">({count})</span>
    </h2>
    {count === 0 ? <p className="mt-2 text-slate-700">{emptyText}</p> : children}
  </section>
);
