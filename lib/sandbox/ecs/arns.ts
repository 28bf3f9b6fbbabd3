import { arn, uuid } from "../core/ids";
import type { World } from "../core/types";

// ECS's ARNs: `arn:aws:ecs:<region>:<account>:<resource>/<names…>`.

export const clusterArn = (w: World, name: string) => arn(w, "ecs", `cluster/${name}`);
export const serviceArn = (w: World, cluster: string, name: string) => arn(w, "ecs", `service/${cluster}/${name}`);
export const taskArn = (w: World, cluster: string, id: string) => arn(w, "ecs", `task/${cluster}/${id}`);
export const taskDefinitionArn = (w: World, family: string, revision: number) => arn(w, "ecs", `task-definition/${family}:${revision}`);
export const containerInstanceArn = (w: World, cluster: string, id: string) => arn(w, "ecs", `container-instance/${cluster}/${id}`);
export const containerArn = (w: World, cluster: string, taskId: string) => arn(w, "ecs", `container/${cluster}/${taskId}/${uuid(w)}`);

export type ParsedArn = { resource: string; parts: string[] };

/** `arn:aws:ecs:<region>:<account>:<resource>/<a>/<b>` → { resource, parts: [a, b] }. */
export function parseEcsArn(arn: string): ParsedArn | undefined {
  const m = /^arn:aws[a-z-]*:ecs:[a-z0-9-]+:\d{12}:([a-z-]+)\/(.+)$/.exec(arn);
  if (!m) return undefined;
  return { resource: m[1], parts: m[2].split("/") };
}

/** The last path element of a name-or-ARN parameter (cluster, service, task, instance). */
export function lastSegment(nameOrArn: string): string {
  if (!nameOrArn.startsWith("arn:")) return nameOrArn;
  const parsed = parseEcsArn(nameOrArn);
  return parsed ? parsed.parts[parsed.parts.length - 1] : nameOrArn;
}
