import { peek } from "./draft";
import { findSeries, periodPoints, statisticOf } from "./metric-store";
import { nextSeq } from "./ids";
import { own, setOwn } from "./maps";
import type { AlarmState, MetricAlarm, World } from "./types";

// CloudWatch metric alarms: kept here because three writers share them (CloudWatch's
// PutMetricAlarm, Application Auto Scaling's target tracking policies, which create their own)
// and the simulation evaluates them every minute (ecs/engine.ts), after the minute's metrics.
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
//
// Evaluation, at the end of each simulated minute: the last EvaluationPeriods complete periods
// of the alarm's statistic; ALARM when at least DatapointsToAlarm (default: all) of them breach.
// Missing periods count as TreatMissingData says: `breaching`, `notBreaching`, `ignore` (skipped;
// with none present the state stays), `missing` (the default: skipped; with none present the
// alarm is INSUFFICIENT_DATA). CloudWatch looks back further than the evaluation range for
// `missing`/`ignore` when some periods lack data; the sandbox does not. The state reason is
// written as CloudWatch writes it ("Threshold Crossed: 3 datapoints [75.0 (07/12/26 23:10:00), …]
// were greater than the threshold (70.0).").

const WORDS: Record<MetricAlarm["comparisonOperator"], string> = {
  GreaterThanThreshold: "greater than",
  GreaterThanOrEqualToThreshold: "greater than or equal to",
  LessThanThreshold: "less than",
  LessThanOrEqualToThreshold: "less than or equal to",
};

export const alarmArn = (world: World, name: string) => `arn:aws:cloudwatch:${world.region}:${world.account}:alarm:${name}`;

export function findAlarm(world: World, name: string): MetricAlarm | undefined {
  return own(peek(world).alarms, name);
}

/** What an alarm is, as PutMetricAlarm sets it (its state is kept across an update). */
export type AlarmDefinition = Omit<MetricAlarm, "arn" | "state" | "stateReason" | "stateReasonData" | "stateUpdatedAt" | "stateTransitionedAt" | "configurationUpdatedAt" | "seq" | "tags"> & { tags?: MetricAlarm["tags"] };

/** Creates or updates an alarm; a new one starts INSUFFICIENT_DATA ("Unchecked: Initial alarm creation"). */
export function putAlarm(world: World, def: AlarmDefinition, now: number): MetricAlarm {
  const had = own(world.alarms, def.name);
  const alarm: MetricAlarm = had
    ? { ...had, ...def, tags: def.tags ?? had.tags, configurationUpdatedAt: now }
    : {
      ...def, arn: alarmArn(world, def.name), tags: def.tags ?? [], state: "INSUFFICIENT_DATA", stateReason: "Unchecked: Initial alarm creation",
      stateUpdatedAt: now, stateTransitionedAt: now, configurationUpdatedAt: now, seq: nextSeq(world),
    };
  setOwn(world.alarms, def.name, alarm);
  return alarm;
}

/** Deletes the alarms a scaling policy made (by name), but those in `keep`. */
export function dropAlarms(world: World, made: { AlarmName: string }[], keep: { AlarmName: string }[] = []) {
  for (const a of made) if (!keep.some((k) => k.AlarmName === a.AlarmName) && own(peek(world).alarms, a.AlarmName)) delete world.alarms[a.AlarmName];
}

/** One decimal at least, as CloudWatch writes numbers in reasons (70 → "70.0"). */
export const reasonNumber = (v: number) => (Number.isInteger(v) ? v.toFixed(1) : String(v));

const two = (n: number) => String(n).padStart(2, "0");
/** dd/MM/yy HH:mm:ss in UTC, the datapoint times of a state reason. */
function reasonTime(ms: number) {
  const d = new Date(ms);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}
const isoTime = (ms: number) => new Date(ms).toISOString().replace("Z", "+0000");

const breaches = (a: MetricAlarm, v: number) => {
  switch (a.comparisonOperator) {
    case "GreaterThanThreshold": return v > a.threshold;
    case "GreaterThanOrEqualToThreshold": return v >= a.threshold;
    case "LessThanThreshold": return v < a.threshold;
    case "LessThanOrEqualToThreshold": return v <= a.threshold;
  }
};

/** The alarm's statistic per evaluation period ending at the last complete period before `now`, newest first (undefined: no data). */
export function alarmDatapoints(world: World, a: MetricAlarm, now: number): { t: number; v: number | undefined }[] {
  const p = a.period * 1000;
  const end = Math.floor(now / p) * p;
  const series = findSeries(world, a.namespace, a.metricName, a.dimensions);
  const unitMatches = a.unit === undefined || !series || (series.unit ?? "None") === a.unit;
  const buckets = unitMatches ? periodPoints(series, end - a.evaluationPeriods * p, end, a.period) : [];
  const out: { t: number; v: number | undefined }[] = [];
  for (let k = 1; k <= a.evaluationPeriods; k++) {
    const t = end - k * p;
    const b = buckets.find((x) => x.t === t);
    out.push({ t, v: b ? statisticOf(b.points, a.statistic ?? "Average") : undefined });
  }
  return out;
}

type Verdict = { state: AlarmState; reason: string; data: string };

function verdict(a: MetricAlarm, points: { t: number; v: number | undefined }[], now: number): Verdict | undefined {
  const n = a.evaluationPeriods;
  const m = a.datapointsToAlarm ?? n;
  const treat = a.treatMissingData ?? "missing";
  const present = points.filter((p): p is { t: number; v: number } => p.v !== undefined);
  const missing = n - present.length;
  const data = JSON.stringify({
    version: "1.0", queryDate: isoTime(now), startDate: isoTime(points[points.length - 1]?.t ?? now), statistic: a.statistic ?? "Average", period: a.period,
    recentDatapoints: [...present].reverse().map((p) => p.v), threshold: a.threshold,
  });
  const listed = (ps: { t: number; v: number }[]) => `[${ps.map((p) => `${reasonNumber(p.v)} (${reasonTime(p.t)})`).join(", ")}]`;
  const word = WORDS[a.comparisonOperator];
  const threshold = reasonNumber(a.threshold);
  if (!present.length && (treat === "missing" || treat === "ignore")) {
    if (treat === "ignore") return undefined;
    return { state: "INSUFFICIENT_DATA", reason: `Insufficient Data: ${n} datapoint${n === 1 ? " was" : "s were"} unknown.`, data };
  }
  const breaching = present.filter((p) => breaches(a, p.v));
  const count = breaching.length + (treat === "breaching" ? missing : 0);
  if (count >= m) {
    const shown = breaching.length ? breaching : present;
    const s = shown.length === 1 ? "" : "s";
    const verb = shown.length === 1 ? "was" : "were";
    const head = m === n && shown.length === n ? `${n} datapoint${s}` : `${shown.length} out of the last ${n} datapoints`;
    const tail = m === n ? "." : ` (minimum ${m} datapoint${m === 1 ? "" : "s"} for OK -> ALARM transition).`;
    const missingNote = treat === "breaching" && missing ? ` and ${missing} missing datapoint${missing === 1 ? " was" : "s were"} treated as [Breaching]` : "";
    return { state: "ALARM", reason: `Threshold Crossed: ${head} ${listed(shown)} ${verb} ${word} the threshold (${threshold})${missingNote}${tail}`, data };
  }
  if (!present.length) {
    return { state: "OK", reason: `Threshold Crossed: no datapoints were received for ${n} period${n === 1 ? "" : "s"} and ${n} missing datapoint${n === 1 ? " was" : "s were"} treated as [NonBreaching].`, data };
  }
  const latest = present.slice(0, 1);
  return { state: "OK", reason: `Threshold Crossed: 1 datapoint ${listed(latest)} was not ${word} the threshold (${threshold}).`, data };
}

/**
 * Evaluates every alarm at `now` (the end of a simulated minute), moving those whose state
 * changes, and answers the alarms now in ALARM with their actions enabled: CloudWatch invokes
 * Auto Scaling actions once a minute for as long as the alarm stays in ALARM.
 */
export function evaluateAlarms(world: World, now: number): MetricAlarm[] {
  const firing: MetricAlarm[] = [];
  for (const seen of Object.values(peek(world).alarms).sort((x, y) => x.seq - y.seq)) {
    const v = verdict(seen, alarmDatapoints(world, seen, now), now);
    let a = seen;
    if (v && v.state !== seen.state) {
      a = world.alarms[seen.name];
      Object.assign(a, { state: v.state, stateReason: v.reason, stateReasonData: v.data, stateUpdatedAt: now, stateTransitionedAt: now });
    }
    if (a.state === "ALARM" && a.actionsEnabled && a.alarmActions.length) firing.push(a);
  }
  return firing;
}
