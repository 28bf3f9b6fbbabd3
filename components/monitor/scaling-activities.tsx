"use client";

import { Alert } from "@/components/ui/alert";
import { useScalingActivities } from "@/lib/query/monitor";

/** Why the desired count changed: the service's Application Auto Scaling range and its activities, newest first. */
export function ScalingActivities({ envId, cluster, service }: { envId: string; cluster: string; service: string }) {
  const q = useScalingActivities(envId, cluster, service);
  const v = q.data;
  if (q.error) return <Alert tone="error" title="Could not read auto scaling">{q.error.message}</Alert>;
  if (!v) return <p className="text-sm text-slate-600">Reading Application Auto Scaling…</p>;
  if (v.error) return <Alert tone="error" title="Application Auto Scaling answered with an error">{v.error}</Alert>;
  if (!v.scaled) return <p className="text-sm text-slate-600" data-testid="scaling-none">This service is not scaled by Application Auto Scaling: its desired count changes only when someone sets it.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700" data-testid="scaling-range">
        Application Auto Scaling keeps the desired count between <span className="font-semibold tabular-nums">{v.minCapacity}</span> and <span className="font-semibold tabular-nums">{v.maxCapacity}</span> tasks.
      </p>
      {v.activities.length === 0 && <p className="text-sm text-slate-600">No scaling activity yet.</p>}
      <ol className="space-y-1.5">
        {v.activities.map((a) => (
          <li key={a.id} className={`border-l-4 pl-3 text-sm ${a.status === "Successful" ? "border-emerald-500" : a.status === "Failed" ? "border-red-500" : "border-slate-300"}`} data-testid="scaling-activity-row">
            {a.at && <time className="mr-2 tabular-nums text-slate-500" dateTime={a.at}>{a.at.slice(0, 19).replace("T", " ")}</time>}
            <span className="font-medium text-slate-900">{a.description}</span>
            <span className="text-slate-700"> — {a.cause}</span>
            {a.status !== "Successful" && <span className="ml-2 text-xs uppercase text-slate-500">{a.status}</span>}
          </li>
        ))}
      </ol>
    </div>
  );
}
