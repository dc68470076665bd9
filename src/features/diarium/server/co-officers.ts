// Medhandläggare: the people who may change the handläggare (case.reassign) add and remove
// them. Each change is a conditional write on the case's version, with its audit event and
// the notices to the medhandläggare and the responsible handläggare, in one transaction;
// the e-mails are delivered after commit.
import "server-only";
import { CONFIDENTIAL_CASE_TITLE } from "@/features/cases/secrecy";
import { coOfficerCandidatesWhere, conditionalUpdate, loadForChange } from "@/features/cases/server";
import { notifyInTx } from "@/features/notifications/server";
import { recordAudit } from "@/server/audit";
import type { Actor } from "@/server/auth/actor";
import { db, type Tx } from "@/server/db";
import { enqueueMailDelivery } from "@/server/jobs";
import { validationError } from "@/server/validation";
import type { TCoOfficerChange } from "../schemas";

export type CoOfficerChangeOptions = { actor: Actor; input: TCoOfficerChange };

type Change = { kind: "add" | "remove"; row: Awaited<ReturnType<typeof loadForChange>>["row"]; user: { id: string; name: string }; title: string };

const notifyChange = (tx: Tx, actor: Actor, { kind, row, user, title }: Change): Promise<string[]> =>
  notifyInTx(tx, {
    municipalityId: row.committee.municipalityId,
    userIds: [user.id, row.caseOfficerId],
    except: actor.id,
    kind: kind === "add" ? "case.co_officer_added" : "case.co_officer_removed",
    title: `${kind === "add" ? "Medhandläggare" : "Inte längre medhandläggare"}: ${row.caseNumber}`,
    // A notice and an e-mail leave the case page: a confidential case's title is masked.
    body:
      kind === "add"
        ? `${actor.name} har lagt till ${user.name} som medhandläggare i ärende ${row.caseNumber} "${title}". Medhandläggare kan skriva tjänsteutlåtandet och namnges i dess sidhuvud.`
        : `${actor.name} har tagit bort ${user.name} som medhandläggare i ärende ${row.caseNumber} "${title}".`,
    link: `/arenden/${row.id}`,
  });

const changeCoOfficer = async (kind: "add" | "remove", { actor, input }: CoOfficerChangeOptions): Promise<{ mailIds: string[] }> => {
  const mailIds = await db.$transaction(async (tx) => {
    const { row, scope } = await loadForChange(tx, actor, input, "case.reassign");
    const user =
      kind === "add"
        ? await tx.user.findFirst({ where: { AND: [{ id: input.userId }, await coOfficerCandidatesWhere(tx, scope)] }, select: { id: true, name: true } })
        : scope.coOfficerIds.includes(input.userId)
          ? await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true } })
          : null;
    if (!user) {
      throw validationError({
        userId: [kind === "add" ? "Den valda personen kan inte bli medhandläggare: välj en handläggare i förvaltningen som inte redan handlägger ärendet." : "Personen är inte medhandläggare i ärendet."],
      });
    }
    await conditionalUpdate(tx, input, {});
    if (kind === "add") await tx.caseCoOfficer.create({ data: { caseId: row.id, userId: user.id, addedById: actor.id } });
    else await tx.caseCoOfficer.delete({ where: { caseId_userId: { caseId: row.id, userId: user.id } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: kind === "add" ? "case.co_officer_add" : "case.co_officer_remove",
      entityType: "Case",
      entityId: row.id,
      caseId: row.id,
      data: { userId: user.id, name: user.name },
    });
    return notifyChange(tx, actor, { kind, row, user, title: scope.confidential ? CONFIDENTIAL_CASE_TITLE : row.title });
  });
  await enqueueMailDelivery(mailIds);
  return { mailIds };
};

export const addCoOfficer = (options: CoOfficerChangeOptions) => changeCoOfficer("add", options);

export const removeCoOfficer = (options: CoOfficerChangeOptions) => changeCoOfficer("remove", options);
