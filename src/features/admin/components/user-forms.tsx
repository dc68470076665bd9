"use client";
import { Link } from "@/components/link";
import { ROLE_LABELS } from "@/lib/roles";
import { addMembershipAction, createUserAction, removeMembershipAction, resetPasswordAction, setUserDisabledAction, updateUserProfileAction } from "../actions";
import { UNIT_TYPE_LABELS, UNIT_TYPES, type TUnitType } from "../units";
import { ActionForm, Hidden, SelectField, Field, type SelectGroup } from "@/components/form";
import { MIN_PASSWORD_LENGTH } from "@/server/auth/schemas";

export type UnitOptionProps = { key: string; type: TUnitType; name: string };

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

/** Units grouped by kind, so that "Avdelningen för samhälle och service" of two förvaltningar are told apart. */
const unitGroups = (units: UnitOptionProps[]): SelectGroup[] =>
  UNIT_TYPES.map((type) => ({
    label: UNIT_TYPE_LABELS[type],
    options: units.filter((unit) => unit.type === type).map((unit) => ({ value: unit.key, label: `${UNIT_TYPE_LABELS[type]}: ${unit.name}` })),
  })).filter((group) => group.options.length > 0);

const USER_LABELS = {
  username: "Användarnamn",
  name: "Namn",
  title: "Titel",
  phone: "Telefon",
  email: "E-post",
  password: "Lösenord",
  role: "Roll",
  unit: "Enhet",
};

// The schema (server side) enforces the minimum; the constant lives beside the schemas, without argon2.
const PASSWORD_HINT = `Minst ${MIN_PASSWORD_LENGTH} tecken. Lämna lösenordet till användaren på ett säkert sätt; användaren väljer ett eget vid nästa inloggning.`;

export const CreateUserForm = ({ units }: { units: UnitOptionProps[] }) => (
  <ActionForm
    action={createUserAction}
    submitLabel="Skapa användare"
    labels={USER_LABELS}
    successMessage={(data: { id: string; username: string }) => (
      <>
        Användaren {data.username} är skapad.{" "}
        <Link href={`/admin/anvandare/${data.id}`} className="underline">
          Visa användaren
        </Link>
      </>
    )}
    className="grid gap-4 sm:grid-cols-2 sm:items-start"
  >
    <Field name="username" label="Användarnamn" required autoComplete="off" maxLength={64} hint="Små bokstäver, t.ex. fornamn.efternamn." />
    <Field name="name" label="Namn" required autoComplete="off" maxLength={200} />
    <Field name="title" label="Titel" maxLength={200} />
    <Field name="phone" label="Telefon" type="tel" maxLength={50} />
    <Field name="email" label="E-post" type="email" maxLength={320} />
    <Field name="password" label="Lösenord" type="password" required autoComplete="new-password" hint={PASSWORD_HINT} />
    <SelectField placeholder="Välj …" name="role" label="Roll" options={ROLE_OPTIONS} required />
    <SelectField placeholder="Välj …" name="unit" label="Enhet" groups={unitGroups(units)} required hint="Rollen gäller i enheten och allt under den." />
  </ActionForm>
);

export type EditableUser = { id: string; name: string; title: string | null; phone: string | null; email: string | null; updatedAt: string };

export const EditProfileForm = ({ user }: { user: EditableUser }) => (
  <ActionForm action={updateUserProfileAction} submitLabel="Spara uppgifter" successMessage="Uppgifterna är sparade." labels={USER_LABELS} fieldsClassName="grid gap-4 sm:grid-cols-2 sm:items-start">
    <Hidden name="userId" value={user.id} />
    <Hidden name="updatedAt" value={user.updatedAt} />
    <Field name="name" label="Namn" required defaultValue={user.name} maxLength={200} />
    <Field name="title" label="Titel" defaultValue={user.title} maxLength={200} />
    <Field name="phone" label="Telefon" type="tel" defaultValue={user.phone} maxLength={50} />
    <Field name="email" label="E-post" type="email" defaultValue={user.email} maxLength={320} />
  </ActionForm>
);

export const DisableUserForm = ({ userId, disabled }: { userId: string; disabled: boolean }) => (
  <ActionForm
    action={setUserDisabledAction}
    submitLabel={disabled ? "Aktivera användaren" : "Inaktivera användaren"}
    variant={disabled ? "primary" : "danger"}
    successMessage="Kontots status är ändrad."
  >
    <Hidden name="userId" value={userId} />
    <Hidden name="disabled" value={disabled ? "false" : "true"} />
  </ActionForm>
);

export const ResetPasswordForm = ({ userId }: { userId: string }) => (
  <ActionForm action={resetPasswordAction} submitLabel="Sätt nytt lösenord" successMessage="Lösenordet är bytt. Användaren har loggats ut överallt och väljer ett eget vid nästa inloggning." labels={USER_LABELS}>
    <Hidden name="userId" value={userId} />
    <Field name="password" label="Nytt lösenord" type="password" autoComplete="new-password" hint={PASSWORD_HINT} className="max-w-md" />
  </ActionForm>
);

export const AddMembershipForm = ({ userId, units }: { userId: string; units: UnitOptionProps[] }) => (
  <ActionForm action={addMembershipAction} submitLabel="Lägg till roll" successMessage="Rollen är tillagd." labels={USER_LABELS} fieldsClassName="grid gap-4 sm:grid-cols-[1fr_2fr] sm:items-start">
    <Hidden name="userId" value={userId} />
    <SelectField placeholder="Välj …" name="role" label="Roll" options={ROLE_OPTIONS} required />
    <SelectField placeholder="Välj …" name="unit" label="Enhet" groups={unitGroups(units)} required />
  </ActionForm>
);

export const RemoveMembershipForm = ({ membershipId, description }: { membershipId: string; description: string }) => (
  <ActionForm
    action={removeMembershipAction}
    submitLabel="Ta bort"
    ariaLabel={`Ta bort rollen ${description}`}
    variant="danger"
    successMessage="Rollen är borttagen."
    fieldsClassName="space-y-1"
  >
    <Hidden name="membershipId" value={membershipId} />
  </ActionForm>
);
