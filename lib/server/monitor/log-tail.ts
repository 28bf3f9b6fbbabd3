import { LOG_TAIL_INTERVAL_MS, tailCursor, type LogLine } from "@/lib/domain/monitor";

// Live tails, shared: ONE poller per (environment, group, streams, filter pattern) in this
// process, however many people watch it. A viewer's read returns the lines the shared poller has
// seen after the viewer's last line; the poller calls FilterLogEvents at most once per
// LOG_TAIL_INTERVAL_MS (a read while a poll is running waits for that poll), so twenty viewers
// cost CloudWatch Logs what one does. A tail nobody read for IDLE_MS is forgotten.
// (StartLiveTail is an HTTP/2 event stream a Next route handler cannot hold open per viewer; see
// lib/sandbox/README.md "CloudWatch Logs".)

const IDLE_MS = 30_000;
const KEPT = 1000;

/** One poll: the lines from `startTime` (inclusive) on, as FilterLogEvents returns them. */
export type TailPoll = (startTime: number) => Promise<LogLine[]>;

type Tail = { lines: LogLine[]; seen: Set<string>; since: number; polledAt: number; readAt: number; inflight?: Promise<void> };

export { tailCursor };
function afterCursor(l: LogLine, cursor: string | undefined) {
  if (!cursor) return true;
  const at = cursor.indexOf(":");
  const t = Number(cursor.slice(0, at));
  const id = cursor.slice(at + 1);
  return l.timestamp > t || (l.timestamp === t && l.eventId > id);
}

export class LogTailHub {
  private tails = new Map<string, Tail>();
  constructor(private now: () => number = Date.now, private intervalMs = LOG_TAIL_INTERVAL_MS) {}

  /**
   * The tail `key`'s lines after `cursor` (a `tailCursor`), polling through `poll` if the last poll
   * is older than the interval. `since` (ms) is where a new tail starts reading.
   */
  async read(key: string, poll: TailPoll, opts: { cursor?: string; since: number }): Promise<LogLine[]> {
    const now = this.now();
    this.forgetIdle(now);
    let tail = this.tails.get(key);
    if (!tail) this.tails.set(key, (tail = { lines: [], seen: new Set(), since: opts.since, polledAt: -Infinity, readAt: now }));
    tail.readAt = now;
    if (!tail.inflight && now - tail.polledAt >= this.intervalMs) {
      tail.polledAt = now;
      const t = tail;
      t.inflight = poll(t.since).then((lines) => {
        for (const l of lines) {
          if (t.seen.has(l.eventId)) continue;
          t.seen.add(l.eventId);
          t.lines.push(l);
          t.since = Math.max(t.since, l.timestamp);
        }
        t.lines.sort((a, b) => a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : 1));
        if (t.lines.length > KEPT) {
          for (const gone of t.lines.splice(0, t.lines.length - KEPT)) t.seen.delete(gone.eventId);
        }
      }).finally(() => { t.inflight = undefined; });
    }
    if (tail.inflight) await tail.inflight;
    return tail.lines.filter((l) => afterCursor(l, opts.cursor));
  }

  /** How many tails are being polled (for the figures page and tests). */
  get size() { return this.tails.size; }

  private forgetIdle(now: number) {
    for (const [key, t] of this.tails) if (now - t.readAt > IDLE_MS && !t.inflight) this.tails.delete(key);
  }
}

const g = globalThis as typeof globalThis & { __stevedoreLogTails?: LogTailHub };
/** The process's tails (on globalThis, so Next's module instances and dev reloads share them). */
export const appLogTails = () => (g.__stevedoreLogTails ??= new LogTailHub());
