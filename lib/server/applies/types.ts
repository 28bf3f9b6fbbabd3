import type { AwsFailure } from "@/lib/aws";
import type { SteadyProgress } from "../plan";
import type { Plan, PlanAction, PlanOperation, ResourceKind } from "@/lib/domain/plan";
import type { Finding } from "@/lib/domain/rules";

export type ApplyStatus = "running" | "succeeded" | "failed";
export type StepStatus = "pending" | "running" | "done" | "failed";

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

/** What the Apply row's `steps` column holds. */
export type ApplyProgressDoc = { steps: ApplyStepRecord[]; steady?: SteadyRecord };

export type ApplyView = {
  id: string;
  designId: string;
  designVersion: number;
  environmentId: string;
  environmentName: string;
  status: ApplyStatus;
  steps: ApplyStepRecord[];
  steady?: SteadyRecord;
  error?: string;
  summary: Plan["summary"];
  startedAt: string;
  finishedAt?: string;
  /** The validator's errors the person chose to apply anyway; absent when the plan had none. */
  allowedErrors?: Finding[];
};

export type ApplySummary = Omit<ApplyView, "steps" | "steady">;

export type PlanResult = {
  plan: Plan;
  designVersion: number;
  fingerprint: string;
  environmentId: string;
  readOnly: boolean;
  plannedAt: string;
};
