import { activeService, NOT_APPLIED, notYet } from "../helpers";
import type { CheckResult, SandboxSnapshot, ScalingActivityLike } from "../types";

/**
 * Which way an activity scaled: a target-tracking activity's cause names its alarm
 * (TargetTracking-<resource>-AlarmHigh-… scales out, …-AlarmLow-… in); else its description's
 * new count ("Setting desired count to 4.") against the minimum.
 */
function directionOf(a: ScalingActivityLike, min: number): "out" | "in" | undefined {
  if (/-AlarmHigh-/.test(a.Cause ?? "")) return "out";
  if (/-AlarmLow-/.test(a.Cause ?? "")) return "in";
  const to = /desired count to (\d+)/i.exec(a.Description ?? "")?.[1];
  return to === undefined ? undefined : Number(to) > min ? "out" : "in";
}

/** The successful scaling activities of one service in one direction (the scaling lessons' checks read these). */
export function scalingActivitiesOf(cluster: string, service: string, min: number) {
  const resourceId = `service/${cluster}/${service}`;
  return (snapshot: SandboxSnapshot, direction: "out" | "in") =>
    (snapshot.scalingActivities ?? []).filter((a) => a.ResourceId === resourceId && a.StatusCode === "Successful" && directionOf(a, min) === direction);
}

type Activities = ReturnType<typeof scalingActivitiesOf>;

/**
 * The scale-in half of a scaling lesson's last sandbox check: the service scaled out before, and a
 * scale-in activity brought its desired count back to `min`. A hint while not; undefined once so.
 */
export function notBackIn(snapshot: SandboxSnapshot, activities: Activities, min: number): CheckResult | undefined {
  const svc = activeService(snapshot);
  if (!svc) return notYet(NOT_APPLIED);
  if (!activities(snapshot, "out").length) return notYet("The service has not scaled out yet: do the previous step first.");
  const desired = svc.desiredCount ?? 0;
  if (desired > min || !activities(snapshot, "in").length) {
    return notYet(`The desired count is ${desired}. Scale-in waits for 15 one-minute datapoints below the low alarm's threshold, then the scale-in cooldown: fast-forward more.`);
  }
  return undefined;
}
