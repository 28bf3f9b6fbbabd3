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

/** The world's next sequence number: orders entities created at the same instant. */
export function nextSeq(world: World): number {
  return ++world.seq;
}

/** `arn:aws:<service>:<region>:<account>:<resource>` in the world's region and account. */
export const arn = (world: World, service: string, resource: string) => `arn:aws:${service}:${world.region}:${world.account}:${resource}`;
