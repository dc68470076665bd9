import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { AddMembershipForm, DisableUserForm, EditProfileForm, RemoveMembershipForm, ResetPasswordForm } from "@/features/admin/components/user-forms";
import { requireAdminPage } from "@/features/admin/require-admin";
import { getUserForAdmin, listUnitOptions } from "@/features/admin/server/admin-queries";
import { UNIT_TYPE_LABELS } from "@/features/admin/units";
import { ROLE_LABELS } from "@/lib/roles";
import { formatDate } from "@/lib/dates";

export const metadata: Metadata = { title: "Användare – Administration" };


const UserPage = async ({ params }: { params: Promise<{ id: string }> }) => {
  const { id } = await params;
  const { actor, municipality } = await requireAdminPage();
  const user = await getUserForAdmin(actor, id);
  if (!user) notFound();
  const units = await listUnitOptions(actor);
  return (
    <>
      <AdminPageHeader
        title={user.name}
        current="/admin/anvandare"
        municipalityName={municipality.name}
        intro={
          <p>
            Användarnamn <span className="font-mono">{user.username}</span> · {user.disabled ? <strong className="text-red-800">Inaktiverad</strong> : "Aktiv"} ·{" "}
            {user.lastLoginAt ? `Senast inloggad ${formatDate(user.lastLoginAt)}` : "Har inte loggat in"}
          </p>
        }
      />
      <section aria-labelledby="profile" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="profile" className="mb-3 text-2xl font-semibold">
          Uppgifter
        </h2>
        <EditProfileForm user={{ id: user.id, name: user.name, title: user.title, phone: user.phone, email: user.email, updatedAt: user.updatedAt.toISOString() }} />
      </section>

      <section aria-labelledby="roles" className="mt-8 space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="roles" className="text-2xl font-semibold">
          Roller
        </h2>
        <p className="text-slate-700">Ändrade roller gäller från användarens nästa sidvisning; användaren behöver inte logga in igen.</p>
        <DataTable caption="Användarens roller och enheter" columns={["Roll", "Enhet", "Ta bort"]}>
          {user.memberships.map((membership) => {
            const description = `${ROLE_LABELS[membership.role]}, ${membership.unitName}`;
            return (
              <tr key={membership.id} className={ROW}>
                <RowHeaderCell>{ROLE_LABELS[membership.role]}</RowHeaderCell>
                <td className={CELL}>
                  {UNIT_TYPE_LABELS[membership.unitType]}: {membership.unitName}
                </td>
                <td className={CELL}>
                  <RemoveMembershipForm membershipId={membership.id} description={description} />
                </td>
              </tr>
            );
          })}
        </DataTable>
        <h3 className="text-lg font-semibold">Lägg till roll</h3>
        <AddMembershipForm userId={user.id} units={units} />
      </section>

      <section aria-labelledby="password" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password" className="mb-1 text-2xl font-semibold">
          Nytt lösenord
        </h2>
        <p className="mb-3 text-slate-700">Användaren loggas ut från alla sessioner och loggar in med det nya lösenordet.</p>
        <ResetPasswordForm userId={user.id} />
      </section>

      <section aria-labelledby="status" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="status" className="mb-1 text-2xl font-semibold">
          Status
        </h2>
        {user.isSelf ? (
          <p className="text-slate-700">Du kan inte inaktivera ditt eget konto.</p>
        ) : (
          <>
            <p className="mb-3 text-slate-700">
              {user.disabled
                ? "Kontot är inaktiverat och kan inte logga in. Ärenden och historik finns kvar."
                : "En inaktiverad användare loggas ut direkt och kan inte logga in. Ärenden och historik finns kvar."}
            </p>
            <DisableUserForm userId={user.id} disabled={user.disabled} />
          </>
        )}
      </section>
    </>
  );
};

export default UserPage;
