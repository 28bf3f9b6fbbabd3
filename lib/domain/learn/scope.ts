import type { SandboxSnapshot } from "./types";

const seconds = (v: unknown): number => (typeof v === "number" ? v : v instanceof Date ? v.getTime() / 1000 : 0);

/**
 * Drops tasks of earlier incarnations of a service: a service deleted (lesson reset) and
 * created again under the same name leaves its old STOPPED tasks behind for an hour, and an
 * old crash must not pass the new attempt's checks. Tasks of no current service are dropped too.
 */
export function scopeToCurrentServices(snapshot: SandboxSnapshot): SandboxSnapshot {
  const since = new Map<string, number>();
  for (const s of snapshot.services) if (s.status === "ACTIVE" && s.serviceName) since.set(`service:${s.serviceName}`, seconds(s.createdAt));
  const tasks = snapshot.tasks.filter((t) => {
    if (!t.group?.startsWith("service:")) return true;
    const created = since.get(t.group);
    return created !== undefined && seconds(t.createdAt) >= created;
  });
  return { ...snapshot, tasks };
}
