import { Field, FormPanel, GetForm } from "@/components/form";
import type { Metadata } from "next";
import { Link, LINK_CLASS } from "@/components/link";
import { CELL, DataTable, ROW, RowHeaderCell } from "@/components/data-table";
import { PastLastPage, Pager } from "@/components/pager";
import { AdminPageHeader } from "@/features/admin/components/admin-page-header";
import { CreateUserForm } from "@/features/admin/components/user-forms";
import { requireAdminPage } from "@/features/admin/require-admin";
import { ZUserListSearchParamsSchema } from "@/features/admin/schemas";
import { listUnitOptions, listUsers, USERS_PAGE_SIZE } from "@/features/admin/server/admin-queries";
import { UNIT_TYPE_LABELS } from "@/features/admin/units";
import { IgnoredFiltersNotice } from "@/features/diarium/components/ignored-filters-notice";
import { parseSearchParams, toQueryString, type RawSearchParams } from "@/features/diarium/schemas";
import { shownRange } from "@/lib/paging";
import { ROLE_LABELS } from "@/lib/roles";

export const metadata: Metadata = { title: "Användare – Administration" };

/** The municipality's users by name, 50 at a time (`?sida=`), found by a part of a name, username or title (`?q=`). */
const UsersPage = async ({ searchParams }: { searchParams: Promise<RawSearchParams> }) => {
  const { actor, municipality } = await requireAdminPage();
  const { values, invalid } = parseSearchParams(ZUserListSearchParamsSchema, await searchParams);
  const [users, units] = await Promise.all([listUsers(actor, { q: values.q, page: values.sida }), listUnitOptions(actor)]);
  const pageHref = (page: number) => `/admin/anvandare${toQueryString({ q: values.q, sida: page > 1 ? page : undefined })}`;
  const matching = values.q ? `${users.total} användare matchar ”${values.q}”` : `${users.total} användare`;
  return (
    <>
      <AdminPageHeader title="Användare" current="/admin/anvandare" municipalityName={municipality.name} intro="Användare med minst en roll i kommunens enheter. En roll gäller i enheten och allt under den." />
      <section aria-labelledby="user-list">
        <h2 id="user-list" className="sr-only">
          Alla användare
        </h2>
        <GetForm action="/admin/anvandare" role="search" ariaLabel="Sök användare" className="mt-6 flex flex-wrap items-end gap-4">
          <Field name="q" label="Sök användare" type="search" defaultValue={values.q} maxLength={200} hint="Del av namn, användarnamn eller titel." />
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Sök
          </button>
          {values.q ? (
            <Link href="/admin/anvandare" className={LINK_CLASS}>
              Visa alla
            </Link>
          ) : null}
        </GetForm>
        <IgnoredFiltersNotice invalid={invalid} cursorIgnored={false} />
        {users.rows.length === 0 && users.page > 1 ? (
          <PastLastPage page={users.page} has={matching} firstHref={pageHref(1)} />
        ) : users.rows.length === 0 ? (
          // Only a search finds no one: the administrator is a user of the municipality.
          <p className="mt-4" role="status">
            Ingen användare matchar ”{values.q}”.
          </p>
        ) : (
          <DataTable
            caption={users.pages > 1 ? `${matching}, ${shownRange(users.page, USERS_PAGE_SIZE, users.rows.length)} visas` : matching}
            captionVisible
            columns={["Namn", "Användarnamn", "Titel", "Roller", "Status"]}
          >
            {users.rows.map((user) => (
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
        )}
        {users.rows.length > 0 ? (
          <Pager prevHref={users.page > 1 ? pageHref(users.page - 1) : null} nextHref={users.page < users.pages ? pageHref(users.page + 1) : null} label="Sidor med användare" />
        ) : null}
      </section>
      <FormPanel id="new-user" title="Ny användare" className="mt-10">
        <CreateUserForm units={units} />
      </FormPanel>
    </>
  );
};

export default UsersPage;
