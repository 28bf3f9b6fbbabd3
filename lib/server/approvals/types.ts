import type { EnvironmentRole, GrantSubjectKind } from "@/lib/domain/access";
import type { Plan } from "@/lib/domain/plan";

export type GrantView = {
  id: string; environmentId: string; subjectKind: GrantSubjectKind; subject: string;
  /** The person's name and email, or the group's name. */
  label: string; role: EnvironmentRole; createdAt: string;
};

export type ApprovalView = { approverId: string; approverEmail: string; decision: "approve" | "reject"; reason: string | null; decidedAt: string; expiresAt: string; expired: boolean };

export type ApplyRequestStatus = "pending" | "rejected" | "void" | "applied";

export type ApplyRequestView = {
  id: string; designId: string; designName: string; designVersion: number; environmentId: string; environmentName: string;
  planHash: string; plan: Plan; requestedBy: string; requestedByEmail: string; requestedAt: string;
  status: ApplyRequestStatus; reason: string | null; applyId: string | null;
  approvals: ApprovalView[];
  /** Approvals that count now, and how many are needed. */
  valid: number; needed: number; expired: number; ready: boolean;
  /** What the person looking may do with it. */
  canApprove: boolean; canApply: boolean;
};
