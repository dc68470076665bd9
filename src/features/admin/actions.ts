"use server";
// Server actions of the admin pages: parse → actor → service (which authorizes from the
// resource) → revalidate. Progressive enhancement: every action works as a plain form post.
import { revalidatePath } from "next/cache";
import { defineFormAction, formOptional, formText } from "@/server/action";
import {
  ZAddMembershipSchema,
  ZAdminCreateUserSchema,
  ZCreateAdministrationSchema,
  ZCreateClassificationSchema,
  ZCreateCommitteeSchema,
  ZCreateMunicipalitySchema,
  ZCreateDepartmentSchema,
  ZCreateMemberSchema,
  ZEndMemberTermSchema,
  ZImportMembersSchema,
  ZCreateRegistrySeriesSchema,
  ZRemoveMembershipSchema,
  ZRenameUnitSchema,
  ZResetPasswordSchema,
  ZSetNextSerialSchema,
  ZSetUserDisabledSchema,
  ZUpdateClassificationSchema,
  ZUpdateCommitteeSchema,
  ZUpdateMunicipalitySchema,
  ZUpdateMemberSchema,
  ZUpdateRegistrySeriesSchema,
  ZUpdateUserProfileSchema,
} from "./schemas";
import { formFile } from "./form-state";
import { OPENING_ITEMS } from "./committees";
import { createClassification, updateClassification } from "./server/classification-service";
import { createMunicipality, updateMunicipalitySettings } from "./server/municipality-service";
import { createAdministration, createCommittee, createDepartment, renameAdministration, renameDepartment, updateCommittee } from "./server/organisation-service";
import { createMember, endMemberTerm, importMembers, previewMemberImport, updateMember, type MemberImportPreview } from "./server/member-service";
import { createRegistrySeries, setNextSerial, updateRegistrySeries } from "./server/registry-series-service";
import { addMembership, createUserAsAdmin, removeMembership, resetUserPassword, setUserDisabledAsAdmin, updateUserProfile } from "./server/user-admin-service";

type Saved = { saved: true };

const ORGANISATION = "/admin/organisation";
const USERS = "/admin/anvandare";
const membersPath = (committeeId: string) => `${ORGANISATION}/${committeeId}/ledamoter`;

// ─── Organisation ───────────────────────────────────────────────────────────

export const createCommitteeAction = defineFormAction({
  schema: ZCreateCommitteeSchema,
  fromFormData: (form) => ({
    name: formText(form, "name"),
    shortName: formText(form, "shortName"),
    kind: formOptional(form, "kind"),
    parentId: formOptional(form, "parentId"),
    preparedBy: formOptional(form, "preparedBy"),
  }),
  handler: async (input, actor): Promise<Saved> => {
    await createCommittee({ actor, input });
    revalidatePath(ORGANISATION);
    return { saved: true };
  },
});

export const updateCommitteeAction = defineFormAction({
  schema: ZUpdateCommitteeSchema,
  fromFormData: (form) => ({
    id: formText(form, "id"),
    updatedAt: formText(form, "updatedAt"),
    name: formText(form, "name"),
    shortName: formText(form, "shortName"),
    kind: formOptional(form, "kind"),
    parentId: formOptional(form, "parentId"),
    publicMeetings: form.get("publicMeetings") === "on",
    minutesKeptAt: formText(form, "minutesKeptAt"),
    openingItems: OPENING_ITEMS.map((_, index) => formOptional(form, `openingItems.${index}`)),
  }),
  handler: async (input, actor): Promise<Saved> => {
    await updateCommittee({ actor, input });
    revalidatePath(ORGANISATION);
    return { saved: true };
  },
});

// ─── Committee members ──────────────────────────────────────────────────────

const memberFromForm = (form: FormData) => ({
  name: formText(form, "name"),
  party: formOptional(form, "party"),
  role: formOptional(form, "role"),
  termStart: formOptional(form, "termStart"),
  termEnd: formOptional(form, "termEnd"),
  email: formOptional(form, "email"),
  phone: formOptional(form, "phone"),
  username: formOptional(form, "username"),
});

export const createMemberAction = defineFormAction({
  schema: ZCreateMemberSchema,
  fromFormData: (form) => ({ committeeId: formText(form, "committeeId"), ...memberFromForm(form) }),
  handler: async (input, actor): Promise<Saved> => {
    await createMember({ actor, input });
    revalidatePath(membersPath(input.committeeId));
    return { saved: true };
  },
});

export const updateMemberAction = defineFormAction({
  schema: ZUpdateMemberSchema,
  fromFormData: (form) => ({ id: formText(form, "id"), updatedAt: formText(form, "updatedAt"), ...memberFromForm(form) }),
  handler: async (input, actor): Promise<Saved> => {
    await updateMember({ actor, input });
    revalidatePath(`${ORGANISATION}/[committeeId]/ledamoter`, "page");
    return { saved: true };
  },
});

export const endMemberTermAction = defineFormAction({
  schema: ZEndMemberTermSchema,
  fromFormData: (form) => ({ id: formText(form, "id"), updatedAt: formText(form, "updatedAt"), termEnd: formOptional(form, "termEnd") }),
  handler: async (input, actor): Promise<Saved> => {
    await endMemberTerm({ actor, input });
    revalidatePath(`${ORGANISATION}/[committeeId]/ledamoter`, "page");
    return { saved: true };
  },
});

const importFromForm = (form: FormData) => ({ committeeId: formText(form, "committeeId"), csv: formText(form, "csv") });

export const previewMemberImportAction = defineFormAction({
  schema: ZImportMembersSchema,
  fromFormData: importFromForm,
  handler: async (input, actor): Promise<MemberImportPreview> => previewMemberImport({ actor, input }),
});

export const importMembersAction = defineFormAction({
  schema: ZImportMembersSchema,
  fromFormData: importFromForm,
  handler: async (input, actor): Promise<{ count: number }> => {
    const result = await importMembers({ actor, input });
    revalidatePath(membersPath(input.committeeId));
    return result;
  },
});

export const createAdministrationAction = defineFormAction({
  schema: ZCreateAdministrationSchema,
  fromFormData: (form) => ({ name: formText(form, "name"), committeeId: formOptional(form, "committeeId") }),
  handler: async (input, actor): Promise<Saved> => {
    await createAdministration({ actor, input });
    revalidatePath(ORGANISATION);
    return { saved: true };
  },
});

export const renameAdministrationAction = defineFormAction({
  schema: ZRenameUnitSchema,
  fromFormData: (form) => ({ id: formText(form, "id"), updatedAt: formText(form, "updatedAt"), name: formText(form, "name") }),
  handler: async (input, actor): Promise<Saved> => {
    await renameAdministration({ actor, input });
    revalidatePath(ORGANISATION);
    return { saved: true };
  },
});

export const createDepartmentAction = defineFormAction({
  schema: ZCreateDepartmentSchema,
  fromFormData: (form) => ({ name: formText(form, "name"), administrationId: formOptional(form, "administrationId") }),
  handler: async (input, actor): Promise<Saved> => {
    await createDepartment({ actor, input });
    revalidatePath(ORGANISATION);
    return { saved: true };
  },
});

export const renameDepartmentAction = defineFormAction({
  schema: ZRenameUnitSchema,
  fromFormData: (form) => ({ id: formText(form, "id"), updatedAt: formText(form, "updatedAt"), name: formText(form, "name") }),
  handler: async (input, actor): Promise<Saved> => {
    await renameDepartment({ actor, input });
    revalidatePath(ORGANISATION);
    return { saved: true };
  },
});

// ─── Users ──────────────────────────────────────────────────────────────────

export const createUserAction = defineFormAction({
  schema: ZAdminCreateUserSchema,
  fromFormData: (form) => ({
    username: formText(form, "username"),
    name: formText(form, "name"),
    title: formOptional(form, "title"),
    phone: formOptional(form, "phone"),
    email: formOptional(form, "email"),
    password: formText(form, "password"),
    role: formOptional(form, "role"),
    unit: formOptional(form, "unit"),
  }),
  handler: async (input, actor) => {
    const user = await createUserAsAdmin({ actor, input });
    revalidatePath(USERS);
    return { id: user.id, username: user.username };
  },
});

export const updateUserProfileAction = defineFormAction({
  schema: ZUpdateUserProfileSchema,
  fromFormData: (form) => ({
    userId: formText(form, "userId"),
    updatedAt: formText(form, "updatedAt"),
    name: formText(form, "name"),
    title: formOptional(form, "title"),
    phone: formOptional(form, "phone"),
    email: formOptional(form, "email"),
  }),
  handler: async (input, actor): Promise<Saved> => {
    await updateUserProfile({ actor, input });
    revalidatePath(USERS, "layout");
    return { saved: true };
  },
});

export const setUserDisabledAction = defineFormAction({
  schema: ZSetUserDisabledSchema,
  fromFormData: (form) => ({ userId: formText(form, "userId"), disabled: formText(form, "disabled") === "true" }),
  handler: async (input, actor): Promise<Saved> => {
    await setUserDisabledAsAdmin({ actor, input });
    revalidatePath(USERS, "layout");
    return { saved: true };
  },
});

export const resetPasswordAction = defineFormAction({
  schema: ZResetPasswordSchema,
  fromFormData: (form) => ({ userId: formText(form, "userId"), password: formText(form, "password") }),
  handler: async (input, actor): Promise<Saved> => {
    await resetUserPassword({ actor, input });
    return { saved: true };
  },
});

export const addMembershipAction = defineFormAction({
  schema: ZAddMembershipSchema,
  fromFormData: (form) => ({ userId: formText(form, "userId"), role: formOptional(form, "role"), unit: formOptional(form, "unit") }),
  handler: async (input, actor): Promise<Saved> => {
    await addMembership({ actor, input });
    revalidatePath(USERS, "layout");
    return { saved: true };
  },
});

export const removeMembershipAction = defineFormAction({
  schema: ZRemoveMembershipSchema,
  fromFormData: (form) => ({ membershipId: formText(form, "membershipId") }),
  handler: async (input, actor): Promise<Saved> => {
    await removeMembership({ actor, input });
    revalidatePath(USERS, "layout");
    return { saved: true };
  },
});

// ─── Registry series ────────────────────────────────────────────────────────

const seriesFields = (form: FormData) => ({
  name: formText(form, "name"),
  format: formText(form, "format"),
  prefix: formText(form, "prefix") ?? "",
  seqPadding: formText(form, "seqPadding"),
  documentNumberFormat: formText(form, "documentNumberFormat"),
});

export const createRegistrySeriesAction = defineFormAction({
  schema: ZCreateRegistrySeriesSchema,
  fromFormData: (form) => ({ committeeId: formOptional(form, "committeeId"), ...seriesFields(form) }),
  handler: async (input, actor): Promise<Saved> => {
    await createRegistrySeries({ actor, input });
    revalidatePath("/admin/diarieserier");
    return { saved: true };
  },
});

export const updateRegistrySeriesAction = defineFormAction({
  schema: ZUpdateRegistrySeriesSchema,
  fromFormData: (form) => ({ id: formText(form, "id"), updatedAt: formText(form, "updatedAt"), ...seriesFields(form) }),
  handler: async (input, actor): Promise<Saved> => {
    await updateRegistrySeries({ actor, input });
    revalidatePath("/admin/diarieserier");
    return { saved: true };
  },
});

export const setNextSerialAction = defineFormAction({
  schema: ZSetNextSerialSchema,
  fromFormData: (form) => ({ seriesId: formText(form, "seriesId"), year: formText(form, "year"), nextSerial: formText(form, "nextSerial") }),
  handler: async (input, actor): Promise<Saved> => {
    await setNextSerial({ actor, input });
    revalidatePath("/admin/diarieserier");
    return { saved: true };
  },
});

// ─── KLASSA ─────────────────────────────────────────────────────────────────

export const createClassificationAction = defineFormAction({
  schema: ZCreateClassificationSchema,
  fromFormData: (form) => ({ code: formText(form, "code"), title: formText(form, "title") }),
  handler: async (input, actor): Promise<Saved> => {
    await createClassification({ actor, input });
    revalidatePath("/admin/klassning");
    return { saved: true };
  },
});

export const updateClassificationAction = defineFormAction({
  schema: ZUpdateClassificationSchema,
  fromFormData: (form) => ({ id: formText(form, "id"), updatedAt: formText(form, "updatedAt"), title: formText(form, "title"), active: form.get("active") === "on" }),
  handler: async (input, actor): Promise<Saved> => {
    await updateClassification({ actor, input });
    revalidatePath("/admin/klassning");
    return { saved: true };
  },
});

// ─── Municipalities ─────────────────────────────────────────────────────────

export const createMunicipalityAction = defineFormAction({
  schema: ZCreateMunicipalitySchema,
  fromFormData: (form) => {
    const adminKind = formText(form, "adminKind");
    const admin =
      adminKind === "NEW"
        ? { adminUsername: formText(form, "adminUsername"), adminName: formText(form, "adminName"), adminEmail: formText(form, "adminEmail") }
        : { adminUsername: formText(form, "adminUsername") };
    return { name: formText(form, "name"), slug: formText(form, "slug"), publicUrl: formOptional(form, "publicUrl"), logo: formFile(form, "logo"), adminKind, ...admin };
  },
  handler: async (input, actor) => {
    const created = await createMunicipality({ actor, input });
    revalidatePath("/admin/kommuner");
    return created;
  },
});

export const updateMunicipalityAction = defineFormAction({
  schema: ZUpdateMunicipalitySchema,
  fromFormData: (form) => ({
    municipalityId: formText(form, "municipalityId"),
    updatedAt: formText(form, "updatedAt"),
    name: formText(form, "name"),
    publicUrl: formOptional(form, "publicUrl"),
    logo: formFile(form, "logo"),
    removeLogo: form.get("removeLogo") === "on",
  }),
  handler: async (input, actor): Promise<Saved> => {
    await updateMunicipalitySettings({ actor, input });
    revalidatePath("/admin", "layout");
    revalidatePath("/[kommun]", "layout");
    return { saved: true };
  },
});
