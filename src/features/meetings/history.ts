// Swedish sentences for the meetings' audit events in a case's history ("Händelser").
// Pure; the history page calls it before its default (returns null for other actions).
const str = (data: unknown, key: string): string | null => {
  const value = typeof data === "object" && data !== null ? (data as Record<string, unknown>)[key] : null;
  return typeof value === "string" && value !== "" ? value : null;
};

export const describeMeetingEvent = (action: string, data: unknown, actorName: string | null): string | null => {
  const by = actorName ?? "systemet";
  switch (action) {
    case "agenda.add_case":
      return `${by} tog upp ärendet på föredragningslistan för ${str(data, "committee") ?? "nämnden"}s sammanträde ${str(data, "meetingDate") ?? ""}`.trim();
    case "agenda.move":
      return `${by} flyttade ärendet på föredragningslistan`;
    case "agenda.remove":
      return `${by} tog bort ärendet från föredragningslistan`;
    case "decision.record":
      return `Nämnden beslutade ${str(data, "meetingDate") ?? ""}, ${str(data, "paragraph") ?? ""}: ${str(data, "label") ?? ""}`.replace(/\s+/g, " ").trim();
    case "decision.update":
      return `${by} ändrade beslutet i ${str(data, "paragraph") ?? "paragrafen"}`;
    case "decision.reservation":
      return `Reservation till ${str(data, "paragraph") ?? "beslutet"} (${str(data, "members") ?? ""})`;
    case "decision.special_statement":
      return `Särskilt uttalande till ${str(data, "paragraph") ?? "beslutet"} (${str(data, "members") ?? ""})`;
    case "decision.opinion_remove":
      return `${by} tog bort ett uttalande till ${str(data, "paragraph") ?? "beslutet"}`;
    case "minutes.paragraph_approved":
      return `Protokollet med ${str(data, "paragraph") ?? "paragrafen"} justerades och anslogs ${str(data, "postedDate") ?? ""}; överklagandetiden går ut ${str(data, "appealEndsOn") ?? ""}`.trim();
    case "decision.dispatch": {
      const recipients = (data as { recipients?: unknown })?.recipients;
      const list = Array.isArray(recipients) ? recipients.filter((item) => typeof item === "string").join(", ") : "";
      return `${by} expedierade protokollsutdrag ${str(data, "paragraph") ?? ""} till ${list || "mottagaren"} ${str(data, "sentDate") ?? ""}`.replace(/\s+/g, " ").trim();
    }
    case "case.answered":
      return `Remissen besvarades; nämnden beslutade ${str(data, "answeredDate") ?? ""}`.trim();
    case "union_consultation.record":
      return `${by} registrerade att de fackliga organisationerna informerades (${str(data, "forum") ?? ""} ${str(data, "date") ?? ""})`.replace(/\s+\)/, ")");
    default:
      return null;
  }
};
