// ECS calls made by the monitor, per operation and per minute, for the figures page.

import type { CallFigures } from "@/lib/domain/monitor";

export type { CallFigures };

export class CallCounter {
  private readonly buckets = new Map<number, Record<string, number>>();
  private readonly totals: Record<string, number> = {};

  constructor(private readonly now: () => number = Date.now, private readonly keepMinutes = 60) {}

  add(op: string, n = 1) {
    if (n <= 0) return;
    const minute = Math.floor(this.now() / 60_000);
    const b = this.buckets.get(minute) ?? {};
    b[op] = (b[op] ?? 0) + n;
    this.buckets.set(minute, b);
    this.totals[op] = (this.totals[op] ?? 0) + n;
    for (const m of this.buckets.keys()) if (m <= minute - this.keepMinutes) this.buckets.delete(m);
  }

  total(op?: string): number {
    return op ? this.totals[op] ?? 0 : Object.values(this.totals).reduce((a, b) => a + b, 0);
  }

  byOperation(): Record<string, number> {
    return { ...this.totals };
  }

  perMinute(): CallFigures {
    return [...this.buckets.entries()].sort(([a], [b]) => a - b).map(([m, calls]) => ({ minute: new Date(m * 60_000).toISOString(), calls: { ...calls } }));
  }
}
