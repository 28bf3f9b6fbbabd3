import type { FieldChange } from "./types";

// Value helpers shared by the planners. ECS answers with keys in its own order, fills in
// defaults and adds keys the design never set, so comparisons are on canonical, pruned values.

type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** JSON with sorted keys, so equal values have equal text whatever the key order. */
export function canonical(v: unknown): string {
  return JSON.stringify(sortKeys(v));
}

/**
 * A value's JSON as Terraform's `jsonencode` writes it: keys sorted, no spaces, and `<`, `>`, `&`,
 * U+2028 and U+2029 as \u escapes (https://developer.hashicorp.com/terraform/language/functions/jsonencode).
 * A JSON string field applied in this text (a schedule's Target.Input) reads back exactly as an
 * exported `jsonencode(...)` of the same value, so `terraform plan` finds no change.
 */
export function jsonencodeText(v: unknown): string {
  const escapes: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };
  return canonical(v).replace(/[<>&\u2028\u2029]/g, (c) => escapes[c]);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isObject(v)) return Object.fromEntries(Object.keys(v).sort().filter((k) => v[k] !== undefined).map((k) => [k, sortKeys(v[k])]));
  return v;
}

/** Drops undefined, empty arrays and empty objects at every depth: ECS treats them as absent. */
export function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (!isObject(v)) return v;
  const out: Json = {};
  for (const [k, x] of Object.entries(v)) {
    const p = prune(x);
    if (p === undefined || (Array.isArray(p) && p.length === 0) || (isObject(p) && Object.keys(p).length === 0)) continue;
    out[k] = p;
  }
  return out;
}

export const equal = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * True when every key the design sets has the same value live. Keys only ECS reports (new
 * API fields, filled defaults) do not count as drift; arrays must match element by element.
 */
export function matchesDesired(desired: unknown, live: unknown): boolean {
  if (Array.isArray(desired)) {
    return Array.isArray(live) && live.length === desired.length && desired.every((d, i) => matchesDesired(d, live[i]));
  }
  if (isObject(desired)) {
    return isObject(live) && Object.entries(desired).every(([k, d]) => d === undefined || matchesDesired(d, live[k]));
  }
  return desired === live;
}

/**
 * Leaf-level differences between two pruned values. Arrays of objects that all carry a `name`
 * (containers, environment, port mappings with names) are matched by name, so inserting one
 * container does not show every later container as changed.
 */
export function diffValues(oldV: unknown, newV: unknown, path: string, out: FieldChange[] = []): FieldChange[] {
  if (equal(oldV, newV)) return out;
  if (isObject(oldV) && isObject(newV)) {
    for (const k of [...new Set([...Object.keys(oldV), ...Object.keys(newV)])].sort()) {
      diffValues(oldV[k], newV[k], path ? `${path}.${k}` : k, out);
    }
    return out;
  }
  if (Array.isArray(oldV) && Array.isArray(newV)) {
    const named = (a: unknown[]) => a.every((x) => isObject(x) && typeof x.name === "string");
    if (named(oldV) && named(newV)) {
      const byName = (a: unknown[]) => new Map(a.map((x) => [(x as Json).name as string, x]));
      const o = byName(oldV);
      const n = byName(newV);
      for (const name of new Set([...o.keys(), ...n.keys()])) diffValues(o.get(name), n.get(name), `${path}[${name}]`, out);
      if (out.length === 0 || ![...o.keys()].every((k, i) => [...n.keys()][i] === k)) {
        if (equal([...o.keys()].sort(), [...n.keys()].sort())) out.push({ path: `${path} (order)`, old: [...o.keys()], new: [...n.keys()] });
      }
      return out;
    }
    if (oldV.length === newV.length) {
      oldV.forEach((x, i) => diffValues(x, newV[i], `${path}[${i}]`, out));
      return out;
    }
  }
  out.push({ path, ...(oldV !== undefined ? { old: oldV } : {}), ...(newV !== undefined ? { new: newV } : {}) });
  return out;
}

/** A short deterministic hash (two cyrb53 lanes, 28 hex digits): stable ids without node:crypto. */
export function stableHash(text: string): string {
  const lane = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
  };
  return lane(1) + lane(2);
}

/**
 * CreateService's idempotency token (at most 36 characters): the same scope, service and input
 * always give the same token, so a call retried after a timeout cannot create the service twice,
 * while a changed input is not mistaken for the earlier request. The plan scopes tokens to the
 * design; an apply run by the server scopes them to the apply (lib/server/plan/apply-plan.ts),
 * so a resumed apply repeats its own requests and a later apply makes new ones.
 */
export function clientTokenFor(scope: string, serviceKey: string, input: Json): string {
  const { clientToken: _ignored, ...rest } = input;
  return `stv-${stableHash(`${scope}\n${serviceKey}\n${canonical(rest)}`)}`;
}
