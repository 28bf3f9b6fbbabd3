import type { SandboxSnapshot, ScalingActivityLike } from "../types";

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
