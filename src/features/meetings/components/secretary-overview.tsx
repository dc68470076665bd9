// The nämndsekreterare's lists on the start page (server/work-queues.ts getSecretaryOverview).
import { Link, LINK_CLASS } from "@/components/link";
import { CaseNumberCell, CELL, DataTable, ROW } from "@/components/data-table";
import { formatDate } from "@/lib/dates";
import { meetingTime } from "../dates";
import { MEETING_STATUS_LABELS } from "../labels";
import type { SecretaryOverview } from "../server/work-queues";


export const NextMeetingsTable = ({ meetings }: { meetings: SecretaryOverview["nextMeetings"] }) => (
  <DataTable caption="Kommande sammanträden" columns={["Sammanträde", "Nämnd", "Plats", "Status", "Ärendepunkter"]}>
    {meetings.map((meeting) => (
      <tr key={meeting.id} className={ROW}>
        <th scope="row" className={`whitespace-nowrap ${CELL}`}>
          <Link href={`/sammantraden/${meeting.id}`} className={LINK_CLASS}>
            {formatDate(meeting.startsAt)} kl. {meetingTime(meeting.startsAt)}
          </Link>
        </th>
        <td className={CELL}>{meeting.committee.shortName}</td>
        <td className={CELL}>{meeting.place}</td>
        <td className={CELL}>{MEETING_STATUS_LABELS[meeting.status]}</td>
        <td className={CELL}>{meeting._count.agendaItems}</td>
      </tr>
    ))}
  </DataTable>
);

export const ReadyForAgendaTable = ({ cases }: { cases: SecretaryOverview["readyForAgenda"]["rows"] }) => (
  <DataTable caption="Attesterade ärenden som inte står på någon föredragningslista" columns={["Diarienummer", "Rubrik", "Handläggare"]}>
    {cases.map((row) => (
      <tr key={row.id} className={ROW}>
        <CaseNumberCell caseNumber={row.caseNumber} href={`/arenden/${row.id}`} />
        <td className={CELL}>
          {row.title}
          {row.verified ? null : <strong className="mt-1 block text-red-900">⚠ Attesteringen kan inte verifieras, och ärendet kan inte sättas på en föredragningslista. Öppna ärendet för att se varför.</strong>}
        </td>
        <td className={CELL}>{row.caseOfficer}</td>
      </tr>
    ))}
  </DataTable>
);

export const MinutesInJusteringTable = ({ minutes }: { minutes: SecretaryOverview["inJustering"] }) => (
  <DataTable caption="Protokoll som är ute för justering" columns={["Protokoll", "Nämnd", "Ordförande", "Justerare"]}>
    {minutes.map((row) => (
      <tr key={row.id} className={ROW}>
        <th scope="row" className={`whitespace-nowrap ${CELL}`}>
          <Link href={`/sammantraden/${row.meeting.id}/protokoll`} className={LINK_CLASS}>
            Protokoll {formatDate(row.meeting.startsAt)}
          </Link>
        </th>
        <td className={CELL}>{row.meeting.committee.shortName}</td>
        <td className={CELL}>{row.chair.name}</td>
        <td className={CELL}>{row.checker.name}</td>
      </tr>
    ))}
  </DataTable>
);
