import type { World } from "./types";

// Deterministic ids: a seeded generator kept in the world (mulberry32), so a sandbox replays
// the same way from the same seed, and tests can predict placement with the random strategy.

/** One step of mulberry32 on the generator `g` (its state moves on). */
function mulberry(g: { rng: number }): number {
  let t = (g.rng = (g.rng + 0x6d2b79f5) | 0);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

function hex(g: { rng: number }, length: number): string {
  let out = "";
  while (out.length < length) out += Math.floor(mulberry(g) * 0x100000000).toString(16).padStart(8, "0");
  return out.slice(0, length);
}

export function nextRandom(world: World): number {
  return mulberry(world);
}

export function randomHex(world: World, length: number): string {
  return hex(world, length);
}

/**
 * Hex digits that depend only on `key` (FNV-1a of it seeds the generator), not on the world's
 * generator: for what an account has from the start (its default VPC), whose ids must not
 * shift the ids of everything created after them.
 */
export function stableHex(key: string, length: number): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return hex({ rng: h | 0 }, length);
}

/** A number in [0, 1) that depends only on `key`: a deterministic draw that leaves the world's generator alone. */
export function stableFraction(key: string): number {
  return parseInt(stableHex(key, 8), 16) / 0x100000000;
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

/** The entities of a map in the order they were made (by their sequence number). */
export function bySeq<T extends { seq: number }>(map: Record<string, T>): T[] {
  return Object.values(map).sort((a, b) => a.seq - b.seq);
}

/** `arn:aws:<service>:<region>:<account>:<resource>` in the world's region and account. */
export const arn = (world: World, service: string, resource: string) => `arn:aws:${service}:${world.region}:${world.account}:${resource}`;
