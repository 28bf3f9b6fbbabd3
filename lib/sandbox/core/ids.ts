import type { World } from "./types";

// Deterministic ids: a seeded generator kept in the world (mulberry32), so a sandbox replays
// the same way from the same seed, and tests can predict placement with the random strategy.

export function nextRandom(world: World): number {
  let t = (world.rng = (world.rng + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export function randomHex(world: World, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(nextRandom(world) * 0x100000000).toString(16).padStart(8, "0");
  return out.slice(0, length);
}

export function randomDigits(world: World, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += Math.floor(nextRandom(world) * 10);
  return out.replace(/^0/, "1");
}

export function uuid(world: World): string {
  const h = randomHex(world, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
}

const prefix = (w: World) => `arn:aws:ecs:${w.region}:${w.account}`;
export const clusterArn = (w: World, name: string) => `${prefix(w)}:cluster/${name}`;
export const serviceArn = (w: World, cluster: string, name: string) => `${prefix(w)}:service/${cluster}/${name}`;
export const taskArn = (w: World, cluster: string, id: string) => `${prefix(w)}:task/${cluster}/${id}`;
export const taskDefinitionArn = (w: World, family: string, revision: number) =>
  `${prefix(w)}:task-definition/${family}:${revision}`;
export const containerInstanceArn = (w: World, cluster: string, id: string) =>
  `${prefix(w)}:container-instance/${cluster}/${id}`;
export const containerArn = (w: World, cluster: string, taskId: string) =>
  `${prefix(w)}:container/${cluster}/${taskId}/${uuid(w)}`;

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
