import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { ROLE_LABELS } from "@/lib/roles";
import type { AttestationStepView } from "../server/attestation-state";
import { STEP_STATUS_LABELS } from "./labels";
import { formatDateTime } from "@/lib/dates";

export const AttestationSteps = ({ steps, caption }: { steps: AttestationStepView[]; caption: string }) => (
  <DataTable caption={caption} captionVisible columns={["Ordning", "Attestant", "Roll", "Status", "Tidpunkt", "Inloggning"]}>
    {steps.map((step) => (
      <tr key={step.id} className={ROW} data-testid="attestation-step">
        <td className={CELL}>{step.position}</td>
        <RowHeaderCell>
          {step.attesterName ?? step.assigneeName}
          {step.attesterTitle ? <span className="block font-normal text-slate-600">{step.attesterTitle}</span> : null}
        </RowHeaderCell>
        <td className={CELL}>{ROLE_LABELS[step.role]}</td>
        <td className={CELL}>
          {STEP_STATUS_LABELS[step.status]}
          {step.comment ? <span className="block text-slate-700">Kommentar: {step.comment}</span> : null}
        </td>
        <td className={`whitespace-nowrap ${CELL}`}>{step.attestedAt ? formatDateTime(step.attestedAt) : "–"}</td>
        <td className={CELL}>{step.authMethod ?? "–"}</td>
      </tr>
    ))}
  </DataTable>
);
