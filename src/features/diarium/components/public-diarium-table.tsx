import { formatDateOnly, formatStockholmDay } from "../dates";
import { DOCUMENT_DIRECTION_LABELS, secrecyMarking } from "../labels";
import type { PublicDiariumRow } from "../server/public-diarium";

/**
 * Rows of the public diarium. A confidential row has no description, counterpart or case
 * title at all (the query nulls them): it shows the OSL marking in their place.
 */
export const PublicDiariumTable = ({ rows }: { rows: PublicDiariumRow[] }) => (
  <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Registrerade handlingar, senast registrerade först</caption>
      <thead className="bg-slate-100">
        <tr>
          <th scope="col" className="px-3 py-2">
            Diarienummer
          </th>
          <th scope="col" className="px-3 py-2">
            Registrerad
          </th>
          <th scope="col" className="px-3 py-2">
            Handlingens datum
          </th>
          <th scope="col" className="px-3 py-2">
            Riktning
          </th>
          <th scope="col" className="px-3 py-2">
            Avsändare/mottagare
          </th>
          <th scope="col" className="px-3 py-2">
            Beskrivning
          </th>
          <th scope="col" className="px-3 py-2">
            Ärende
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className="border-t border-slate-200 align-top">
            <th scope="row" className="whitespace-nowrap px-3 py-2 font-semibold">
              {row.documentNumber}
              {row.caseStatus === "MISREGISTERED" ? <span className="ml-2 block text-xs font-semibold text-slate-700">Felregistrerad</span> : null}
            </th>
            <td className="whitespace-nowrap px-3 py-2">{formatStockholmDay(row.registeredAt)}</td>
            <td className="whitespace-nowrap px-3 py-2">{formatDateOnly(row.documentDate)}</td>
            <td className="px-3 py-2">{DOCUMENT_DIRECTION_LABELS[row.direction]}</td>
            {row.secrecyReference !== null ? (
              <td colSpan={3} className="px-3 py-2 font-semibold">
                {secrecyMarking(row.secrecyReference)}
              </td>
            ) : (
              <>
                <td className="px-3 py-2">{row.counterpart ?? "–"}</td>
                <td className="px-3 py-2">{row.description}</td>
                <td className="px-3 py-2">
                  {row.caseTitle} <span className="text-slate-600">({row.committeeShortName})</span>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);
