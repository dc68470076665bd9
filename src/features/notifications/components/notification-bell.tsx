// Header bell: unread count and the latest notifications in a disclosure (works without
// JavaScript: <details>). The app header reads its data with loadHeader.
import { Link } from "@/components/link";
import type { HeaderData } from "../server/header-queries";
import { MarkAllReadButton } from "./mark-all-read-button";
import { formatDateTime } from "@/lib/dates";

export const NotificationBell = ({ unread, items }: { unread: number; items: HeaderData["notifications"] }) => {
  return (
    <details className="relative">
      <summary className="cursor-pointer list-none rounded px-2 py-1 font-semibold hover:bg-white/10" aria-label={`Notiser, ${unread} olästa`}>
        <span aria-hidden="true">🔔</span> Notiser
        {unread > 0 ? (
          <span className="ml-1 rounded-full bg-white px-1.5 text-sm font-bold text-brand-800" data-testid="notification-count">
            {unread}
          </span>
        ) : null}
      </summary>
      <div className="absolute right-0 z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded border border-slate-300 bg-white p-3 text-slate-900 shadow-lg">
        {items.length === 0 ? (
          <p>Inga notiser.</p>
        ) : (
          <ul className="space-y-2">
            {items.map((item) => (
              <li key={item.id} className={item.readAt ? "text-slate-600" : "font-semibold"}>
                {item.link ? (
                  <Link href={item.link} className="underline">
                    {item.title}
                  </Link>
                ) : (
                  item.title
                )}
                <span className="block text-xs font-normal text-slate-600">
                  {formatDateTime(item.createdAt)}
                  {item.readAt ? "" : " · oläst"}
                </span>
              </li>
            ))}
          </ul>
        )}
        {unread > 0 ? <MarkAllReadButton /> : null}
      </div>
    </details>
  );
};
