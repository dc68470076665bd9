// The case page's "Händelser": audit events of the case in Swedish. Events of other
// features that are not described here still appear, with their technical name.
import "server-only";

export type CaseEventInput = { action: string; data: unknown; actorName: string | null };

const field = (data: unknown, key: string): string | null => {
  if (typeof data !== "object" || data === null) return null;
  const value = (data as Record<string, unknown>)[key];
  return typeof value === "string" && value.length > 0 ? value : null;
};

export const describeCaseEvent = ({ action, data, actorName }: CaseEventInput): string => {
  const by = actorName ?? "systemet";
  switch (action) {
    case "case.register":
      return `Ärendet registrerades av ${by}`;
    case "document.register":
      return `Handling ${field(data, "documentNumber") ?? ""} registrerades`.replace("  ", " ");
    case "case.reassign":
      return `Handläggare ändrad till ${field(data, "toName") ?? "en annan handläggare"}`;
    case "case.close": {
      const reason = field(data, "reason");
      return reason ? `Ärendet avslutades: ${reason}` : "Ärendet avslutades";
    }
    case "case.misregister": {
      const reason = field(data, "reason");
      return reason ? `Ärendet markerades som felregistrerat: ${reason}` : "Ärendet markerades som felregistrerat";
    }
    default:
      return `Händelse: ${action}`;
  }
};
