import type { SceneInput } from "../monitor/scene";
import { sceneInputFromEcs } from "../monitor/scene-input";
import { revisionOf } from "./helpers";
import type { SandboxSnapshot } from "./types";

// What the live panel shows, derived from the sandbox's answers (dates come as epoch seconds).

export type LiveTask = {
  id: string;
  service?: string;
  revision: number;
  lastStatus: string;
  desiredStatus: string;
  instance?: string;
  /** The capacity provider it runs on (FARGATE, FARGATE_SPOT …), when a strategy placed it. */
  capacity?: string;
  stoppedReason?: string;
  createdAt: number;
};
export type LiveDeployment = { status: string; revision: number; running: number; pending: number; desired: number; rolloutState?: string };
export type LiveService = { name: string; desired: number; running: number; pending: number; deployments: LiveDeployment[]; events: string[] };
/** `scene` feeds the animated picture of the same answers (lib/domain/monitor/scene.ts). */
export type LiveView = { services: LiveService[]; tasks: LiveTask[]; scene: SceneInput };

const MAX_STOPPED = 6;
const num = (v: unknown) => (typeof v === "number" ? v : v instanceof Date ? v.getTime() / 1000 : 0);
const last = (arn: string | undefined) => (arn ?? "").slice((arn ?? "").lastIndexOf("/") + 1);

export function liveView(snapshot: SandboxSnapshot): LiveView {
  const instanceNames = new Map(snapshot.containerInstances.map((ci, i) => [ci.containerInstanceArn, ci.ec2InstanceId ?? `instance ${i + 1}`]));
  const tasks: LiveTask[] = snapshot.tasks.map((t) => ({
    id: last(t.taskArn).slice(0, 12),
    service: t.group?.startsWith("service:") ? t.group.slice(8) : undefined,
    revision: revisionOf(t.taskDefinitionArn),
    lastStatus: t.lastStatus ?? "UNKNOWN",
    desiredStatus: t.desiredStatus ?? "UNKNOWN",
    instance: t.containerInstanceArn ? instanceNames.get(t.containerInstanceArn) ?? last(t.containerInstanceArn).slice(0, 12) : undefined,
    capacity: t.capacityProviderName,
    stoppedReason: t.stoppedReason,
    createdAt: num(t.createdAt),
  }));
  const alive = tasks.filter((t) => t.lastStatus !== "STOPPED").sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
  const stopped = tasks.filter((t) => t.lastStatus === "STOPPED").sort((a, b) => b.createdAt - a.createdAt).slice(0, MAX_STOPPED);
  const services: LiveService[] = snapshot.services.filter((s) => s.status === "ACTIVE").map((s) => ({
    name: s.serviceName ?? "",
    desired: s.desiredCount ?? 0,
    running: s.runningCount ?? 0,
    pending: s.pendingCount ?? 0,
    deployments: (s.deployments ?? []).map((d) => ({
      status: d.status ?? "", revision: revisionOf(d.taskDefinition), running: d.runningCount ?? 0, pending: d.pendingCount ?? 0,
      desired: d.desiredCount ?? 0, rolloutState: d.rolloutState,
    })),
    events: (s.events ?? []).slice(0, 3).map((e) => e.message ?? ""),
  }));
  return { services, tasks: [...alive, ...stopped], scene: sceneInputFromEcs(snapshot) };
}
