import { describe, expect, it } from "vitest";
import { ANONYMOUS, systemActor, type Actor } from "./actor";
import { approvalTally, decideApproval, isFreshSignIn, type ApprovalVote } from "./approvals";
import { decideEnvironment } from "./decide-environment";
import { rolesHeld, type Grant } from "./grants";
import type { Role } from "./roles";

const as = (role: Role, id = "p", groups: string[] = []): Actor => ({ kind: "person", person: { id, email: `${id}@example.com`, name: id, role, groups }, sessionId: "s" });
const sandbox = (grants: Grant[] = []) => ({ sandbox: true, name: "Sandbox", grants });
const prod = (grants: Grant[] = []) => ({ sandbox: false, name: "prod", grants });

describe("decideEnvironment", () => {
  it("opens sandbox-kind environments to editors for plan and apply, not for approve", () => {
    expect(decideEnvironment(as("viewer"), "plan", sandbox())).toMatchObject({ code: "FORBIDDEN" });
    expect(decideEnvironment(as("editor"), "plan", sandbox())).toBeUndefined();
    expect(decideEnvironment(as("editor"), "apply", sandbox())).toBeUndefined();
    expect(decideEnvironment(as("admin"), "approve", sandbox())).toMatchObject({ code: "FORBIDDEN" });
    expect(decideEnvironment(as("editor", "p"), "approve", sandbox([{ subjectKind: "person", subject: "p", role: "approver" }]))).toBeUndefined();
  });

  it("denies AWS environments by default, admins included", () => {
    expect(decideEnvironment(as("editor"), "plan", prod())).toEqual({
      code: "FORBIDDEN",
      message: 'Planning against "prod" needs the planner grant on it (for you or a group of yours); you have none. Ask an admin for one.',
    });
    expect(decideEnvironment(as("admin"), "apply", prod())).toEqual({
      code: "FORBIDDEN",
      message: 'Applying to "prod" needs the deployer grant on it (for you or a group of yours); you have none. Admins give grants on the Environments page, to themselves too.',
    });
    expect(decideEnvironment(ANONYMOUS, "plan", prod())).toMatchObject({ code: "UNAUTHENTICATED" });
    expect(decideEnvironment(systemActor("poller"), "plan", prod([{ subjectKind: "person", subject: "poller", role: "planner" }]))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("lets each grant do what it says: planner plans, deployer plans and applies, approver approves", () => {
    const grant = (role: Grant["role"]): Grant[] => [{ subjectKind: "person", subject: "p", role }];
    const verbs = ["plan", "apply", "approve"] as const;
    const allowed = (g: Grant[]) => verbs.filter((v) => decideEnvironment(as("editor"), v, prod(g)) === undefined);
    expect(allowed(grant("planner"))).toEqual(["plan"]);
    expect(allowed(grant("deployer"))).toEqual(["plan", "apply"]);
    expect(allowed(grant("approver"))).toEqual(["approve"]);
    // Someone else's grant is not mine.
    expect(decideEnvironment(as("editor", "q"), "plan", prod(grant("deployer")))).toMatchObject({ code: "FORBIDDEN" });
  });

  it("grants to a group reach its members only", () => {
    const grants: Grant[] = [{ subjectKind: "group", subject: "platform", role: "deployer" }];
    expect(decideEnvironment(as("editor", "a", ["platform"]), "apply", prod(grants))).toBeUndefined();
    expect(decideEnvironment(as("editor", "b", ["web"]), "apply", prod(grants))).toMatchObject({ code: "FORBIDDEN" });
    // A group named like a person's id is still a group.
    expect(rolesHeld({ id: "platform", groups: [] }, grants)).toEqual([]);
    expect(rolesHeld({ id: "a", groups: ["platform", "ops"] }, [...grants, { subjectKind: "person", subject: "a", role: "approver" }])).toEqual(["deployer", "approver"]);
  });
});

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 12, min));
const vote = (approverId: string, decidedMin: number, decision: ApprovalVote["decision"] = "approve", validMin = 60): ApprovalVote =>
  ({ approverId, decision, decidedAt: at(decidedMin), expiresAt: at(decidedMin + validMin) });

describe("approvals", () => {
  it("counts approvals by others that have not expired, against N", () => {
    const votes = [vote("b", 0), vote("c", 30), vote("req", 31)];
    expect(approvalTally(votes, { required: 2, requesterId: "req", now: at(45) })).toEqual({ valid: 2, expired: 0, needed: 2, enough: true });
    // An hour after b approved, b's approval is gone: one of two.
    expect(approvalTally(votes, { required: 2, requesterId: "req", now: at(60) })).toEqual({ valid: 1, expired: 1, needed: 2, enough: false });
    expect(approvalTally(votes, { required: 1, requesterId: "req", now: at(60) }).enough).toBe(true);
    expect(approvalTally([vote("b", 0, "reject")], { required: 1, requesterId: "req", now: at(1) })).toMatchObject({ valid: 0, enough: false });
  });

  it("refuses self-approval, double approval and deciding a closed request", () => {
    const pending = { requestedBy: "req", status: "pending" };
    expect(decideApproval({ id: "req" }, pending, [], at(0))).toBe("You asked for this apply: someone else must approve it.");
    expect(decideApproval({ id: "b" }, pending, [], at(0))).toBeUndefined();
    expect(decideApproval({ id: "b" }, pending, [vote("b", 0)], at(10))).toBe("You have approved this request already.");
    expect(decideApproval({ id: "b" }, pending, [vote("b", 0)], at(61))).toBeUndefined();
    expect(decideApproval({ id: "b" }, { ...pending, status: "void" }, [], at(0))).toMatch(/is void/);
  });

  it("calls a sign-in fresh for ten minutes", () => {
    expect(isFreshSignIn(at(0), at(10))).toBe(true);
    expect(isFreshSignIn(at(0), at(11))).toBe(false);
    expect(isFreshSignIn(at(5), at(0))).toBe(false);
  });
});
