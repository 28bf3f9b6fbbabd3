// Application Auto Scaling facts for ECS services (ServiceNamespace "ecs", ScalableDimension
// "ecs:service:DesiredCount"): quotas, the schedule expression grammar of scheduled actions and
// when they fire, and the arithmetic of target tracking. Pure: every instant is passed in.
//
// Sources:
// - Quotas: https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-quotas.html
//   (50 scaling policies and 200 scheduled actions per scalable target, neither adjustable;
//   20 step adjustments per step scaling policy; 3,000 ECS scalable targets per Region).
// - Schedules: https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html
//   and https://docs.aws.amazon.com/autoscaling/application/userguide/scheduled-scaling-using-cron-expressions.html
//   (at(yyyy-mm-ddThh:mm:ss), rate(value unit) with minute(s)/hour(s)/day(s), cron with six
//   fields [Minutes] [Hours] [Day_of_Month] [Month] [Day_of_Week] [Year]; IANA time zones).
// - Target tracking: https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-target-tracking.html
//   (capacity in proportion to the metric; scale out fast, scale in gradually; cooldowns).

export const ECS_SCALABLE_DIMENSION = "ecs:service:DesiredCount";
export const SCALING_POLICIES_PER_TARGET = 50;
export const SCHEDULED_ACTIONS_PER_TARGET = 200;
export const STEP_ADJUSTMENTS_PER_POLICY = 20;
/** ECS's default cooldown of a target tracking policy when none is given (seconds). */
export const DEFAULT_ECS_COOLDOWN_SECONDS = 300;
/** PutScalingPolicy TargetValue bounds (API reference, TargetTrackingScalingPolicyConfiguration). */
export const TARGET_VALUE_MIN = 8.515920e-109;
export const TARGET_VALUE_MAX = 6.153660e+107;

/** `service/<cluster>/<service>`, the ResourceId of an ECS service. */
export function ecsResourceId(cluster: string, service: string): string {
  return `service/${cluster}/${service}`;
}

/**
 * The ResourceLabel of ALBRequestCountPerTarget from the two ARNs:
 * `app/<lb-name>/<lb-id>/targetgroup/<tg-name>/<tg-id>`.
 */
export function albResourceLabel(loadBalancerArn: string, targetGroupArn: string): string | undefined {
  const lb = /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(loadBalancerArn)?.[1];
  const tg = /:(targetgroup\/[^/]+\/[^/]+)$/.exec(targetGroupArn)?.[1];
  return lb && tg ? `${lb}/${tg}` : undefined;
}
export const RESOURCE_LABEL_PATTERN = /^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/;

// ---- Schedules ----------------------------------------------------------------------------

export type CronField = { values: ReadonlySet<number> | "any" };
export type Schedule =
  | { kind: "at"; local: { y: number; mo: number; d: number; h: number; mi: number; s: number } }
  | { kind: "rate"; seconds: number }
  | { kind: "cron"; minute: CronField; hour: CronField; dayOfMonth: CronField; month: CronField; dayOfWeek: CronField; year: CronField };

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
const RATE_UNITS: Record<string, number> = { minute: 60, minutes: 60, hour: 3600, hours: 3600, day: 86400, days: 86400 };

function cronField(text: string, lo: number, hi: number, names: string[] = [], nameBase = 1): CronField | string {
  if (text === "*" || text === "?") return { values: "any" };
  const num = (t: string): number | undefined => {
    const i = names.indexOf(t.toUpperCase());
    if (i >= 0) return i + nameBase;
    return /^\d+$/.test(t) ? Number(t) : undefined;
  };
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^([^/]+)(?:\/(\d+))?$/.exec(part);
    if (!m) return `"${part}" is not a value, range or step`;
    const step = m[2] === undefined ? 1 : Number(m[2]);
    if (step < 1) return `the step of "${part}" must be at least 1`;
    let from: number | undefined; let to: number | undefined;
    if (m[1] === "*") { from = lo; to = hi; } else if (m[1].includes("-")) {
      const [a, b] = m[1].split("-");
      from = num(a); to = num(b);
    } else { from = num(m[1]); to = m[2] === undefined ? from : hi; }
    if (from === undefined || to === undefined) return `"${part}" is not a value or range between ${lo} and ${hi}`;
    if (from < lo || to > hi || from > to) return `"${part}" is outside ${lo}–${hi}`;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return { values: out };
}

/** Parses a scheduled action's Schedule; a string answer says what is wrong. */
export function parseSchedule(expr: string): Schedule | string {
  const at = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(expr);
  if (at) {
    const [y, mo, d, h, mi, s] = at.slice(1).map(Number);
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return `${expr} is not a valid date and time`;
    return { kind: "at", local: { y, mo, d, h, mi, s } };
  }
  const rate = /^rate\((\d+) ([a-z]+)\)$/.exec(expr);
  if (rate) {
    const n = Number(rate[1]);
    const unit = RATE_UNITS[rate[2]];
    if (!unit) return `the unit of ${expr} must be minute(s), hour(s) or day(s)`;
    if (n < 1) return `the value of ${expr} must be a positive whole number`;
    if ((n === 1) !== !rate[2].endsWith("s")) return `write rate(1 ${rate[2].replace(/s$/, "")}) for one unit and rate(${n} ${rate[2].replace(/s?$/, "s")}) for more`;
    return { kind: "rate", seconds: n * unit };
  }
  const cron = /^cron\((.*)\)$/.exec(expr);
  if (cron) {
    const f = cron[1].trim().split(/\s+/);
    if (f.length !== 6) return `a cron expression has six fields (minutes hours day-of-month month day-of-week year); ${expr} has ${f.length}`;
    if (f[2] !== "?" && f[4] !== "?") return `one of day-of-month and day-of-week must be "?" in ${expr}`;
    const parts = [
      cronField(f[0], 0, 59), cronField(f[1], 0, 23), cronField(f[2], 1, 31),
      cronField(f[3], 1, 12, MONTHS), cronField(f[4], 1, 7, DAYS), cronField(f[5], 1970, 2199),
    ];
    const bad = parts.findIndex((p) => typeof p === "string");
    if (bad >= 0) return `${["minutes", "hours", "day-of-month", "month", "day-of-week", "year"][bad]}: ${parts[bad] as string}`;
    const [minute, hour, dayOfMonth, month, dayOfWeek, year] = parts as CronField[];
    return { kind: "cron", minute, hour, dayOfMonth, month, dayOfWeek, year };
  }
  return `${expr} is not at(yyyy-mm-ddThh:mm:ss), rate(value unit) or cron(fields)`;
}

/** Whether a time zone is one Intl (the IANA database) knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

type Local = { y: number; mo: number; d: number; h: number; mi: number; s: number; dow: number };
const formats = new Map<string, Intl.DateTimeFormat>();
function localTime(ms: number, tz: string): Local {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric", weekday: "short",
    });
    formats.set(tz, f);
  }
  const parts = f.formatToParts(ms);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? "0";
  return { y: +get("year"), mo: +get("month"), d: +get("day"), h: +get("hour"), mi: +get("minute"), s: +get("second"), dow: DAYS.indexOf(get("weekday").toUpperCase()) + 1 };
}

/** The UTC instant of a wall-clock time in a time zone. */
function instantOf(l: Omit<Local, "dow">, tz: string): number {
  const guess = Date.UTC(l.y, l.mo - 1, l.d, l.h, l.mi, l.s);
  const seen = localTime(guess, tz);
  const offset = Date.UTC(seen.y, seen.mo - 1, seen.d, seen.h, seen.mi, seen.s) - guess;
  return guess - offset;
}

const has = (f: CronField, v: number) => f.values === "any" || f.values.has(v);

/**
 * The times a schedule fires in (after, until], in epoch milliseconds, oldest first. `anchor` is
 * when a rate schedule counts from (its StartTime, else its creation). At most `limit` answers.
 */
export function firesBetween(schedule: Schedule, opts: { after: number; until: number; timezone?: string; anchor: number; limit?: number }): number[] {
  const tz = opts.timezone ?? "UTC";
  const limit = opts.limit ?? 10;
  if (schedule.kind === "at") {
    const t = instantOf(schedule.local, tz);
    return t > opts.after && t <= opts.until ? [t] : [];
  }
  if (schedule.kind === "rate") {
    const p = schedule.seconds * 1000;
    const out: number[] = [];
    let k = Math.max(1, Math.floor((opts.after - opts.anchor) / p) + 1);
    for (let t = opts.anchor + k * p; t <= opts.until && out.length < limit; k++, t = opts.anchor + k * p) if (t > opts.after) out.push(t);
    return out;
  }
  const out: number[] = [];
  // Minute by minute (cron's resolution), at most a week of minutes per call.
  const start = Math.floor(opts.after / 60000) * 60000 + 60000;
  const end = Math.min(opts.until, start + 7 * 24 * 3600 * 1000);
  for (let t = start; t <= end && out.length < limit; t += 60000) {
    const l = localTime(t, tz);
    if (has(schedule.minute, l.mi) && has(schedule.hour, l.h) && has(schedule.dayOfMonth, l.d) && has(schedule.month, l.mo) && has(schedule.dayOfWeek, l.dow) && has(schedule.year, l.y)) out.push(t);
  }
  return out;
}

// ---- Target tracking ----------------------------------------------------------------------

export type TargetTrackingInput = {
  /** The desired count now. */
  current: number;
  /** The metric's value now (average CPU %, requests per target, …). */
  metric: number;
  targetValue: number;
  minCapacity: number;
  maxCapacity: number;
  disableScaleIn?: boolean;
  /** Seconds since the last scale-out and scale-in this policy made (undefined: never). */
  sinceScaleOut?: number;
  sinceScaleIn?: number;
  scaleOutCooldown?: number;
  scaleInCooldown?: number;
};
export type TargetTrackingDecision = { desired: number; reason: "scale-out" | "scale-in" | "hold" | "cooldown" | "scale-in-disabled" };

/**
 * What target tracking sets the desired count to, given the metric now: capacity in proportion
 * to metric / target (rounded up when scaling out, so the metric falls to the target or below;
 * rounded up when scaling in as well, so it removes tasks gradually), kept in [min, max]. A
 * scale-out waits out only the scale-out cooldown; a scale-in waits out both.
 */
export function targetTrackingDesired(i: TargetTrackingInput): TargetTrackingDecision {
  const clamp = (n: number) => Math.max(i.minCapacity, Math.min(i.maxCapacity, n));
  const base = Math.max(i.current, 1);
  const wanted = clamp(Math.ceil((base * i.metric) / i.targetValue - 1e-9));
  const outCd = i.scaleOutCooldown ?? DEFAULT_ECS_COOLDOWN_SECONDS;
  const inCd = i.scaleInCooldown ?? DEFAULT_ECS_COOLDOWN_SECONDS;
  if (wanted > i.current) {
    if (i.sinceScaleOut !== undefined && i.sinceScaleOut < outCd) return { desired: i.current, reason: "cooldown" };
    return { desired: wanted, reason: "scale-out" };
  }
  if (wanted < i.current) {
    if (i.disableScaleIn) return { desired: i.current, reason: "scale-in-disabled" };
    if ((i.sinceScaleIn !== undefined && i.sinceScaleIn < inCd) || (i.sinceScaleOut !== undefined && i.sinceScaleOut < outCd)) return { desired: i.current, reason: "cooldown" };
    return { desired: wanted, reason: "scale-in" };
  }
  return { desired: i.current, reason: "hold" };
}
