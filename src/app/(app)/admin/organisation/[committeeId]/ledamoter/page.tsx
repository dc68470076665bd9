import { FormPanel } from "@/components/form";
import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { CreateMemberForm, EditMemberForm, EndTermForm, MemberImport } from "@/features/admin/components/member-forms";
import { COMMITTEE_KIND_LABELS, MEMBER_ROLE_LABELS } from "@/features/admin/committees";
import { requireAdminPage } from "@/features/admin/require-admin";
import { getCommitteeMembers } from "@/features/admin/server/admin-queries";

export const metadata: Metadata = { title: "Ledamöter – Administration" };

type Members = NonNullable<Awaited<ReturnType<typeof getCommitteeMembers>>>;

const MemberTable = ({ caption, rows, data, editable }: { caption: string; rows: Members["current"]; data: Members; editable: boolean }) => (
  <DataTable caption={caption} columns={editable ? ["Namn", "Parti", "Roll", "Mandatperiod", "Kontakt", "Användarkonto", "Ändra"] : ["Namn", "Parti", "Roll", "Mandatperiod", "Kontakt", "Användarkonto"]}>
    {rows.map((member) => (
      <tr key={member.id} className={ROW}>
        <RowHeaderCell>{member.name}</RowHeaderCell>
        <td className={CELL}>{member.party ?? ""}</td>
        <td className={CELL}>{MEMBER_ROLE_LABELS[member.role]}</td>
        <td className={CELL}>{member.term}</td>
        <td className={CELL}>{[member.email, member.phone].filter(Boolean).join(", ")}</td>
        <td className={CELL}>{member.user ? `${member.user.name} (${member.user.username})` : ""}</td>
        {editable ? (
          <td className={`${CELL} space-y-3`}>
            <EditMemberForm member={member} />
            <EndTermForm member={member} today={data.today} />
          </td>
        ) : null}
      </tr>
    ))}
  </DataTable>
);

const CommitteeMembersPage = async ({ params }: { params: Promise<{ committeeId: string }> }) => {
  const { committeeId } = await params;
  const { actor, municipality } = await requireAdminPage();
  const data = await getCommitteeMembers(actor, committeeId);
  if (!data) notFound();
  const { committee } = data;
  return (
    <>
      <AdminPageHeader
        title={`Ledamöter – ${committee.name}`}
        current="/admin/organisation"
        municipalityName={municipality.name}
        intro={
          <p>
            {COMMITTEE_KIND_LABELS[committee.kind]} ({committee.shortName}). Närvaro, omröstningar och val av ordförande och justerare vid ett sammanträde görs bland dem som har uppdraget på sammanträdesdagen.{" "}
            <Link href="/admin/organisation" className="font-semibold text-brand-700 underline">
              Tillbaka till organisationen
            </Link>
          </p>
        }
      />
      <section aria-labelledby="current" className="space-y-4">
        <h2 id="current" className="text-2xl font-semibold">
          Nuvarande ledamöter och ersättare ({data.current.length})
        </h2>
        {data.current.length > 0 ? <MemberTable caption={`Ledamöter och ersättare i ${committee.name} ${data.today}`} rows={data.current} data={data} editable /> : <p>Nämnden har inga ledamöter i dag.</p>}
      </section>
      {data.upcoming.length > 0 ? (
        <section aria-labelledby="upcoming" className="mt-10 space-y-4">
          <h2 id="upcoming" className="text-2xl font-semibold">
            Kommande mandatperiod ({data.upcoming.length})
          </h2>
          <MemberTable caption="Ledamöter och ersättare vars uppdrag inte har börjat" rows={data.upcoming} data={data} editable />
        </section>
      ) : null}
      <FormPanel id="new-member" title="Ny ledamot eller ersättare" className="mt-10">
        <CreateMemberForm committeeId={committee.id} />
      </FormPanel>
      <section aria-labelledby="import" className="mt-10 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="import" className="mb-3 text-2xl font-semibold">
          Importera en ny mandatperiod (CSV)
        </h2>
        <MemberImport committeeId={committee.id} />
      </section>
      {data.former.length > 0 ? (
        <section aria-labelledby="former" className="mt-10 space-y-4">
          <h2 id="former" className="text-2xl font-semibold">
            Tidigare ledamöter och ersättare ({data.former.length})
          </h2>
          <MemberTable caption="Ledamöter och ersättare vars uppdrag har upphört" rows={data.former} data={data} editable={false} />
        </section>
      ) : null}
    </>
  );
};

export default CommitteeMembersPage;
