import type { AwsFailure } from "@/lib/aws";
import type { SteadyProgress } from "../plan";
import type { Plan, PlanAction, PlanOperation, ResourceKind } from "@/lib/domain/plan";
import type { Finding } from "@/lib/domain/rules";

/** "interrupted": the server running it stopped heart-beating before it finished; it can be resumed. */
export type ApplyStatus = "running" | "succeeded" | "failed" | "interrupted";
/** "interrupted": the call was under way when the apply's server stopped; what it did shows in the resume's plan. */
export type StepStatus = "pending" | "running" | "done" | "failed" | "interrupted";

/** One plan step as the apply ran it: each call's state, ECS's message when one failed. */
export type ApplyStepRecord = {
  key: string;
  kind: ResourceKind;
  name: string;
  action: PlanAction;
  status: StepStatus;
  calls: { operation: PlanOperation; status: StepStatus }[];
  message?: string;
  error?: AwsFailure;
};

export type SteadyRecord = {
  status: "waiting" | "steady" | "failed" | "timeout";
  services: SteadyProgress[];
  message?: string;
};

/**
 * One resume of an interrupted apply: when, the last heartbeat of the owner that stopped, and
 * the steps the new plan found left, recorded as they run. Earlier records are never rewritten.
 */
export type ResumeRecord = { resumedAt: string; interruptedAt?: string; steps: ApplyStepRecord[]; resumedBy?: PersonRef };

/** A person as an apply's record keeps them: who they were when they acted. */
export type PersonRef = { id: string; email: string };

/** What the Apply row's `steps` column holds: the first run's steps, then each resume's. */
export type ApplyProgressDoc = { steps: ApplyStepRecord[]; steady?: SteadyRecord; resumes?: ResumeRecord[] };

export type ApplyView = {
  id: string;
  designId: string;
  designVersion: number;
  environmentId: string;
  environmentName: string;
  status: ApplyStatus;
  steps: ApplyStepRecord[];
  resumes?: ResumeRecord[];
  steady?: SteadyRecord;
  error?: string;
  summary: Plan["summary"];
  startedAt: string;
  finishedAt?: string;
  /** The validator's errors the person chose to apply anyway; absent when the plan had none. */
  allowedErrors?: Finding[];
  /** Who started it; absent for applies from before sign-in and the server's own. */
  startedBy?: PersonRef;
};

export type ApplySummary = Omit<ApplyView, "steps" | "steady" | "resumes">;

export type PlanResult = {
  plan: Plan;
  designVersion: number;
  fingerprint: string;
  environmentId: string;
  readOnly: boolean;
  plannedAt: string;
};
