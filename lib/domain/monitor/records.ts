import { deploymentKey, eventKey, taskStateKey } from "./dedup-keys";
import { explainStop } from "./explain-stop";
import type { ClusterSnapshot, MonitorContainer } from "./types";

// What the flight recorder keeps of one snapshot. Every row carries its de-duplication key, so
// storing the same snapshot twice (or two overlapping ones) adds nothing.

export type EventRecord = { key: string; serviceName: string; eventId: string; createdAt: string; message: string };
export type TaskStateRecord = {
  key: string; taskArn: string; taskId: string; serviceName: string | null; lastStatus: string; desiredStatus: string;
  healthStatus: string | null; taskDefinitionArn: string | null; availabilityZone: string | null;
  startedAt: string | null; stoppedAt: string | null; stopCode: string | null; stoppedReason: string | null;
  stopCategory: string | null; explanation: string | null; containers: MonitorContainer[]; observedAt: string;
};
export type DeploymentRecord = {
  key: string; serviceName: string; deploymentId: string; status: string; rolloutState: string | null;
  rolloutStateReason: string | null; taskDefinition: string | null; desiredCount: number; runningCount: number;
  failedTasks: number; updatedAt: string; observedAt: string;
};
export type ServiceSample = { serviceName: string; at: string; desired: number; running: number; pending: number };

export type SnapshotRecords = { events: EventRecord[]; tasks: TaskStateRecord[]; deployments: DeploymentRecord[]; samples: ServiceSample[] };

export function recordsOf(s: ClusterSnapshot): SnapshotRecords {
  const events = s.services.flatMap((svc) => svc.events.map((e) => ({
    key: eventKey(svc.serviceArn, e), serviceName: svc.serviceName, eventId: e.id, createdAt: e.createdAt, message: e.message,
  })));
  const tasks = s.tasks.map((t): TaskStateRecord => {
    const why = t.lastStatus === "STOPPED" ? explainStop(t) : undefined;
    return {
      key: taskStateKey(t), taskArn: t.taskArn, taskId: t.taskId, serviceName: t.serviceName ?? null, lastStatus: t.lastStatus,
      desiredStatus: t.desiredStatus, healthStatus: t.healthStatus ?? null, taskDefinitionArn: t.taskDefinitionArn ?? null,
      availabilityZone: t.availabilityZone ?? null, startedAt: t.startedAt ?? null, stoppedAt: t.stoppedAt ?? null,
      stopCode: t.stopCode ?? null, stoppedReason: t.stoppedReason ?? null, stopCategory: why?.category ?? null,
      explanation: why?.summary ?? null, containers: t.containers, observedAt: s.takenAt,
    };
  });
  const deployments = s.services.flatMap((svc) => svc.deployments.map((d): DeploymentRecord => ({
    key: deploymentKey(d), serviceName: svc.serviceName, deploymentId: d.id, status: d.status, rolloutState: d.rolloutState ?? null,
    rolloutStateReason: d.rolloutStateReason ?? null, taskDefinition: d.taskDefinition ?? null, desiredCount: d.desiredCount,
    runningCount: d.runningCount, failedTasks: d.failedTasks, updatedAt: d.updatedAt ?? s.takenAt, observedAt: s.takenAt,
  })));
  const samples = s.services.map((svc) => ({ serviceName: svc.serviceName, at: s.takenAt, desired: svc.desiredCount, running: svc.runningCount, pending: svc.pendingCount }));
  return { events, tasks, deployments, samples };
}

/** Samples worth storing: only those whose counts differ from the service's previous sample. */
export function changedSamples(samples: ServiceSample[], previous: Map<string, ServiceSample>): ServiceSample[] {
  return samples.filter((s) => {
    const p = previous.get(s.serviceName);
    return !p || p.desired !== s.desired || p.running !== s.running || p.pending !== s.pending;
  });
}
