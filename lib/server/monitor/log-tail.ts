import { LOG_TAIL_INTERVAL_MS, tailCursor, type LogLine, type TailMode } from "@/lib/domain/monitor";

// Live tails, shared: ONE tail per (environment, group, streams, filter pattern) in this process,
// however many people watch it, feeding one buffer that every viewer reads after its own last line.
// A tail holds one CloudWatch Logs StartLiveTail session (its updates come each second) where it
// can; where the session cannot be opened or drops (permission denied, the concurrent session
// quota, an endpoint without event streams), it polls FilterLogEvents at most once per
// LOG_TAIL_INTERVAL_MS (a read while a poll is running waits for that poll) and tries the session
// again after a backoff. Twenty viewers cost CloudWatch Logs what one does. A tail nobody read for
// IDLE_MS is closed (its session too) and forgotten.

const IDLE_MS = 30_000;
const KEPT = 1000;
/** The wait before opening a session again after the n-th failure in a row: 2 s, 4 s, … up to a minute. */
const backoffMs = (failures: number) => Math.min(60_000, 2000 * 2 ** Math.max(0, failures - 1));

/** One poll: the lines from `startTime` (inclusive) on, as FilterLogEvents returns them. */
export type TailPoll = (startTime: number) => Promise<LogLine[]>;

/**
 * A live session of the tail: `open` once it streams (StartLiveTail's sessionStart), `lines`
 * with each update's lines; settles when the session ends (rejects if it could not be opened or
 * broke), or soon after `signal` aborts it.
 */
export type TailLive = (on: { open(): void; lines(lines: LogLine[]): void }, signal: AbortSignal) => Promise<void>;

/** Where a tail's lines come from: polls, and a live session where there is one. */
export type TailSource = { poll: TailPoll; live?: TailLive };

type Origin = "poll" | "live";
type Tail = {
  lines: LogLine[]; seen: Set<string>; origins: Map<string, Origin>; since: number; polledAt: number; readAt: number; inflight?: Promise<void>;
  session?: AbortController; live: boolean; catchUp: boolean; failures: number; retryAt: number;
  /** Readers waiting for the session's next lines. */
  waiting: Set<() => void>;
};

export { tailCursor };
function afterCursor(l: LogLine, cursor: string | undefined) {
  if (!cursor) return true;
  const at = cursor.indexOf(":");
  const t = Number(cursor.slice(0, at));
  const id = cursor.slice(at + 1);
  return l.timestamp > t || (l.timestamp === t && l.eventId > id);
}

/** A line as both a poll and a session would show it (they name events differently). */
const contentKey = (l: LogLine) => `${l.timestamp}\u0000${l.container}\u0000${l.taskId}\u0000${l.message}`;

export class LogTailHub {
  private tails = new Map<string, Tail>();
  /**
   * `waitMs`: how long a read of a live tail with nothing new waits for the session's next lines
   * (a short long-poll, so a line shows as soon as its update comes rather than a poll later).
   */
  constructor(private now: () => number = Date.now, private intervalMs = LOG_TAIL_INTERVAL_MS, private waitMs = 0.9 * LOG_TAIL_INTERVAL_MS) {}

  /**
   * The tail `key`'s lines after `cursor` (a `tailCursor`): from its live session, or polled
   * through `source.poll` if the last poll is older than the interval. `since` (ms) is where a new
   * tail starts reading.
   */
  async read(key: string, source: TailSource, opts: { cursor?: string; since: number }): Promise<LogLine[]> {
    const now = this.now();
    this.forgetIdle(now);
    let tail = this.tails.get(key);
    if (!tail) {
      tail = { lines: [], seen: new Set(), origins: new Map(), since: opts.since, polledAt: -Infinity, readAt: now, live: false, catchUp: false, failures: 0, retryAt: now, waiting: new Set() };
      this.tails.set(key, tail);
    }
    tail.readAt = now;
    if (source.live && !tail.session && now >= tail.retryAt) this.openSession(key, tail, source.live);
    const due = tail.catchUp || (!tail.live && now - tail.polledAt >= this.intervalMs);
    if (!tail.inflight && due) {
      tail.polledAt = now;
      tail.catchUp = false;
      const t = tail;
      t.inflight = source.poll(t.since).then((lines) => this.add(t, lines, "poll")).finally(() => { t.inflight = undefined; });
    }
    if (tail.inflight) await tail.inflight;
    const found = tail.lines.filter((l) => afterCursor(l, opts.cursor));
    if (found.length > 0 || !tail.live || this.waitMs <= 0) return found;
    const t = tail;
    await new Promise<void>((resolve) => {
      const done = () => { clearTimeout(timer); t.waiting.delete(done); resolve(); };
      const timer = setTimeout(done, this.waitMs);
      t.waiting.add(done);
    });
    return t.lines.filter((l) => afterCursor(l, opts.cursor));
  }

  /** How the tail `key` reads now: "live" (its session streams), "polling", or undefined if nobody tails it. */
  modeOf(key: string): TailMode | undefined {
    const t = this.tails.get(key);
    return t ? (t.live ? "live" : "polling") : undefined;
  }

  /** How many tails are open (for the figures page and tests). */
  get size() { return this.tails.size; }

  /** Closes every tail and its session. */
  close() {
    for (const key of [...this.tails.keys()]) this.forget(key);
  }

  private openSession(key: string, t: Tail, live: TailLive) {
    const session = new AbortController();
    t.session = session;
    let opened = false;
    const on = {
      open: () => {
        if (session.signal.aborted) return;
        opened = true;
        t.live = true;
        t.failures = 0;
        // Lines written between the last poll and the session's start: one poll fetches them.
        t.catchUp = true;
      },
      lines: (lines: LogLine[]) => {
        if (session.signal.aborted) return;
        if (this.now() - t.readAt > IDLE_MS) return this.forget(key);
        this.add(t, lines, "live");
        if (lines.length > 0) for (const wake of [...t.waiting]) wake();
      },
    };
    const ended = () => {
      if (t.session !== session) return;
      t.session = undefined;
      t.live = false;
      for (const wake of [...t.waiting]) wake();
      if (session.signal.aborted) return;
      // Dropped or refused: poll from now on, and try a session again after a while.
      t.failures = opened ? 1 : t.failures + 1;
      t.retryAt = this.now() + backoffMs(t.failures);
      t.polledAt = -Infinity;
    };
    live(on, session.signal).then(ended, ended);
  }

  private add(t: Tail, lines: LogLine[], origin: Origin) {
    for (const l of lines) {
      if (t.seen.has(l.eventId)) continue;
      // The same line from the other origin (a poll catching up while the session streams).
      const key = contentKey(l);
      const other = t.origins.get(key);
      if (other !== undefined && other !== origin) continue;
      t.seen.add(l.eventId);
      t.origins.set(key, origin);
      t.lines.push(l);
      t.since = Math.max(t.since, l.timestamp);
    }
    t.lines.sort((a, b) => a.timestamp - b.timestamp || (a.eventId < b.eventId ? -1 : 1));
    if (t.lines.length > KEPT) {
      for (const gone of t.lines.splice(0, t.lines.length - KEPT)) {
        t.seen.delete(gone.eventId);
        t.origins.delete(contentKey(gone));
      }
    }
  }

  private forget(key: string) {
    const t = this.tails.get(key);
    for (const wake of [...(t?.waiting ?? [])]) wake();
    t?.session?.abort();
    this.tails.delete(key);
  }

  private forgetIdle(now: number) {
    for (const [key, t] of this.tails) if (now - t.readAt > IDLE_MS && !t.inflight) this.forget(key);
  }
}

const g = globalThis as typeof globalThis & { __stevedoreLogTails?: LogTailHub };
/** The process's tails (on globalThis, so Next's module instances and dev reloads share them). */
export const appLogTails = () => (g.__stevedoreLogTails ??= new LogTailHub());
