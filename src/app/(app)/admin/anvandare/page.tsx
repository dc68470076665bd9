import type { Metadata } from "next";
import Link from "next/link";
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
        <table className="w-full border-collapse bg-white text-left">
          <caption className="px-3 py-2 text-left text-slate-700">{users.length} användare</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-3 py-2">Namn</th>
              <th scope="col" className="px-3 py-2">Användarnamn</th>
              <th scope="col" className="px-3 py-2">Titel</th>
              <th scope="col" className="px-3 py-2">Roller</th>
              <th scope="col" className="px-3 py-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} className="border-b border-slate-200 align-top">
                <th scope="row" className="px-3 py-2">
                  <Link href={`/admin/anvandare/${user.id}`} className="font-semibold text-brand-700 underline">
                    {user.name}
                  </Link>
                </th>
                <td className="px-3 py-2 font-mono text-sm">{user.username}</td>
                <td className="px-3 py-2">{user.title}</td>
                <td className="px-3 py-2">
                  <ul>
                    {user.memberships.map((membership) => (
                      <li key={membership.id}>
                        {ROLE_LABELS[membership.role]}, {UNIT_TYPE_LABELS[membership.unitType].toLowerCase()} {membership.unitName}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-3 py-2">{user.disabled ? <span className="font-semibold text-red-800">Inaktiverad</span> : "Aktiv"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="new-user" className="mt-10 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-user" className="mb-3 text-2xl font-semibold">
          Ny användare
        </h2>
        <CreateUserForm units={units} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>
    </>
  );
};

export default UsersPage;
