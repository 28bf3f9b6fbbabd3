import type { Bucket } from "../domain/aws-limits";

// AWS throttles per account and Region with token buckets. Retries alone would let a large
// apply hit ThrottlingException over and over, and starve the console and other clients sharing
// the bucket; pacing at the sustained rate avoids that. One pacer per account and Region, shared
// by every caller of the process (see lib/server/aws-ports.ts).

export type PacerClock = { now(): number; sleep(ms: number): Promise<void> };
export const realPacerClock: PacerClock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export interface Pacer {
  /** Waits until a call fits the named bucket, then takes its token; an unknown bucket is not paced. */
  take(bucket: string | undefined): Promise<void>;
}

export function createPacer(buckets: Record<string, Bucket>, clock: PacerClock = realPacerClock): Pacer {
  const state = new Map<string, { tokens: number; at: number }>();
  return {
    async take(name) {
      const limit = name === undefined ? undefined : buckets[name];
      if (!name || !limit) return;
      for (;;) {
        const now = clock.now();
        const s = state.get(name) ?? { tokens: limit.burst, at: now };
        s.tokens = Math.min(limit.burst, s.tokens + ((now - s.at) / 1000) * limit.perSecond);
        s.at = now;
        state.set(name, s);
        if (s.tokens >= 1) {
          s.tokens -= 1;
          return;
        }
        await clock.sleep(Math.ceil(((1 - s.tokens) / limit.perSecond) * 1000));
      }
    },
  };
}

/** The sandbox never throttles, and test doubles need no pacing. */
export const noPacer: Pacer = { take: async () => {} };
