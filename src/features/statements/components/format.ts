// Times and dates as the UI shows them (Europe/Stockholm; dates ISO like 2024-04-25).
const time = new Intl.DateTimeFormat("sv-SE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" });
const date = new Intl.DateTimeFormat("sv-SE", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Stockholm" });

export const formatTime = (iso: string): string => time.format(new Date(iso));
export const formatDate = (iso: string): string => date.format(new Date(iso));
export const formatDateTime = (iso: string): string => `${formatDate(iso)} ${formatTime(iso)}`;
