// The meeting page's forms for what the protokoll records beyond the decisions: votering
// med namnupprop on a § (from the närvaro: one vote per tjänstgörande member), övriga
// närvarande and the time and place of justering.
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { ActionForm, DateField, Field, Hidden, TimeField } from "@/components/form";
import { inputClass } from "@/components/form/fields";
import { recordRollCallAction, setMeetingRecordDetailsAction } from "../actions";
import { MEMBER_ROLE_LABELS, VOTE_LABELS } from "../labels";
import { VOTE_VALUES } from "../schemas";
import type { getMeetingDetail } from "../server/meeting-page-queries";

type Detail = Awaited<ReturnType<typeof getMeetingDetail>>;
type Item = Detail["items"][number];
type Member = Detail["members"][number];

/** Tjänstgörande: present ledamöter and the ersättare serving for an absent one. */
const servingMembers = (members: Member[]): Member[] => members.filter((member) => member.present && (member.role !== "DEPUTY" || member.serving));

export const RollCallForm = ({ item, members }: { item: Item; members: Member[] }) => {
  const decision = item.decision!;
  const serving = servingMembers(members);
  const earlier = decision.votes?.mode === "ROLL_CALL" ? decision.votes : null;
  const votesOf = new Map(earlier?.entries.map((entry) => [entry.memberId, entry.vote]) ?? []);
  const firstMotion = decision.motions[0];
  return (
    <details className="mt-3 rounded border border-slate-300 p-3">
      <summary className="cursor-pointer font-semibold">Votering med namnupprop (punkt {item.position})</summary>
      {serving.length === 0 ? (
        <p className="mt-2">Registrera närvaron först: voteringen görs bland de tjänstgörande ledamöterna och ersättarna.</p>
      ) : (
        <ActionForm action={recordRollCallAction} submitLabel={`Registrera voteringen för punkt ${item.position}`} testId={`roll-call-form-${item.position}`}>
          <Hidden name="decisionId" value={decision.id} />
          <p className="mt-2 text-slate-700">Propositionsordning: vad en ja-röst och en nej-röst står för. Resultatet räknas fram ur rösterna; vid lika röstetal avgör ordförandens röst.</p>
          <div className="grid gap-2 sm:grid-cols-2">
            <Field name="yesFor" label="Ja-röst för" required defaultValue={earlier?.yesFor ?? `${item.proposerGenitive} förslag`} hint="Till exempel förvaltningens förslag." />
            <Field
              name="noFor"
              label="Nej-röst för"
              required
              defaultValue={earlier?.noFor ?? (firstMotion ? `${firstMotion.member}s${firstMotion.party ? ` (${firstMotion.party})` : ""} yrkande` : undefined)}
              hint="Till exempel Andréa Hedins (M) yrkande."
            />
          </div>
          <DataTable caption={`Röster per tjänstgörande ledamot och ersättare, punkt ${item.position}`} columns={["Namn", "Uppdrag", "Röst"]}>
            {serving.map((member) => (
              <tr key={member.id} className={ROW}>
                <RowHeaderCell>
                  <input type="hidden" name="memberId" value={member.id} />
                  {member.name}
                  {member.party ? ` (${member.party})` : ""}
                </RowHeaderCell>
                <td className={CELL}>{member.role === "DEPUTY" ? "Tjänstgörande ersättare" : MEMBER_ROLE_LABELS[member.role]}</td>
                <td className={CELL}>
                  <select name={`vote-${member.id}`} aria-label={`Röst för ${member.name}`} defaultValue={votesOf.get(member.id) ?? ""} required className={inputClass}>
                    <option value="">Välj</option>
                    {VOTE_VALUES.map((vote) => (
                      <option key={vote} value={vote}>
                        {VOTE_LABELS[vote]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </DataTable>
        </ActionForm>
      )}
    </details>
  );
};

export const RecordDetailsForm = ({ meeting }: { meeting: Detail }) => (
  <section aria-labelledby="record-details-heading" className="rounded border border-slate-300 bg-white p-4">
    <h2 id="record-details-heading" className="text-2xl font-bold">
      Övriga närvarande och justering
    </h2>
    <ActionForm action={setMeetingRecordDetailsAction} submitLabel="Spara övriga närvarande och justering" testId="record-details-form">
      <Hidden name="meetingId" value={meeting.id} />
      <Field
        name="otherAttendees"
        label="Övriga närvarande"
        rows={4}
        defaultValue={meeting.otherAttendees.map((other) => `${other.name}, ${other.role}`).join("\n")}
        hint="En person per rad: namn, funktion. Till exempel: Lee Orberson, stadsdelsdirektör"
      />
      <fieldset className="mt-3">
        <legend className="font-medium">Tid och plats för justering</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          <DateField name="justeringDate" label="Datum" defaultValue={meeting.justering?.date} />
          <TimeField name="justeringTime" label="Klockslag" defaultValue={meeting.justering?.time.replace(".", ":")} />
          <Field name="justeringPlace" label="Plats" defaultValue={meeting.justering?.place ?? undefined} />
        </div>
      </fieldset>
    </ActionForm>
  </section>
);
