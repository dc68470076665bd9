import { CELL, DataTable, ROW } from "@/components/data-table";
import { secrecyMarking } from "@/features/cases/secrecy";
import { DOCUMENT_DIRECTION_LABELS } from "../labels";
import type { PublicDiariumRow, PublicReferralInstance } from "../server/public-diarium";
import { formatDate, formatDateOnly } from "@/lib/dates";

const instanceState = (instance: PublicReferralInstance): string => {
  switch (instance.status) {
    case "ANSWERED":
      return instance.answeredDate ? `besvarad ${instance.answeredDate}` : "besvarad";
    case "RETURNED":
      return "återsänd utan yttrande";
    case "SENT":
    case "ACCEPTED":
      return `inte besvarad, remisstid ${instance.dueDate}`;
  }
};

/** Who a remissmissiv went to and whether they have answered (public information). */
const ReferralInstances = ({ instances }: { instances: PublicReferralInstance[] }) => (
  <div className="mt-1 text-sm">
    <span className="font-semibold">Remissinstanser:</span>
    <ul className="list-inside list-disc">
      {instances.map((instance, index) => (
        <li key={index}>
          {instance.name} – {instanceState(instance)}
        </li>
      ))}
    </ul>
  </div>
);

/**
 * Rows of the public diarium. A confidential row has no description, counterpart or case
 * title at all (the query nulls them): it shows the OSL marking in their place.
 */
export const PublicDiariumTable = ({ rows }: { rows: PublicDiariumRow[] }) => (
  <DataTable
    caption="Registrerade handlingar, senast registrerade först"
    columns={["Diarienummer", "Registrerad", "Handlingens datum", "Riktning", "Avsändare/mottagare", "Beskrivning", "Ärende"]}
  >
    {rows.map((row) => (
      <tr key={row.id} className={ROW}>
        <th scope="row" className={`whitespace-nowrap font-semibold ${CELL}`}>
          {row.documentNumber}
          {row.caseStatus === "MISREGISTERED" ? <span className="ml-2 block text-xs font-semibold text-slate-700">Felregistrerad</span> : null}
        </th>
        <td className={`whitespace-nowrap ${CELL}`}>{formatDate(row.registeredAt)}</td>
        <td className={`whitespace-nowrap ${CELL}`}>{formatDateOnly(row.documentDate)}</td>
        <td className={CELL}>{DOCUMENT_DIRECTION_LABELS[row.direction]}</td>
        {row.secrecyReference !== null ? (
          <td colSpan={3} className={`font-semibold ${CELL}`}>
            {secrecyMarking(row.secrecyReference)}
          </td>
        ) : (
          <>
            <td className={CELL}>{row.counterpart ?? "–"}</td>
            <td className={CELL}>
              {row.description}
              {row.referralInstances ? <ReferralInstances instances={row.referralInstances} /> : null}
            </td>
            <td className={CELL}>
              {row.caseTitle} <span className="text-slate-600">({row.committeeShortName})</span>
            </td>
          </>
        )}
      </tr>
    ))}
  </DataTable>
);
