// The one table of the app: a caption (visible or for screen readers), column headers with
// scope, and on narrow screens (a phone, 200 % zoom) stacked rows whose cells are labelled
// by their column headers (globals.css, .data-table), so nothing is cut off to the side.
// Rows are the caller's <tr>s, styled with ROW and CELL so every list looks and reads the same.
import { Link } from "@/components/link";
import type { CSSProperties, ReactNode } from "react";

type DataTableProps = {
  caption: ReactNode;
  /** A visible caption tells what the list is; hidden when a heading above already does. */
  captionVisible?: boolean;
  columns: readonly string[];
  children: ReactNode;
  /** data-testid on the <table>, for tests that look up one list among several. */
  testId?: string;
};

export const ROW = "border-t border-slate-200 align-top";
export const CELL = "px-3 py-2";

/** A CSS string literal, for `content:`. */
const cssString = (value: string): string => `"${value.replace(/["\\]/g, "\\$&").replace(/\n/g, "\\a ")}"`;

/** The column headers as --column-1 … for the stacked layout's cell labels (globals.css labels up to 8). */
const columnLabels = (columns: readonly string[]): CSSProperties =>
  Object.fromEntries(columns.map((column, index) => [`--column-${index + 1}`, cssString(column)])) as CSSProperties;

export const DataTable = ({ caption, captionVisible = false, columns, children, testId }: DataTableProps) => (
  <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
    <table className="data-table w-full border-collapse text-left text-sm" style={columnLabels(columns)} data-testid={testId}>
      <caption className={captionVisible ? "px-3 py-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
      <thead className="bg-slate-100">
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className={CELL}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);

/** The row header of a list of cases: the diarienummer, linking to the case (or to `href`). */
export const CaseNumberCell = ({ caseNumber, href }: { caseNumber: string; href: string }) => (
  <th scope="row" className={`whitespace-nowrap font-semibold ${CELL}`}>
    <Link href={href} className="text-brand-700 underline underline-offset-4">
      {caseNumber}
    </Link>
  </th>
);

/** A plain row header (a name, a number) for lists that are not of cases. */
export const RowHeaderCell = ({ children }: { children: ReactNode }) => (
  <th scope="row" className={`font-semibold ${CELL}`}>
    {children}
  </th>
);
