import type { ReactNode } from "react";

const HEADING_CLASSES = { 2: "mb-3 text-2xl font-semibold", 3: "mb-3 text-lg font-semibold" } as const;

/** The panel around a form that creates something ("Ny klass", "Ny avdelning"): a section named by its heading. */
export const FormPanel = ({ id, title, level = 2, className, children }: { id: string; title: string; level?: 2 | 3; className?: string; children: ReactNode }) => {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={id} className={[className, "rounded-lg border border-slate-200 bg-white p-4"].filter(Boolean).join(" ")}>
      <Heading id={id} className={HEADING_CLASSES[level]}>
        {title}
      </Heading>
      {children}
    </section>
  );
};
