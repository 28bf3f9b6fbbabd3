import type { EcsOperation } from "./ecs-port";

// ECS throttles per account and Region with token buckets (APIReference/request-throttling.html).
// Retries alone would let a large apply hit ThrottlingException over and over, and starve the
// console and other clients sharing the bucket; pacing at the sustained rate avoids that.

export type Bucket = { burst: number; perSecond: number };

/** Burst / sustained per second, by API group. */
export const ECS_RATE_LIMITS: Partial<Record<EcsOperation, Bucket>> = {
  RegisterTaskDefinition: { burst: 20, perSecond: 1 },
  CreateCluster: { burst: 20, perSecond: 1 },
  CreateService: { burst: 50, perSecond: 5 },
  UpdateService: { burst: 50, perSecond: 5 },
  DeleteService: { burst: 50, perSecond: 5 },
  DescribeServices: { burst: 100, perSecond: 20 },
  ListServices: { burst: 100, perSecond: 20 },
  DescribeTasks: { burst: 100, perSecond: 20 },
  DescribeClusters: { burst: 50, perSecond: 20 },
  ListClusters: { burst: 50, perSecond: 20 },
  DescribeTaskDefinition: { burst: 50, perSecond: 20 },
  ListTaskDefinitionFamilies: { burst: 50, perSecond: 20 },
  ListTaskDefinitions: { burst: 50, perSecond: 20 },
};

/** Operations that share one bucket in ECS share one here. */
const GROUP: Partial<Record<EcsOperation, EcsOperation>> = {
  UpdateService: "CreateService", DeleteService: "CreateService", ListServices: "DescribeServices",
  ListClusters: "DescribeClusters",
};

export type PacerClock = { now(): number; sleep(ms: number): Promise<void> };
export const realPacerClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export interface Pacer {
  /** Waits until a call of `op` fits its bucket, then takes the token. */
  take(op: EcsOperation): Promise<void>;
}

export function createPacer(opts: { clock?: PacerClock; limits?: Partial<Record<EcsOperation, Bucket>> } = {}): Pacer {
  const clock = opts.clock ?? realPacerClock;
  const limits = opts.limits ?? ECS_RATE_LIMITS;
  const state = new Map<string, { tokens: number; at: number }>();
  return {
    async take(op) {
      const key = GROUP[op] ?? op;
      const limit = limits[key];
      if (!limit) return;
      for (;;) {
        const now = clock.now();
        const s = state.get(key) ?? { tokens: limit.burst, at: now };
        s.tokens = Math.min(limit.burst, s.tokens + ((now - s.at) / 1000) * limit.perSecond);
        s.at = now;
        state.set(key, s);
        if (s.tokens >= 1) {
          s.tokens -= 1;
          return;
        }
        await clock.sleep(Math.ceil(((1 - s.tokens) / limit.perSecond) * 1000));
      }
    },
  };
}

/** For tests and the sandbox, which never throttles. */
export const noPacer: Pacer = { take: async () => {} };
