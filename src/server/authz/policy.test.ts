import { describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import type { Actor, ActorMembership, UnitType } from "@/server/auth/actor";
import { Prisma } from "@/generated/prisma/client";
import { administeredMunicipalityIds, can, confidentialReadableCasesSql, readableCaseBranches, readableCaseBranchesSql, readableCasesWhere, type CaseAction } from "./policy";
import type { CaseScope, CommitteeScope } from "./scopes";

const actor = (id: string, ...memberships: Omit<ActorMembership, "unitName">[]): Actor => ({
  id,
  username: id,
  name: id,
  title: null,
  phone: null,
  email: null,
  authTime: 0,
  memberships: memberships.map((membership) => ({ ...membership, unitName: "" })),
});

// Two municipalities; in each a committee with a förvaltning of two avdelningar, and a second committee.
const caseIn = (municipality: "sthlm" | "gbg", overrides: Partial<CaseScope> = {}): CaseScope => ({
  municipalityId: municipality,
  committeeId: `${municipality}-has`,
  administrationId: `${municipality}-has-sdf`,
  departmentId: `${municipality}-has-sos`,
  caseOfficerId: "clas",
  coOfficerIds: [],
  confidential: false,
  ...overrides,
});

const theCase = caseIn("sthlm");

/** Where a membership sits relative to the case, and whether that reaches it. */
const PLACES: { name: string; unitType: UnitType; unitId: string; covers: boolean }[] = [
  { name: "the case's municipality", unitType: "MUNICIPALITY", unitId: "sthlm", covers: true },
  { name: "the case's committee", unitType: "COMMITTEE", unitId: "sthlm-has", covers: true },
  { name: "the case's förvaltning", unitType: "ADMINISTRATION", unitId: "sthlm-has-sdf", covers: true },
  { name: "the case's avdelning", unitType: "DEPARTMENT", unitId: "sthlm-has-sos", covers: true },
  { name: "a sibling avdelning", unitType: "DEPARTMENT", unitId: "sthlm-has-ifo", covers: false },
  { name: "another committee", unitType: "COMMITTEE", unitId: "sthlm-sos", covers: false },
  { name: "another förvaltning", unitType: "ADMINISTRATION", unitId: "sthlm-sos-sdf", covers: false },
  { name: "another municipality", unitType: "MUNICIPALITY", unitId: "gbg", covers: false },
  { name: "the same committee id in another municipality's chain", unitType: "COMMITTEE", unitId: "gbg-has", covers: false },
];

const ROLES: Role[] = ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY", "CHAIR", "MINUTES_CHECKER", "ADMIN"];

// The rule as DESIGN.md states it, written out independently of the policy's tables.
const READS_PUBLIC: Role[] = ["CASE_OFFICER", "REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY", "CHAIR", "MINUTES_CHECKER"];
const READS_CONFIDENTIAL: Role[] = ["REGISTRAR", "DEPARTMENT_HEAD", "DIRECTOR", "COMMITTEE_SECRETARY"];
/** What each role may do with a case its membership covers (as DESIGN.md describes the roles). */
const MAY: Record<Role, CaseAction[]> = {
  REGISTRAR: ["case.read", "case.readConfidential", "case.edit", "case.addDocument", "case.reassign", "case.close", "case.misregister", "referral.manage"],
  DEPARTMENT_HEAD: ["case.read", "case.readConfidential", "case.edit", "case.addDocument", "case.reassign", "case.close", "referral.manage"],
  DIRECTOR: ["case.read", "case.readConfidential", "case.reassign"],
  COMMITTEE_SECRETARY: ["case.read", "case.readConfidential", "case.addDocument", "case.close"],
  CASE_OFFICER: ["case.read"],
  CHAIR: ["case.read"],
  MINUTES_CHECKER: ["case.read"],
  ADMIN: [],
};
const CASE_ACTIONS: CaseAction[] = ["case.read", "case.readConfidential", "case.edit", "case.addDocument", "case.reassign", "case.close", "case.misregister", "statement.edit", "statement.send", "referral.manage"];

describe("can: cases (roles × levels × municipalities × secrecy)", () => {
  for (const confidential of [false, true]) {
    for (const place of PLACES) {
      for (const role of ROLES) {
        it(`${role} in ${place.name}, ${confidential ? "confidential" : "public"} case`, () => {
          const someone = actor("someone", { role, unitType: place.unitType, unitId: place.unitId });
          const scope = { ...theCase, confidential };
          for (const action of CASE_ACTIONS) {
            const readsAtAll = (confidential ? READS_CONFIDENTIAL : READS_PUBLIC).includes(role);
            const expected = place.covers && readsAtAll && MAY[role].includes(action);
            expect(can(someone, action, scope), action).toBe(expected);
          }
          const registers = place.covers && ["REGISTRAR", "CASE_OFFICER", "DEPARTMENT_HEAD"].includes(role);
          expect(can(someone, "case.register", theCase), "case.register").toBe(registers);
          expect(can(someone, "case.registerExistingNumber", theCase), "case.registerExistingNumber").toBe(place.covers && role === "REGISTRAR");
        });
      }
    }
  }

  it("lets the handläggare work on their own case, confidential too, including the statement; never reassign or misregister", () => {
    const clas = actor("clas", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "sthlm-has-sos" });
    for (const confidential of [false, true]) {
      for (const action of ["case.read", "case.readConfidential", "case.edit", "case.addDocument", "case.close", "statement.edit", "statement.send", "referral.manage"] as const) {
        expect(can(clas, action, { ...theCase, confidential }), action).toBe(true);
      }
      expect(can(clas, "case.reassign", { ...theCase, confidential })).toBe(false);
      expect(can(clas, "case.misregister", { ...theCase, confidential })).toBe(false);
    }
  });

  it("lets a medhandläggare read the case and write the statement, but never send it, reassign, edit or close the case", () => {
    const eva = actor("eva", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "sthlm-has-ifo" });
    for (const confidential of [false, true]) {
      const scope = { ...theCase, coOfficerIds: ["someone", "eva"], confidential };
      for (const action of ["case.read", "case.readConfidential", "case.addDocument", "statement.edit"] as const) {
        expect(can(eva, action, scope), action).toBe(true);
      }
      for (const action of ["statement.send", "case.edit", "case.close", "case.reassign", "case.misregister", "referral.manage"] as const) {
        expect(can(eva, action, scope), action).toBe(false);
      }
      // Removed from the case: nothing is left through the sibling department.
      expect(can(eva, "statement.edit", { ...scope, coOfficerIds: ["someone"] })).toBe(false);
      expect(can(eva, "case.read", { ...scope, coOfficerIds: ["someone"] })).toBe(false);
    }
  });

  it("lets an avdelningschef who may reassign the case neither write nor send its statement", () => {
    const linda = actor("linda", { role: "DEPARTMENT_HEAD", unitType: "DEPARTMENT", unitId: "sthlm-has-sos" });
    expect(can(linda, "case.reassign", theCase)).toBe(true);
    expect(can(linda, "statement.edit", theCase)).toBe(false);
    expect(can(linda, "statement.send", theCase)).toBe(false);
  });

  it("gives the handläggare of a case in another municipality nothing through a membership here", () => {
    const clas = actor("clas", { role: "REGISTRAR", unitType: "COMMITTEE", unitId: "sthlm-has" });
    // Their own case there: the handläggare rule holds wherever the case is.
    expect(can(clas, "case.read", caseIn("gbg"))).toBe(true);
    expect(can(clas, "case.reassign", caseIn("gbg"))).toBe(false);
    expect(can(clas, "case.read", caseIn("gbg", { caseOfficerId: "someone-else" }))).toBe(false);
  });

  it("needs the role and the coverage in one membership, not one from each", () => {
    const mixed = actor(
      "mixed",
      { role: "REGISTRAR", unitType: "COMMITTEE", unitId: "sthlm-sos" },
      { role: "CHAIR", unitType: "COMMITTEE", unitId: "sthlm-has" },
    );
    expect(can(mixed, "case.read", theCase)).toBe(true);
    expect(can(mixed, "case.edit", theCase)).toBe(false);
    expect(can(mixed, "case.read", { ...theCase, confidential: true })).toBe(false);
  });
});

describe("readableCaseBranches: each unit asked once", () => {
  const branchesOf = (someone: Actor) => ({ where: readableCaseBranches(someone), sql: readableCaseBranchesSql(someone, Prisma.sql`c`) });

  it("asks a förvaltningsdirektör's förvaltning for all its cases, not a second time for its public ones", () => {
    const { where, sql } = branchesOf(actor("lee", { role: "DIRECTOR", unitType: "ADMINISTRATION", unitId: "sthlm-has-sdf" }));
    // Their own cases, those they are medhandläggare of, and the förvaltning's.
    expect(where).toHaveLength(3);
    expect(where.filter((branch) => "secrecyReference" in branch)).toEqual([]);
    expect(sql).toHaveLength(3);
  });

  it("asks an avdelning once for two roles held in it, and only for its public cases where neither reads confidential ones", () => {
    const linda = actor("linda", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "sthlm-has-sos" }, { role: "DEPARTMENT_HEAD", unitType: "DEPARTMENT", unitId: "sthlm-has-sos" });
    expect(branchesOf(linda).where).toHaveLength(3);
    expect(branchesOf(linda).sql).toHaveLength(3);
    const maria = actor("maria", { role: "CHAIR", unitType: "COMMITTEE", unitId: "sthlm-has" }, { role: "MINUTES_CHECKER", unitType: "COMMITTEE", unitId: "sthlm-has" });
    const { where, sql } = branchesOf(maria);
    expect(where).toHaveLength(3);
    expect(where[2]).toMatchObject({ secrecyReference: null });
    expect(sql).toHaveLength(3);
  });
});

describe("readableCaseBranches: the medhandläggare alternative", () => {
  const clas = actor("clas", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "sthlm-has-ifo" });
  const coOfficerBranch = (sql: Prisma.Sql[]) => sql.filter((branch) => branch.sql.includes("case_co_officer"));

  it("is asked for an actor who is medhandläggare of some case, or not known not to be", () => {
    for (const someone of [clas, { ...clas, coOfficer: true }]) {
      expect(readableCaseBranches(someone).filter((branch) => "coOfficers" in branch)).toHaveLength(1);
      expect(coOfficerBranch(readableCaseBranchesSql(someone, Prisma.sql`c`))).toHaveLength(1);
      expect(confidentialReadableCasesSql(someone, Prisma.sql`c`).sql).toContain("case_co_officer");
    }
  });

  it("is left out for an actor who is medhandläggare of no case", () => {
    const none = { ...clas, coOfficer: false };
    expect(readableCaseBranches(none).filter((branch) => "coOfficers" in branch)).toEqual([]);
    expect(readableCasesWhere(none).OR?.filter((branch) => "coOfficerIds" in branch)).toEqual([]);
    expect(coOfficerBranch(readableCaseBranchesSql(none, Prisma.sql`c`))).toEqual([]);
    expect(confidentialReadableCasesSql(none, Prisma.sql`c`).sql).not.toContain("case_co_officer");
    expect(readableCaseBranchesSql(none, Prisma.sql`c`)).toHaveLength(readableCaseBranchesSql(clas, Prisma.sql`c`).length - 1);
  });
});

describe("can: documents via their case", () => {
  const scope = { case: theCase, confidential: true };
  it("shows a confidential handling to those who read the case's confidential content", () => {
    expect(can(actor("reg", { role: "REGISTRAR", unitType: "COMMITTEE", unitId: "sthlm-has" }), "document.read", scope)).toBe(true);
    expect(can(actor("clas", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "sthlm-has-ifo" }), "document.read", scope)).toBe(true);
  });
  it("hides it from readers of the case who may not read confidential content, and from other municipalities", () => {
    const chair = actor("chair", { role: "CHAIR", unitType: "COMMITTEE", unitId: "sthlm-has" });
    expect(can(chair, "document.read", scope)).toBe(false);
    expect(can(chair, "document.read", { ...scope, confidential: false })).toBe(true);
    expect(can(actor("reg", { role: "REGISTRAR", unitType: "COMMITTEE", unitId: "gbg-has" }), "document.read", { ...scope, confidential: false })).toBe(false);
  });
});

describe("can: meetings and minutes", () => {
  const committee: CommitteeScope = { committeeId: "sthlm-has", municipalityId: "sthlm", administrationIds: ["sthlm-has-sdf"], departmentIds: ["sthlm-has-sos", "sthlm-has-ifo"] };
  const TREE: { name: string; unitType: UnitType; unitId: string; inTree: boolean; committeeItself: boolean }[] = [
    { name: "municipality", unitType: "MUNICIPALITY", unitId: "sthlm", inTree: true, committeeItself: true },
    { name: "committee", unitType: "COMMITTEE", unitId: "sthlm-has", inTree: true, committeeItself: true },
    { name: "its förvaltning", unitType: "ADMINISTRATION", unitId: "sthlm-has-sdf", inTree: true, committeeItself: false },
    { name: "one of its avdelningar", unitType: "DEPARTMENT", unitId: "sthlm-has-ifo", inTree: true, committeeItself: false },
    { name: "another committee", unitType: "COMMITTEE", unitId: "sthlm-sos", inTree: false, committeeItself: false },
    { name: "another municipality", unitType: "MUNICIPALITY", unitId: "gbg", inTree: false, committeeItself: false },
  ];
  for (const place of TREE) {
    for (const role of ROLES) {
      it(`${role} in ${place.name}`, () => {
        const someone = actor("someone", { role, unitType: place.unitType, unitId: place.unitId });
        expect(can(someone, "meeting.read", committee), "meeting.read").toBe(place.inTree && READS_PUBLIC.includes(role));
        expect(can(someone, "meeting.edit", committee), "meeting.edit").toBe(place.committeeItself && role === "COMMITTEE_SECRETARY");
        expect(can(someone, "minutes.readInFull", committee), "minutes.readInFull").toBe(place.committeeItself && (role === "CHAIR" || role === "MINUTES_CHECKER"));
        expect(can(someone, "minutes.justera", { ...committee, as: "CHAIR" }), "justera as CHAIR").toBe(place.committeeItself && role === "CHAIR");
        expect(can(someone, "minutes.justera", { ...committee, as: "MINUTES_CHECKER" }), "justera as MINUTES_CHECKER").toBe(place.committeeItself && role === "MINUTES_CHECKER");
        // A remiss to the committee waits in "Inkomna remisser" for a registrator anywhere in its tree.
        expect(can(someone, "referral.receive", committee), "referral.receive").toBe(place.inTree && role === "REGISTRAR");
      });
    }
  }
});

describe("can: administration", () => {
  const admin = actor("admin", { role: "ADMIN", unitType: "MUNICIPALITY", unitId: "sthlm" });
  it("lets an ADMIN of a municipality administer that municipality only, and gives no case content", () => {
    expect(can(admin, "admin.manage", { municipalityId: "sthlm" })).toBe(true);
    expect(can(admin, "admin.manage", { municipalityId: "gbg" })).toBe(false);
    expect(can(admin, "case.read", theCase)).toBe(false);
    expect(can(admin, "meeting.read", { committeeId: "sthlm-has", municipalityId: "sthlm", administrationIds: [], departmentIds: [] })).toBe(false);
  });
  it("does not count ADMIN held in a committee, nor other roles in the municipality", () => {
    expect(can(actor("x", { role: "ADMIN", unitType: "COMMITTEE", unitId: "sthlm" }), "admin.manage", { municipalityId: "sthlm" })).toBe(false);
    expect(can(actor("x", { role: "REGISTRAR", unitType: "MUNICIPALITY", unitId: "sthlm" }), "admin.manage", { municipalityId: "sthlm" })).toBe(false);
  });
  it("manages a user only when administering every municipality the user holds roles in", () => {
    expect(can(admin, "user.manage", { municipalityIds: ["sthlm"] })).toBe(true);
    expect(can(admin, "user.manage", { municipalityIds: ["sthlm", "gbg"] })).toBe(false);
    expect(can(admin, "user.manage", { municipalityIds: [] })).toBe(false);
  });
  it("lists exactly the municipalities where admin.manage holds", () => {
    const both = actor(
      "both",
      { role: "ADMIN", unitType: "MUNICIPALITY", unitId: "gbg" },
      { role: "ADMIN", unitType: "COMMITTEE", unitId: "sthlm-has" },
      { role: "REGISTRAR", unitType: "MUNICIPALITY", unitId: "sthlm" },
      { role: "ADMIN", unitType: "MUNICIPALITY", unitId: "sthlm" },
    );
    expect(administeredMunicipalityIds(both)).toEqual(["gbg", "sthlm"]);
    expect(administeredMunicipalityIds(actor("none", { role: "REGISTRAR", unitType: "MUNICIPALITY", unitId: "sthlm" }))).toEqual([]);
  });
});

describe("the installation and a municipality's settings", () => {
  const installation = { ...actor("drift"), installationAdmin: true };
  const sthlmAdmin = actor("sthlm-admin", { role: "ADMIN", unitType: "MUNICIPALITY", unitId: "sthlm" });

  it("lets only the installation administrator manage the installation", () => {
    expect(can(installation, "installation.manage", null)).toBe(true);
    expect(can(sthlmAdmin, "installation.manage", null)).toBe(false);
    expect(can(actor("clas", { role: "CASE_OFFICER", unitType: "MUNICIPALITY", unitId: "sthlm" }), "installation.manage", null)).toBe(false);
  });

  it("lets a municipality's administrator configure only their own, and the installation administrator any, without administering its content", () => {
    expect(can(sthlmAdmin, "municipality.configure", { municipalityId: "sthlm" })).toBe(true);
    expect(can(sthlmAdmin, "municipality.configure", { municipalityId: "gbg" })).toBe(false);
    expect(can(installation, "municipality.configure", { municipalityId: "gbg" })).toBe(true);
    expect(can(installation, "admin.manage", { municipalityId: "gbg" })).toBe(false);
    expect(administeredMunicipalityIds(installation)).toEqual([]);
  });
});
