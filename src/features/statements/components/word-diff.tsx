// A word-level diff as text with <del>/<ins>, readable without colour (strike-through,
// underline and screen-reader labels).
export type DiffPart = { value: string; added: boolean; removed: boolean };

export const WordDiff = ({ parts, removedLabel, addedLabel }: { parts: DiffPart[]; removedLabel: string; addedLabel: string }) => (
  <div className="whitespace-pre-wrap rounded border border-slate-300 bg-white p-3 leading-relaxed">
    {parts.map((part, index) =>
      part.removed ? (
        <del key={index} className="bg-red-100 text-red-900 line-through decoration-2">
          <span className="sr-only">[{removedLabel}: </span>
          {part.value}
          <span className="sr-only">]</span>
        </del>
      ) : part.added ? (
        <ins key={index} className="bg-green-100 text-green-900 underline decoration-2">
          <span className="sr-only">[{addedLabel}: </span>
          {part.value}
          <span className="sr-only">]</span>
        </ins>
      ) : (
        <span key={index}>{part.value}</span>
      ),
    )}
  </div>
);
