import type { ContainerInstance, Service as EcsService, ServiceDeployment, Task as EcsTask } from "@aws-sdk/client-ecs";
import type { Design } from "../design";
import type { BuildResult, LabState } from "../lab/build-types";
import type { Finding } from "../rules";
import type { ConceptId } from "./concepts";

/** What a check tells the learner: done, or not yet and (usually) why. */
export type CheckResult = { done: boolean; hint?: string };

/**
 * The sandbox's own ECS answers about the lesson's clusters (DescribeServices, DescribeTasks of
 * ListTasks RUNNING + STOPPED, DescribeContainerInstances): checks read only these, so they are
 * pure functions of what ECS said, testable with plain objects.
 */
export type SandboxSnapshot = {
  services: EcsService[]; tasks: EcsTask[]; containerInstances: ContainerInstance[];
  /** Each service's newest service deployments (ListServiceDeployments + DescribeServiceDeployments); absent where the sandbox has none to tell. */
  serviceDeployments?: ServiceDeployment[];
  /** The newest Application Auto Scaling activities of each ACTIVE service (DescribeScalingActivities), in the API's field names; absent when not read. */
  scalingActivities?: ScalingActivityLike[];
};

/** A ScalingActivity of DescribeScalingActivities, as far as checks read it. */
export type ScalingActivityLike = { ResourceId?: string; Description?: string; Cause?: string; StatusCode?: string; StartTime?: Date | string };

/** A simulated request rate (the sandbox's control `setLoad`), requests per second over the sandbox's clock. */
export type LoadShape =
  | { kind: "constant"; rps: number }
  | { kind: "ramp"; from: number; to: number; minutes: number }
  | { kind: "daily"; peak: number; trough: number; peakHour: number }
  | { kind: "spike"; base: number; height: number; atMinutes: number; minutes: number }
  | { kind: "off" };

export type DesignStepCheck = {
  kind: "design";
  check(design: Design, findings: Finding[]): CheckResult;
  /** The smallest edit that reaches the goal, for "Show me": learners who are stuck see it done on their design. */
  solve?(design: Design): Design;
};
export type SandboxStepCheck = { kind: "sandbox"; check(snapshot: SandboxSnapshot): CheckResult };
/**
 * "Explain what you just saw": one question about the lesson's sandbox run, answered in the
 * player and checked on the server (the client never learns which choice is right). A wrong
 * pick's `why` is the hint: it says what is wrong with that answer, without giving the right one.
 */
export type QuestionStepCheck = {
  kind: "question";
  question: string;
  choices: { id: string; text: string; correct?: true; why: string }[];
};
/**
 * The image lab's builds, as the player posts them (each state the learner pressed Build on,
 * oldest first) and the server replays them through the same pure build on one fresh cache: a
 * check reads what Docker would have done, never a result the browser claims.
 */
export type LabRun = { builds: BuildResult[] };
export type LabStepCheck = { kind: "lab"; check(run: LabRun): CheckResult };
export type StepCheck = DesignStepCheck | SandboxStepCheck | QuestionStepCheck | LabStepCheck;

/** Buttons the player offers on a step; the server carries them out against the sandbox. */
export type SandboxAction =
  | { id: "apply"; label?: string }
  | { id: "crash-task"; label?: string; container?: string }
  | { id: "deploy"; label?: string }
  /** A new revision whose image the sandbox makes fail its health checks (control failHealthCheck by image). */
  | { id: "deploy-failing"; label?: string }
  | { id: "fast-forward"; label?: string; seconds: number }
  /** AWS takes a Fargate Spot task back (control interruptSpot). */
  | { id: "interrupt-spot"; label?: string }
  /** Fargate Spot has no capacity, and every Spot task of the lesson is taken back (setSpotCapacity + interruptSpot). */
  | { id: "spot-capacity-gone"; label?: string }
  /** The sandbox's simulated load on one of the lesson's services (control setLoad). */
  | { id: "set-load"; label?: string; service: string; shape: LoadShape };

export type Step = {
  id: string;
  title: string;
  /** What to do, in a sentence or two. */
  goal: string;
  /** Shown after a failed check, in order, when the check itself gave no more specific hint. */
  hints: string[];
  check: StepCheck;
  actions?: SandboxAction[];
};

export type Lesson = {
  id: string;
  title: string;
  summary: string;
  /**
   * Shown when the lesson is complete: 2–4 short sentences, each one thing the learner can now
   * explain in their own words (the "why", not the clicks).
   */
  recap: string[];
  concepts: ConceptId[];
  /** The design "Start lesson" creates. */
  starter: Design;
  /** For image lab lessons: what the lab opens with (its steps need no design). */
  lab?: LabState;
  steps: Step[];
};
