import { ROLE_LABELS } from "@/lib/roles";
import type { AttestationStepView } from "../server/attestation-state";
import { STEP_STATUS_LABELS } from "./labels";
import { formatDateTime } from "@/lib/dates";

export const AttestationSteps = ({ steps, caption }: { steps: AttestationStepView[]; caption: string }) => (
  <table className="mt-3 w-full border-collapse bg-white text-left text-sm">
    <caption className="mb-2 text-left font-semibold">{caption}</caption>
    <thead>
      <tr className="border-b border-slate-300">
        <th scope="col" className="px-2 py-1">Ordning</th>
        <th scope="col" className="px-2 py-1">Attestant</th>
        <th scope="col" className="px-2 py-1">Roll</th>
        <th scope="col" className="px-2 py-1">Status</th>
        <th scope="col" className="px-2 py-1">Tidpunkt</th>
        <th scope="col" className="px-2 py-1">Inloggning</th>
      </tr>
    </thead>
    <tbody>
      {steps.map((step) => (
        <tr key={step.id} className="border-b border-slate-200 align-top" data-testid="attestation-step">
          <td className="px-2 py-1">{step.position}</td>
          <td className="px-2 py-1">
            {step.attesterName ?? step.assigneeName}
            {step.attesterTitle ? <span className="block text-slate-600">{step.attesterTitle}</span> : null}
          </td>
          <td className="px-2 py-1">{ROLE_LABELS[step.role]}</td>
          <td className="px-2 py-1">
            {STEP_STATUS_LABELS[step.status]}
            {step.comment ? <span className="block text-slate-700">Kommentar: {step.comment}</span> : null}
          </td>
          <td className="px-2 py-1">{step.attestedAt ? formatDateTime(step.attestedAt) : "–"}</td>
          <td className="px-2 py-1">{step.authMethod ?? "–"}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
