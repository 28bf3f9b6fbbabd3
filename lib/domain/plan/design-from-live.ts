import type { Cluster as EcsCluster, Service as EcsService, Tag as EcsTag, TaskDefinition as EcsTaskDefinition } from "@aws-sdk/client-ecs";
import { DesignSchema, familyOf, type Cluster, type Design, type Service, type Tag, type TaskDefinition } from "../design";
import { gridLayout, importService, importTaskDefinition, type ImportNote } from "../ecs-json";
import { isStevedoreTag } from "./tags";

export type LiveCluster = {
  cluster: EcsCluster;
  services: EcsService[];
  /** The latest ACTIVE revision of each family the services run, with its tags. */
  taskDefinitions: { taskDefinition: EcsTaskDefinition; tags: EcsTag[] }[];
};

export type DesignFromLiveResult = { ok: true; design: Design; notes: ImportNote[] } | { ok: false; message: string; notes: ImportNote[] };

// Ownership tags and the record of managed tags belong to the design that created a resource; a new design must not claim them.
const ownTags = (tags: EcsTag[] | undefined): Tag[] | undefined => {
  const kept = (tags ?? []).filter((t) => t.key && t.value !== undefined && !isStevedoreTag(t.key) && !t.key.startsWith("aws:"))
    .map((t) => ({ key: t.key as string, value: t.value as string }));
  return kept.length ? kept : undefined;
};

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "x";

/**
 * A design that says what a live cluster already runs: its ACTIVE services, the latest revision
 * of each family they run, and their containers. Planned against the same account it changes
 * nothing, except where a service runs an older revision than its family's latest (noted).
 */
export function designFromLive(live: LiveCluster): DesignFromLiveResult {
  const notes: ImportNote[] = [];
  const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T; // SDK dates become strings, undefined keys vanish
  const clusterName = live.cluster.clusterName ?? "default";
  const cluster: Cluster = { id: `cl-${slug(clusterName)}`, clusterName, ...(ownTags(live.cluster.tags) ? { tags: ownTags(live.cluster.tags) } : {}) };
  const taskDefinitions: TaskDefinition[] = [];
  for (const { taskDefinition, tags } of live.taskDefinitions) {
    const family = taskDefinition.family ?? "task";
    const r = importTaskDefinition({ ...plain(taskDefinition), ...(ownTags(tags) ? { tags: ownTags(tags) } : {}) }, { id: `td-${slug(family)}` });
    if (!r.ok) return { ok: false, message: `Task definition ${family}: ${r.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, notes };
    taskDefinitions.push(r.taskDefinition);
  }
  const services: Service[] = [];
  for (const svc of live.services) {
    if (svc.status !== "ACTIVE") continue;
    const name = svc.serviceName ?? "service";
    const family = familyOf((svc.taskDefinition ?? "").split("/").pop() ?? "");
    const latest = live.taskDefinitions.find((t) => t.taskDefinition.family === family)?.taskDefinition;
    const runs = (svc.taskDefinition ?? "").split("/").pop();
    if (latest && runs !== `${family}:${latest.revision}`) {
      notes.push({ severity: "warning", path: `services.${name}`, message: `runs ${runs}, older than ${family}:${latest.revision}: a plan will move it to the latest revision` });
    }
    const raw = { ...plain(svc), taskDefinition: family, tags: ownTags(svc.tags) };
    const r = importService(raw, { id: `svc-${slug(name)}` });
    if (!r.ok) return { ok: false, message: `Service ${name}: ${r.issues.map((i) => `${i.path} ${i.message}`).join("; ")}`, notes };
    services.push({ ...r.service, cluster: clusterName });
  }
  const withoutLayout = { schemaVersion: 1 as const, clusters: [cluster], taskDefinitions, services };
  const parsed = DesignSchema.safeParse({ ...withoutLayout, layout: gridLayout(withoutLayout as Omit<Design, "layout">) });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; "), notes };
  return { ok: true, design: parsed.data, notes };
}
