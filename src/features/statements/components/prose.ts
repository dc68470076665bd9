// Typography of statement text, in the editor and in the preview alike (Tailwind's
// preflight removes list markers and heading sizes; these put them back, scoped).
export const PROSE_CLASSES =
  "[&_p]:my-2 [&_h3]:mt-4 [&_h3]:mb-1 [&_h3]:text-lg [&_h3]:font-semibold [&_h4]:mt-3 [&_h4]:font-semibold [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-slate-300 [&_blockquote]:pl-3 [&_blockquote]:italic [&_a]:text-brand-700 [&_a]:underline";
