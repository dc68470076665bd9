// Test data for the diarium tests, written with Prisma directly: the demo organisation
// (without the demo cases, so counts are the test's own), a series per committee, a class,
// and helpers that create cases, handlingar and deadlines with chosen dates.
import { randomUUID } from "node:crypto";
import type { CaseStatus, DeadlineKind, DocumentDirection, Role } from "@/generated/prisma/enums";
import { loadActor, type Actor } from "@/server/auth/actor";
import type { Db } from "@/server/db";
import { ADMINISTRATIONS, COMMITTEES, DEMO_USERS, DEPARTMENTS, MUNICIPALITY } from "../../scripts/seed/demo-organisation";

type ExtraUser = { username: string; name: string; role: Role; unit: { committeeId: string } | { departmentId: string } | { administrationId: string } };

/** Users of the other stadsdel and of another department, for cross-unit tests. */
const EXTRA_USERS: ExtraUser[] = [
  { username: "sos.registrator", name: "Sara Söder", role: "REGISTRAR", unit: { committeeId: "sos" } },
  { username: "sos.handlaggare", name: "Sven Söder", role: "CASE_OFFICER", unit: { departmentId: "sos-sos" } },
  { username: "ifo.handlaggare", name: "Ida Ifo", role: "CASE_OFFICER", unit: { departmentId: "has-ifo" } },
  { username: "ifo.chef", name: "Ingrid Ifo", role: "DEPARTMENT_HEAD", unit: { departmentId: "has-ifo" } },
];

export type DiariumFixture = {
  users: Record<string, string>;
  actor: (username: string) => Promise<Actor>;
  classificationId: string;
  otherClassificationId: string;
  createCase: (options: CreateCaseOptions) => Promise<{ id: string; caseNumber: string }>;
  createDocument: (options: CreateDocumentOptions) => Promise<{ id: string }>;
  createDeadline: (options: { caseId: string; kind?: DeadlineKind; dueDate: string; completed?: boolean }) => Promise<{ id: string }>;
};

export type CreateCaseOptions = {
  committeeId?: string;
  departmentId?: string;
  caseOfficer?: string;
  title?: string;
  status?: CaseStatus;
  year?: number;
  receivedDate?: string;
  dueDate?: string | null;
  secrecyReference?: string | null;
  classificationId?: string | null;
  createdAt?: Date;
};

export type CreateDocumentOptions = {
  caseId: string;
  description: string;
  counterpart?: string | null;
  direction?: DocumentDirection;
  secrecyReference?: string | null;
  registeredAt?: Date;
};

const DEPARTMENT_OF_COMMITTEE: Record<string, string> = { has: "has-sos", sos: "sos-sos", ks: "has-sos" };

export const setUpDiariumFixture = async (db: Db): Promise<DiariumFixture> => {
  await db.municipality.create({ data: MUNICIPALITY });
  await db.committee.createMany({ data: COMMITTEES.map((committee) => ({ ...committee, municipalityId: MUNICIPALITY.id })) });
  await db.administration.createMany({ data: ADMINISTRATIONS.map((administration) => ({ ...administration, municipalityId: MUNICIPALITY.id })) });
  await db.department.createMany({ data: [...DEPARTMENTS] });
  const users: Record<string, string> = {};
  for (const { memberships, ...user } of DEMO_USERS) {
    await db.user.create({ data: { id: user.id, username: user.username, name: user.name, memberships: { create: memberships.map((m) => ({ role: m.role, ...m.unit })) } } });
    users[user.username] = user.id;
  }
  for (const extra of EXTRA_USERS) {
    const created = await db.user.create({ data: { username: extra.username, name: extra.name, memberships: { create: [{ role: extra.role, ...extra.unit }] } } });
    users[extra.username] = created.id;
  }
  for (const committee of COMMITTEES) {
    await db.registrySeries.create({ data: { id: `series-${committee.id}`, committeeId: committee.id, name: committee.name, format: "{prefix} {year}/{seq}", prefix: committee.shortName } });
  }
  const classification = await db.classification.create({ data: { municipalityId: MUNICIPALITY.id, code: "1.5.1", title: "Yttranden över remisser" } });
  const otherClassification = await db.classification.create({ data: { municipalityId: MUNICIPALITY.id, code: "3.1", title: "Individ- och familjeomsorg" } });

  const sequences = new Map<string, number>();
  const createCase = async (options: CreateCaseOptions) => {
    const committeeId = options.committeeId ?? "has";
    const year = options.year ?? 2026;
    const committee = COMMITTEES.find((candidate) => candidate.id === committeeId)!;
    const key = `${committeeId}/${year}`;
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    const caseNumber = `${committee.shortName} ${year}/${sequence}`;
    const created = await db.case.create({
      data: {
        caseNumber,
        seriesId: `series-${committeeId}`,
        year,
        sequence,
        title: options.title ?? `Ärende ${caseNumber}`,
        kind: "OTHER",
        status: options.status ?? "OPEN",
        committeeId,
        departmentId: options.departmentId ?? DEPARTMENT_OF_COMMITTEE[committeeId]!,
        caseOfficerId: users[options.caseOfficer ?? "clas.cederlid"]!,
        classificationId: options.classificationId === undefined ? classification.id : options.classificationId,
        receivedDate: new Date(`${options.receivedDate ?? `${year}-01-01`}T00:00:00Z`),
        dueDate: options.dueDate ? new Date(`${options.dueDate}T00:00:00Z`) : null,
        secrecyReference: options.secrecyReference ?? null,
        createdById: users.registrator!,
        ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      },
      select: { id: true, caseNumber: true },
    });
    return created;
  };

  const createDocument = async (options: CreateDocumentOptions) => {
    const { lastDocumentNumber } = await db.case.update({ where: { id: options.caseId }, data: { lastDocumentNumber: { increment: 1 } } });
    return db.caseDocument.create({
      data: {
        caseId: options.caseId,
        number: lastDocumentNumber,
        direction: options.direction ?? "INCOMING",
        documentDate: new Date("2026-03-01T00:00:00Z"),
        counterpart: options.counterpart ?? null,
        description: options.description,
        secrecyReference: options.secrecyReference ?? null,
        createdById: users.registrator!,
        ...(options.registeredAt ? { registeredAt: options.registeredAt } : {}),
      },
      select: { id: true },
    });
  };

  const createDeadline = async ({ caseId, kind = "REFERRAL_DUE", dueDate, completed = false }: { caseId: string; kind?: DeadlineKind; dueDate: string; completed?: boolean }) =>
    db.deadline.create({
      data: { caseId, kind, dueDate: new Date(`${dueDate}T00:00:00Z`), description: `Bevakning ${randomUUID().slice(0, 8)}`, completedAt: completed ? new Date() : null },
      select: { id: true },
    });

  const actor = async (username: string): Promise<Actor> => {
    const user = await db.user.findUniqueOrThrow({ where: { username } });
    const loaded = await loadActor({ userId: user.id, sessionVersion: user.sessionVersion, authTime: 1 });
    if (!loaded) throw new Error(`No actor for ${username}`);
    return loaded;
  };

  return { users, actor, classificationId: classification.id, otherClassificationId: otherClassification.id, createCase, createDocument, createDeadline };
};
