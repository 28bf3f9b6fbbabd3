import type { Design } from "../design";

/** `web`, then `web-2`, `web-3`… : the first of these not in `taken`. */
export function uniqueName(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  if (!set.has(base)) return base;
  const stem = base.replace(/-\d+$/, "");
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}`;
    if (!set.has(candidate)) return candidate;
  }
}

/** Every resource id in the design (ids share one namespace because canvas node ids are resource ids). */
export function allIds(design: Design): string[] {
  return [
    ...design.clusters.map((c) => c.id),
    ...design.taskDefinitions.map((t) => t.id),
    ...design.services.map((s) => s.id),
    ...(design.targetGroups ?? []).map((g) => g.id),
    ...(design.loadBalancers ?? []).map((l) => l.id),
    ...(design.scheduledTasks ?? []).map((t) => t.id),
    ...(design.capacityProviders ?? []).map((p) => p.id),
  ];
}

/**
 * A new id derived from the kind and the first name. Deterministic (no randomness) so edits stay
 * pure and testable; ids never change on rename, so a stale-looking id is harmless.
 */
export function newId(design: Design, prefix: string, name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
  return uniqueName(`${prefix}-${slug}`, allIds(design));
}
