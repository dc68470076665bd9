import { describe, expect, it } from "vitest";
import type { Actor, ActorMembership } from "@/server/auth/actor";
import { canOnCase, type CaseScope } from "./case-access";

const actor = (id: string, ...memberships: ActorMembership[]): Actor => ({
  id,
  username: id,
  name: id,
  title: null,
  phone: null,
  email: null,
  authTime: 0,
  memberships,
});

const scope: CaseScope = {
  municipalityId: "stockholm",
  committeeId: "has",
  administrationId: "has-sdf",
  departmentId: "has-sos",
  caseOfficerId: "clas",
  confidential: false,
};

const clas = actor("clas", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "has-sos", unitName: "" });
const colleague = actor("kim", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "has-sos", unitName: "" });
const otherDepartment = actor("ifo", { role: "CASE_OFFICER", unitType: "DEPARTMENT", unitId: "has-ifo", unitName: "" });
const director = actor("lee", { role: "DIRECTOR", unitType: "ADMINISTRATION", unitId: "has-sdf", unitName: "" });
const registrar = actor("reg", { role: "REGISTRAR", unitType: "COMMITTEE", unitId: "has", unitName: "" });
const otherRegistrar = actor("sos", { role: "REGISTRAR", unitType: "COMMITTEE", unitId: "sos", unitName: "" });
const chair = actor("chair", { role: "CHAIR", unitType: "COMMITTEE", unitId: "has", unitName: "" });
const admin = actor("admin", { role: "ADMIN", unitType: "MUNICIPALITY", unitId: "stockholm", unitName: "" });

describe("case access", () => {
  it("lets the handläggare work on their own case, including the statement", () => {
    for (const action of ["read", "edit", "addDocument", "close", "editStatement"] as const) expect(canOnCase(clas, action, scope)).toBe(true);
    expect(canOnCase(clas, "reassign", scope)).toBe(false);
  });

  it("lets a colleague in the same department read but not edit", () => {
    expect(canOnCase(colleague, "read", scope)).toBe(true);
    expect(canOnCase(colleague, "edit", scope)).toBe(false);
    expect(canOnCase(colleague, "editStatement", scope)).toBe(false);
  });

  it("keeps other departments and other committees out", () => {
    expect(canOnCase(otherDepartment, "read", scope)).toBe(false);
    expect(canOnCase(otherRegistrar, "read", scope)).toBe(false);
    expect(canOnCase(otherRegistrar, "edit", scope)).toBe(false);
  });

  it("lets a membership higher up cover the units below it", () => {
    expect(canOnCase(director, "read", scope)).toBe(true);
    expect(canOnCase(director, "reassign", scope)).toBe(true);
    expect(canOnCase(registrar, "edit", scope)).toBe(true);
  });

  it("gives an administrator of the organisation no access to case content", () => {
    expect(canOnCase(admin, "read", scope)).toBe(false);
  });

  it("hides a confidential case from those who do not work it", () => {
    const secret = { ...scope, confidential: true };
    expect(canOnCase(chair, "read", scope)).toBe(true);
    expect(canOnCase(chair, "read", secret)).toBe(false);
    expect(canOnCase(colleague, "read", secret)).toBe(false);
    expect(canOnCase(clas, "read", secret)).toBe(true);
    expect(canOnCase(registrar, "read", secret)).toBe(true);
  });
});
