// Two municipalities on one installation: Stockholm (the demo installation) and Testby, built
// through the services as its administrators would. Each has a canary string in everything it
// owns; every list, search, read model, admin query, outbox, public query and export builder
// is called as each municipality's users, and the other municipality's canary must never be
// in the answer (serialized to JSON and searched). Reads of the other's resources by id are
// refused as unknown.
import { beforeAll, describe, expect, it } from "vitest";
import { findAdminMunicipality, getOrganisation, getUserForAdmin, listClassifications, listRegistrySeries, listUnitOptions, listUsers } from "@/features/admin/server/admin-queries";
import { getMunicipalitySettings, listPublicMunicipalities } from "@/features/admin/server/municipality-service";
import { getCaseAttestationView, listAttestInbox, listReturnedToMe } from "@/features/attestation/server/attestation-queries";
import { getCaseDetails, getRegistrationOptions } from "@/features/cases/server/case-queries";
import { listDeadlines, summarizeDeadlines } from "@/features/diarium/server/deadlines";
import { diariumFilterOptions, listDiariumCases } from "@/features/diarium/server/diarium-list";
import { listMyOpenCases } from "@/features/diarium/server/my-cases";
import { listPublicDiarium, publicDiariumCommittees } from "@/features/diarium/server/public-diarium";
import { loadStatementDocument } from "@/features/exports/server/statement-export";
import { getAgendaForExport } from "@/features/meetings/server/meeting-export-queries";
import { getMeetingDetail, getMeetingPlan, getMinutesView } from "@/features/meetings/server/meeting-page-queries";
import { listPublicMeetingDocuments } from "@/features/meetings/server/public-meetings";
import { getSecretaryOverview, listJusteringInbox } from "@/features/meetings/server/work-queues";
import { loadHeader } from "@/features/notifications/server/header-queries";
import { listOutbox } from "@/features/notifications/server/outbox-queries";
import { getStatementHistory, getStatementPage, getStatementPreview } from "@/features/statements/server/statement-queries";
import { getTemplateForAdmin, listTemplatesForAdmin } from "@/features/statements/server/templates";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/errors";
import { seedDemoInstallation } from "../../scripts/seed/demo";
import { DEMO_USERS } from "../../scripts/seed/demo-organisation";
import { createTestDatabase } from "../support/database";
import { actorFor } from "./admin-fixtures";
import { addCanaryContent, buildSecondTenant, type CanaryContent, type Tenant } from "./tenant-fixtures";

const { db } = await createTestDatabase();
await seedDemoInstallation({ nodeEnv: "test", force: false });

const STOCKHOLM_CANARY = "KANARIE-STOCKHOLM-7f3a";
const TESTBY_CANARY = "KANARIE-TESTBY-91c2";

const stockholm: Tenant = { municipalityId: "stockholm", committeeId: "has", departmentId: "has-sos", admin: "admin", registrar: "registrator", officer: "clas.cederlid", secretary: "sekreterare" };
const testby = await buildSecondTenant(db);

let stockholmContent: CanaryContent;
let testbyContent: CanaryContent;

/** What a refused read answers: the error's code, so that the JSON of a refusal holds no content. */
const settle = async (read: () => Promise<unknown>): Promise<unknown> => {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AppError) return { refused: error.code };
    throw error;
  }
};

/** Every list, search and read model a signed-in user of the municipality reaches without naming another's resource. */
const everythingVisibleTo = async (actor: Actor, own: CanaryContent, otherCanary: string, otherCaseNumber: string) => {
  return {
    diarium: await settle(() => listDiariumCases({ actor, params: {} })),
    searchCanary: await settle(() => listDiariumCases({ actor, params: { q: otherCanary } })),
    searchNumber: await settle(() => listDiariumCases({ actor, params: { q: otherCaseNumber } })),
    filters: await settle(() => diariumFilterOptions(actor)),
    myCases: await settle(() => listMyOpenCases({ actor })),
    deadlines: await settle(() => listDeadlines({ actor })),
    startPageDeadlines: await settle(() => summarizeDeadlines({ actor })),
    registration: await settle(() => getRegistrationOptions(actor)),
    meetingPlan: await settle(() => getMeetingPlan({ actor })),
    secretary: await settle(() => getSecretaryOverview({ actor })),
    justering: await settle(() => listJusteringInbox(actor)),
    attestInbox: await settle(() => listAttestInbox(actor)),
    returned: await settle(() => listReturnedToMe(actor)),
    header: await settle(() => loadHeader(actor)),
    ownCase: await settle(() => getCaseDetails({ actor, caseId: own.caseId })),
    ownStatement: await settle(() => getStatementPage({ actor, caseId: own.caseId })),
    ownMeeting: await settle(() => getMeetingDetail({ actor, meetingId: own.meetingId })),
    admin: {
      municipality: await findAdminMunicipality(actor),
      organisation: await settle(() => getOrganisation(actor)),
      users: await settle(() => listUsers(actor)),
      units: await settle(() => listUnitOptions(actor)),
      series: await settle(() => listRegistrySeries(actor)),
      classes: await settle(() => listClassifications(actor)),
      templates: await settle(() => listTemplatesForAdmin(actor)),
      outbox: await settle(() => listOutbox(actor)),
    },
  };
};

/** Reads that name the other municipality's resources by id: each must be refused (or empty), never answered. */
const readsOfOther = async (actor: Actor, other: CanaryContent, otherTenant: Tenant) => {
  const otherUser = await db.user.findUniqueOrThrow({ where: { username: otherTenant.officer } });
  return {
    case: await settle(() => getCaseDetails({ actor, caseId: other.caseId })),
    statement: await settle(() => getStatementPage({ actor, caseId: other.caseId })),
    history: await settle(() => getStatementHistory({ actor, caseId: other.caseId })),
    preview: await settle(() => getStatementPreview({ actor, caseId: other.caseId })),
    attestation: await settle(() => getCaseAttestationView({ actor, caseId: other.caseId })),
    statementExport: await settle(() => loadStatementDocument({ actor, statementId: other.statementId })),
    meeting: await settle(() => getMeetingDetail({ actor, meetingId: other.meetingId })),
    minutes: await settle(() => getMinutesView({ actor, meetingId: other.meetingId })),
    agendaExport: await settle(() => getAgendaForExport({ actor, meetingId: other.meetingId })),
    plan: await settle(() => getMeetingPlan({ actor, committeeId: otherTenant.committeeId })),
    template: await settle(() => getTemplateForAdmin({ actor, municipalityId: otherTenant.municipalityId, key: other.templateKey })),
    settings: await settle(() => getMunicipalitySettings(actor, otherTenant.municipalityId)),
    user: await settle(() => getUserForAdmin(actor, otherUser.id)),
  };
};

const staffOf = (tenant: Tenant): string[] => [tenant.admin, tenant.registrar, tenant.officer, tenant.secretary];
const STOCKHOLM_STAFF = DEMO_USERS.filter((user) => user.memberships.length > 0).map((user) => user.username);

beforeAll(async () => {
  stockholmContent = await addCanaryContent(db, stockholm, STOCKHOLM_CANARY);
  testbyContent = await addCanaryContent(db, testby, TESTBY_CANARY);
});

describe("isolation between two municipalities", () => {
  it.each(STOCKHOLM_STAFF)("Stockholm's %s sees nothing of Testby in any list, search, read model or admin page", async (username) => {
    const json = JSON.stringify(await everythingVisibleTo(await actorFor(db, username), stockholmContent, TESTBY_CANARY, testbyContent.caseNumber));
    expect(json).not.toContain(TESTBY_CANARY);
    expect(json).not.toContain("Testby");
  });

  it.each(staffOf(testby))(
    "Testby's %s sees nothing of Stockholm in any list, search, read model or admin page",
    async (username) => {
      const json = JSON.stringify(await everythingVisibleTo(await actorFor(db, username), testbyContent, STOCKHOLM_CANARY, stockholmContent.caseNumber));
      expect(json).not.toContain(STOCKHOLM_CANARY);
      // The demo municipality's own names and texts too.
      expect(json).not.toContain("Hägersten");
      expect(json).not.toContain("Stockholm");
    },
  );

  it("shows each municipality's users their own canary (the reads above do return content)", async () => {
    const seen = async (username: string, own: CanaryContent, other: string, otherNumber: string) =>
      JSON.stringify(await everythingVisibleTo(await actorFor(db, username), own, other, otherNumber));
    // The administrators see their class, template and outbox; the handläggare their case and statement; the secretary the meeting.
    for (const [username, canary] of [
      ["admin", STOCKHOLM_CANARY],
      ["clas.cederlid", STOCKHOLM_CANARY],
      ["sekreterare", STOCKHOLM_CANARY],
      [testby.admin, TESTBY_CANARY],
      [testby.officer, TESTBY_CANARY],
      [testby.secretary, TESTBY_CANARY],
    ] as const) {
      const own = canary === STOCKHOLM_CANARY ? stockholmContent : testbyContent;
      expect(await seen(username, own, "x", "x")).toContain(canary);
    }
    const adminView = JSON.stringify(await everythingVisibleTo(await actorFor(db, testby.admin), testbyContent, "x", "x"));
    for (const text of [`Klass ${TESTBY_CANARY}`, `Mall ${TESTBY_CANARY}`, `Kallelse ${TESTBY_CANARY}`]) expect(adminView).toContain(text);
    const officerView = JSON.stringify(await everythingVisibleTo(await actorFor(db, testby.officer), testbyContent, "x", "x"));
    for (const text of [`Ärende ${TESTBY_CANARY}`, `Förvaltningens text ${TESTBY_CANARY}`]) expect(officerView).toContain(text);
    const secretaryView = JSON.stringify(await everythingVisibleTo(await actorFor(db, testby.secretary), testbyContent, "x", "x"));
    expect(secretaryView).toContain(`Ärendepunkt ${TESTBY_CANARY}`);
  });

  it.each([...STOCKHOLM_STAFF.map((username) => [username, "testby"] as const), ...staffOf(testby).map((username) => [username, "stockholm"] as const)])(
    "%s reading the other municipality's resources by id is refused as unknown",
    async (username, otherName) => {
      const [other, otherTenant, otherCanary] = otherName === "testby" ? [testbyContent, testby, TESTBY_CANARY] : [stockholmContent, stockholm, STOCKHOLM_CANARY];
      const reads = await readsOfOther(await actorFor(db, username), other, otherTenant);
      expect(JSON.stringify(reads)).not.toContain(otherCanary);
      for (const key of ["case", "statement", "history", "preview", "attestation", "statementExport", "meeting", "minutes", "agendaExport", "template"] as const) {
        expect(reads[key], key).toEqual({ refused: "NOT_FOUND" });
      }
      expect(reads.settings).toBeNull();
      // An administrator is told the user is unknown; anyone else may not use the admin queries at all.
      expect([null, { refused: "FORBIDDEN" }]).toContainEqual(reads.user);
      // A filter on the other municipality's committee lists nothing of it.
      expect(JSON.stringify(reads.plan)).not.toContain(otherTenant.committeeId === "has" ? "Hägersten" : "Testby");
    },
  );

  it("keeps each municipality's public diarium, committees and meeting documents to itself", async () => {
    for (const [tenant, own, other] of [
      [stockholm, STOCKHOLM_CANARY, TESTBY_CANARY],
      [testby, TESTBY_CANARY, STOCKHOLM_CANARY],
    ] as const) {
      const diarium = await listPublicDiarium({ municipalityId: tenant.municipalityId, params: {}, pageSize: 500 });
      const searched = await listPublicDiarium({ municipalityId: tenant.municipalityId, params: { q: other } });
      const committees = await publicDiariumCommittees(tenant.municipalityId);
      const meetings = await listPublicMeetingDocuments(tenant.municipalityId);
      const json = JSON.stringify({ diarium, searched, committees, meetings });
      expect(json).not.toContain(other);
      expect(searched.rows).toEqual([]);
      expect(JSON.stringify(diarium)).toContain(`Remiss ${own}`);
      expect(JSON.stringify(meetings)).toContain(`Sammanträdesrummet ${own}`);
    }
    // The public chooser names the municipalities, nothing of their content.
    const chooser = JSON.stringify(await listPublicMunicipalities());
    expect(chooser).toContain("Testby kommun");
    expect(chooser).not.toContain(TESTBY_CANARY);
  });
});
