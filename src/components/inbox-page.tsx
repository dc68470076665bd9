// A page of what waits for the signed-in user (Att attestera, Att justera): its heading, then
// the caller's table, or a sentence when nothing waits.
import type { ReactNode } from "react";

type InboxPageProps = { id: string; title: string; count: number; emptyText: string; children: ReactNode };

export const InboxPage = ({ id, title, count, emptyText, children }: InboxPageProps) => (
  <section aria-labelledby={id}>
    <h1 id={id} className="text-3xl font-bold">
      {title}
    </h1>
    {count === 0 ? (
      <p className="mt-6 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center" role="status">
        {emptyText}
      </p>
    ) : (
      children
    )}
  </section>
);
