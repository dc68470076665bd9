import { FormPanel } from "@/components/form";
import type { Metadata } from "next";
import { Link } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { CreateUserForm } from "@/features/admin/components/user-forms";
import { requireAdminPage } from "@/features/admin/require-admin";
import { listUnitOptions, listUsers } from "@/features/admin/server/admin-queries";
import { UNIT_TYPE_LABELS } from "@/features/admin/units";
import { ROLE_LABELS } from "@/lib/roles";
import { MIN_PASSWORD_LENGTH } from "@/server/auth";

export const metadata: Metadata = { title: "Användare – Administration" };

const UsersPage = async () => {
  const { actor, municipality } = await requireAdminPage();
  const [users, units] = await Promise.all([listUsers(actor), listUnitOptions(actor)]);
  return (
    <>
      <AdminPageHeader title="Användare" current="/admin/anvandare" municipalityName={municipality.name} intro="Användare med minst en roll i kommunens enheter. En roll gäller i enheten och allt under den." />
      <section aria-labelledby="user-list">
        <h2 id="user-list" className="sr-only">
          Alla användare
        </h2>
        <DataTable caption={`${users.length} användare`} captionVisible columns={["Namn", "Användarnamn", "Titel", "Roller", "Status"]}>
          {users.map((user) => (
            <tr key={user.id} className={ROW}>
              <RowHeaderCell>
                <Link href={`/admin/anvandare/${user.id}`} className="text-brand-700 underline underline-offset-4">
                  {user.name}
                </Link>
              </RowHeaderCell>
              <td className={`font-mono ${CELL}`}>{user.username}</td>
              <td className={CELL}>{user.title}</td>
              <td className={CELL}>
                <ul>
                  {user.memberships.map((membership) => (
                    <li key={membership.id}>
                      {ROLE_LABELS[membership.role]}, {UNIT_TYPE_LABELS[membership.unitType].toLowerCase()} {membership.unitName}
                    </li>
                  ))}
                </ul>
              </td>
              <td className={CELL}>{user.disabled ? <span className="font-semibold text-red-800">Inaktiverad</span> : "Aktiv"}</td>
            </tr>
          ))}
        </DataTable>
      </section>
      <FormPanel id="new-user" title="Ny användare" className="mt-10">
        <CreateUserForm units={units} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </FormPanel>
    </>
  );
};

export default UsersPage;
