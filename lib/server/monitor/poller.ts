import type { Db } from "@/lib/db";
import { callsPerRefresh, pollInterval, type ClusterSnapshot } from "@/lib/domain/monitor";
import { CallCounter } from "./call-counter";
import { acquireLease, releaseLease } from "./lease";
import { countedEcs, type MonitorEcs } from "./monitor-ecs";
import { FlightRecorder, pruneHistory, retentionDays } from "./recorder";
import { refreshCluster } from "./refresh-cluster";
import { readSnapshot, writeSnapshot, type StoredSnapshot } from "./snapshot-store";

export type Scheduler = { after(ms: number, fn: () => void): () => void };
export const realScheduler: Scheduler = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return () => clearTimeout(t);
  },
};

/** Reads for one environment; `slowMs` overrides the steady interval (the sandbox has no rate limits to respect). */
export type MonitorClient = { ecs: MonitorEcs; slowMs?: number };

export type PollerOptions = {
  db: Db;
  envId: string;
  cluster: string;
  /** This server instance; unique per process. */
  holder: string;
  /** Resolved lazily, so a poller that never holds the lease never builds a client. */
  ecs: () => Promise<MonitorClient>;
  now?: () => Date;
  scheduler?: Scheduler;
  /** Stop polling this long after the last viewer left. */
  idleMs?: number;
  /** Fixed interval instead of the adaptive one (tests, benchmark). */
  intervalMs?: number;
  counter?: CallCounter;
};

const PRUNE_EVERY_MS = 3_600_000;

/** Lease lifetime: two intervals, so one slow refresh does not hand the cluster to another instance. */
export const leaseTtl = (intervalMs: number) => intervalMs * 2;

/**
 * The one poller of a cluster in this process. Viewers subscribe (or touch it on each request);
 * it polls while anyone watched within `idleMs`. Across instances the lease decides who calls
 * ECS; the others read the holder's snapshot from the database on the same rhythm.
 */
export class ClusterPoller {
  readonly counter: CallCounter;
  latest: StoredSnapshot | undefined;
  isHolder = false;
  throttled = 0;
  private readonly listeners = new Set<(s: StoredSnapshot) => void>();
  private lastWatched = 0;
  private cancel: (() => void) | undefined;
  private running = false;
  private inFlight: Promise<void> | undefined;
  private recorder: FlightRecorder;
  private lastPrune = 0;
  private client: MonitorClient | undefined;
  private readonly now: () => Date;
  private readonly scheduler: Scheduler;

  constructor(private readonly o: PollerOptions) {
    this.now = o.now ?? (() => new Date());
    this.scheduler = o.scheduler ?? realScheduler;
    this.counter = o.counter ?? new CallCounter(() => this.now().getTime());
    this.recorder = new FlightRecorder(o.db, o.envId, o.cluster);
  }

  get ref(): { envId: string; cluster: string } {
    return { envId: this.o.envId, cluster: this.o.cluster };
  }

  get intervalMs(): number {
    if (this.o.intervalMs) return this.o.intervalMs * 2 ** Math.min(this.throttled, 6);
    const s = this.latest?.snapshot;
    const calls = s ? callsPerRefresh(s.services.length, s.tasks.length, s.tasks.filter((t) => t.desiredStatus !== "STOPPED").length) : undefined;
    return pollInterval({ snapshot: s, calls, throttled: this.throttled, slowMs: this.client?.slowMs });
  }

  get watching(): boolean {
    return this.listeners.size > 0 || this.now().getTime() - this.lastWatched < (this.o.idleMs ?? 60_000);
  }

  get active(): boolean {
    return this.running;
  }

  /** A viewer looked (one request of a polling client): keeps the poller alive; starts it if needed. */
  touch(): Promise<void> {
    this.lastWatched = this.now().getTime();
    if (!this.running) {
      this.running = true;
      this.loop();
    }
    return this.inFlight ?? Promise.resolve();
  }

  subscribe(fn: (s: StoredSnapshot) => void): () => void {
    this.listeners.add(fn);
    void this.touch();
    return () => {
      this.listeners.delete(fn);
      this.lastWatched = this.now().getTime();
    };
  }

  /** Waits for the first snapshot (or error) after start, at most `ms`. */
  async ready(ms = 5_000): Promise<void> {
    if (this.latest) return;
    await Promise.race([this.inFlight ?? this.touch(), new Promise((r) => setTimeout(r, ms))]);
  }

  private loop() {
    this.inFlight = this.tick().finally(() => {
      this.inFlight = undefined;
      if (!this.watching) {
        this.stop();
        return;
      }
      this.cancel = this.scheduler.after(this.intervalMs, () => this.loop());
    });
  }

  /** One cycle: renew or take the lease; poll ECS if held, else read the holder's snapshot. */
  async tick(): Promise<void> {
    const now = this.now();
    try {
      this.isHolder = await acquireLease(this.o.db, { envId: this.o.envId, cluster: this.o.cluster, holder: this.o.holder, now, ttlMs: leaseTtl(this.intervalMs) });
    } catch (err) {
      this.publish({ ...(this.latest ?? { calls: [], holder: "", intervalMs: this.intervalMs }), attemptedAt: now.toISOString(), error: `Database unavailable: ${message(err)}` });
      return;
    }
    if (!this.isHolder) {
      const stored = await readSnapshot(this.o.db, this.o.envId, this.o.cluster).catch(() => undefined);
      if (stored) this.publish(stored);
      return;
    }
    let snapshot: ClusterSnapshot | undefined;
    let error: string | undefined;
    try {
      this.client ??= await this.o.ecs();
      snapshot = await refreshCluster(countedEcs(this.client.ecs, this.counter), this.o.cluster, now);
      this.throttled = 0;
    } catch (err) {
      if (isThrottling(err)) this.throttled++;
      error = `${(err as Error)?.name ?? "Error"}: ${message(err)}`;
    }
    const stored: StoredSnapshot = {
      snapshot: snapshot ?? this.latest?.snapshot, error, attemptedAt: now.toISOString(), intervalMs: 0, calls: this.counter.perMinute(), holder: this.o.holder,
    };
    this.latest = stored;
    stored.intervalMs = this.intervalMs;
    try {
      await writeSnapshot(this.o.db, this.o.envId, this.o.cluster, { ...stored, snapshot });
      if (snapshot) await this.recorder.record(snapshot, now);
      if (now.getTime() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = now.getTime();
        await pruneHistory(this.o.db, now, retentionDays());
      }
    } catch (err) {
      stored.error ??= `Recording failed: ${message(err)}`;
    }
    this.publish(stored);
  }

  private publish(s: StoredSnapshot) {
    this.latest = s;
    for (const l of this.listeners) l(s);
  }

  stop() {
    this.cancel?.();
    this.cancel = undefined;
    this.running = false;
  }

  /** Stops and hands the lease over at once (clean shutdown, tests). */
  async shutdown() {
    this.stop();
    await this.inFlight?.catch(() => undefined);
    if (this.isHolder) await releaseLease(this.o.db, { envId: this.o.envId, cluster: this.o.cluster, holder: this.o.holder });
    this.isHolder = false;
  }
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function isThrottling(err: unknown): boolean {
  const name = (err as { name?: string })?.name ?? "";
  return name === "ThrottlingException" || name === "Throttling" || name === "TooManyRequestsException";
}
