import Link from "next/link";
import { createMeetingAction } from "../actions";
import { MEETING_STATUS_LABELS, MINUTES_STATUS_LABELS } from "../labels";
import type { getMeetingPlan } from "../server/meeting-queries";
import { ActionForm, Field, Hidden } from "./action-form";

type Plan = Awaited<ReturnType<typeof getMeetingPlan>>;

export const MeetingPlan = ({ plan }: { plan: Plan }) => {
  if (!plan.selected) {
    return <p className="mt-6">Du har ingen roll i någon nämnd och kan därför inte se några sammanträden.</p>;
  }
  const { selected, year } = plan;
  return (
    <div className="mt-6 space-y-8">
      <form method="get" className="flex flex-wrap items-end gap-4" aria-label="Välj nämnd och år">
        <div>
          <label htmlFor="plan-committee" className="block font-medium">
            Nämnd
          </label>
          <select id="plan-committee" name="namnd" defaultValue={selected.id} className="mt-1 rounded border border-slate-400 bg-white px-3 py-2">
            {plan.committees.map((committee) => (
              <option key={committee.id} value={committee.id}>
                {committee.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="plan-year" className="block font-medium">
            År
          </label>
          <input id="plan-year" name="ar" type="number" min={2000} max={2100} defaultValue={year} className="mt-1 w-28 rounded border border-slate-400 px-3 py-2" />
        </div>
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold hover:bg-slate-100">
          Visa
        </button>
      </form>

      <table className="w-full border-collapse bg-white text-left">
        <caption className="mb-2 text-left text-xl font-semibold">
          Sammanträdesplan {year} – {selected.name}
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-300">
            <th scope="col" className="p-2">Datum</th>
            <th scope="col" className="p-2">Tid</th>
            <th scope="col" className="p-2">Plats</th>
            <th scope="col" className="p-2">Status</th>
            <th scope="col" className="p-2">Punkter</th>
            <th scope="col" className="p-2">Protokoll</th>
          </tr>
        </thead>
        <tbody>
          {plan.meetings.length === 0 ? (
            <tr>
              <td colSpan={6} className="p-4 text-slate-600">
                Inga sammanträden är planerade {year}.
              </td>
            </tr>
          ) : (
            plan.meetings.map((meeting) => (
              <tr key={meeting.id} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-semibold">
                  <Link href={`/sammantraden/${meeting.id}`} className="text-brand-700 underline">
                    {meeting.date}
                  </Link>
                </th>
                <td className="p-2">kl. {meeting.time}</td>
                <td className="p-2">{meeting.place}</td>
                <td className="p-2">{MEETING_STATUS_LABELS[meeting.status]}</td>
                <td className="p-2">{meeting.items}</td>
                <td className="p-2">{meeting.minutesStatus ? MINUTES_STATUS_LABELS[meeting.minutesStatus] : "–"}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>

      {plan.canEdit ? (
        <section aria-labelledby="new-meeting" className="rounded border border-slate-300 bg-white p-4">
          <h2 id="new-meeting" className="text-xl font-semibold">
            Nytt sammanträde
          </h2>
          <ActionForm action={createMeetingAction} submitLabel="Planera sammanträde" testId="new-meeting-form">
            <Hidden name="committeeId" value={selected.id} />
            <Field name="date" label="Datum" type="date" required />
            <Field name="time" label="Klockslag" type="time" defaultValue="18:00" required />
            <Field name="place" label="Plats" required defaultValue="" />
          </ActionForm>
        </section>
      ) : null}
    </div>
  );
};
