import type { CountPoint, TaskActivity } from "./chart";
import type { TimelineItem } from "./history";

// The shapes the monitor's GET routes answer with, shared by the server and the browser.

export type CallFigures = { minute: string; calls: Record<string, number> }[];

export type ClusterList = { envId: string; name: string; region: string; kind: string; clusters: string[]; error?: string };

export type PollerFigures = {
  envId: string; cluster: string; holder: string; thisInstanceHolds: boolean; polling: boolean; intervalMs: number;
  throttled: number; totals: Record<string, number>; perMinute: CallFigures;
};
export type Figures = { instance: string; pollers: PollerFigures[] };

export type HistoryRow = Record<string, unknown>;

export type ServiceHistory = {
  timeline: TimelineItem[];
  samples: CountPoint[];
  stoppedTasks: HistoryRow[];
  /** Each recorded task once, when it started and stopped: with ECS's own answer, what the charts mark and count (windowActivity). */
  tasks: TaskActivity[];
};

/** A deployment on the service page: its timeline and what changed from the source revision to the target one. */
export type DeploymentView = import("./deployments").DeploymentTimeline & {
  /** Absent when the revisions could not be read. */
  changes?: import("./revision-diff").RevisionChange[];
  /** The task definitions the source (blue) and target (green) revisions run, when their revisions could be read. */
  sourceTaskDefinition?: string;
  targetTaskDefinition?: string;
};

export type ServiceDeploymentsView = {
  /** The moving one first, then newest first; from ECS, else (when ECS cannot be read) from the flight recorder. */
  deployments: DeploymentView[];
  /** Whether the person looking may continue, roll back, force a deployment or change the desired count (the server checks again). */
  canDeploy: boolean;
  /** Why not, in the words of the refusal they would get. */
  cannotDeployBecause?: string;
  /** ECS's answer when the service deployments API could not be read. */
  error?: string;
  fetchedAt: string;
};

/** A service's Application Auto Scaling as the service page shows it: its range and why its desired count changed. */
export type ScalingActivitiesView = {
  /** Whether the service has a registered scalable target. */
  scaled: boolean;
  minCapacity?: number;
  maxCapacity?: number;
  /** Newest first, from DescribeScalingActivities. */
  activities: { id: string; at?: string; description: string; cause: string; status: string; statusMessage?: string }[];
  error?: string;
  fetchedAt: string;
};
