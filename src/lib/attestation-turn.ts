// Whose turn it is in an attestation request: in a parallel request every waiting step is; in a
// sequential one a step is when every earlier step is attested.
import type { AttestationOrder, AttestationStepStatus } from "@/generated/prisma/enums";

export type TurnRequest = { order: AttestationOrder; steps: { position: number; status: AttestationStepStatus }[] };

export const stepInTurn = (request: TurnRequest, position: number): boolean =>
  request.order === "PARALLEL" || request.steps.every((other) => other.position >= position || other.status === "ATTESTED");
