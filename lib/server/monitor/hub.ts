import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Db } from "@/lib/db";
import { ClusterPoller, type MonitorClient, type PollerOptions } from "./poller";

export type HubOptions = {
  db: () => Promise<Db>;
  ecsFor: (envId: string) => (db: Db) => Promise<MonitorClient>;
  holder?: string;
} & Pick<PollerOptions, "now" | "scheduler" | "idleMs" | "intervalMs">;

/**
 * Every poller of this process, one per (environment, cluster): all viewers of a cluster share
 * it, so twenty open tabs cost ECS what one does.
 */
export class MonitorHub {
  readonly holder: string;
  private readonly pollers = new Map<string, Promise<ClusterPoller>>();

  constructor(private readonly o: HubOptions) {
    this.holder = o.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  poller(envId: string, cluster: string): Promise<ClusterPoller> {
    const key = `${envId}\u0000${cluster}`;
    let p = this.pollers.get(key);
    if (!p) {
      p = this.o.db().then((db) => new ClusterPoller({
        db, envId, cluster, holder: this.holder, ecs: () => this.o.ecsFor(envId)(db),
        now: this.o.now, scheduler: this.o.scheduler, idleMs: this.o.idleMs, intervalMs: this.o.intervalMs,
      }));
      p.catch(() => this.pollers.delete(key));
      this.pollers.set(key, p);
    }
    return p;
  }

  async all(): Promise<ClusterPoller[]> {
    return Promise.all(this.pollers.values());
  }

  async shutdown(): Promise<void> {
    for (const p of await this.all()) await p.shutdown();
    this.pollers.clear();
  }
}
