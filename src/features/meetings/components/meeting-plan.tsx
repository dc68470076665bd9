import { Link } from "@/components/link";
import { CELL, DataTable, ROW } from "@/components/data-table";
import { createMeetingAction } from "../actions";
import { MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS } from "../labels";
import type { getMeetingPlan } from "../server/meeting-page-queries";
import { ActionForm, DateField, Field, GetForm, Hidden, SelectField, TimeField } from "@/components/form";
import { CreateHistoricalMeetingForm, HistoricalBadge, NextParagraphForm } from "./historical-meeting";

type Plan = Awaited<ReturnType<typeof getMeetingPlan>>;

export const MeetingPlan = ({ plan }: { plan: Plan }) => {
  if (!plan.selected) {
    return <p className="mt-6">Du har ingen roll i någon nämnd och kan därför inte se några sammanträden.</p>;
  }
  const { selected, year } = plan;
  return (
    <div className="mt-6 space-y-8">
      <GetForm className="flex flex-wrap items-end gap-4" ariaLabel="Välj nämnd och år">
        <SelectField name="namnd" label="Nämnd" defaultValue={selected.id} options={plan.committees.map((committee) => ({ value: committee.id, label: committee.name }))} />
        <Field name="ar" label="År" type="number" min={2000} max={2100} defaultValue={year} className="w-28" />
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
          Visa
        </button>
      </GetForm>

      <DataTable caption={`Sammanträdesplan ${year} – ${selected.name}`} captionVisible columns={["Datum", "Tid", "Plats", "Status", "Punkter", "Protokoll"]}>
        {plan.meetings.length === 0 ? (
          <tr className={ROW}>
            <td colSpan={6} className={`text-slate-600 ${CELL}`}>
              Inga sammanträden är planerade {year}.
            </td>
          </tr>
        ) : (
          plan.meetings.map((meeting) => (
            <tr key={meeting.id} className={ROW}>
              <th scope="row" className={`whitespace-nowrap font-semibold ${CELL}`}>
                <Link href={`/sammantraden/${meeting.id}`} className="text-brand-700 underline underline-offset-4">
                  {meeting.date}
                </Link>
              </th>
              <td className={`whitespace-nowrap ${CELL}`}>kl. {meeting.time}</td>
              <td className={CELL}>{meeting.place}</td>
              <td className={CELL}>
                {MEETING_STATUS_LABELS[meeting.status]}
                {meeting.historical ? <HistoricalBadge /> : null}
              </td>
              <td className={CELL}>{meeting.items}</td>
              <td className={CELL}>{meeting.minutesStatus ? MINUTES_STATUS_LABELS[meeting.minutesStatus] : "–"}</td>
            </tr>
          ))
        )}
      </DataTable>

      {plan.canEdit ? (
        <section aria-labelledby="new-meeting" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="new-meeting" className="text-xl font-semibold">
            Nytt sammanträde
          </h2>
          <ActionForm action={createMeetingAction} submitLabel="Planera sammanträde" testId="new-meeting-form">
            <Hidden name="committeeId" value={selected.id} />
            <DateField name="date" label="Datum" required />
            <TimeField name="time" label="Klockslag" defaultValue="18:00" required />
            <Field name="place" label="Plats" required defaultValue="" />
          </ActionForm>
        </section>
      ) : null}

      {plan.canEdit ? (
        <div className="grid gap-6 md:grid-cols-2">
          <section aria-labelledby="historical-meeting" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="historical-meeting" className="text-xl font-semibold">
              Historiskt sammanträde
            </h2>
            <CreateHistoricalMeetingForm committeeId={selected.id} />
          </section>
          <section aria-labelledby="next-paragraph" className="rounded border border-slate-300 bg-white p-4">
            <h2 id="next-paragraph" className="text-xl font-semibold">
              Paragrafnumrering
            </h2>
            <p className="text-sm text-slate-700">
              Nästa § för {selected.name} {year}: <strong data-testid="next-paragraph">§ {plan.nextParagraph}</strong>
            </p>
            <NextParagraphForm committeeId={selected.id} year={year} nextParagraph={plan.nextParagraph} />
          </section>
        </div>
      ) : null}
    </div>
  );
};
