"use client";

import type { InstanceView } from "@/lib/domain/monitor";
import { useContainerInstances } from "@/lib/query/monitor";

/** EC2 capacity of a cluster; nothing at all for Fargate-only clusters, which have no instances. */
export function ContainerInstances({ envId, cluster }: { envId: string; cluster: string }) {
  const q = useContainerInstances(envId, cluster);
  const v = q.data;
  if (!v || (v.instances.length === 0 && !v.error)) return null;
  return (
    <div className="space-y-2" data-testid="container-instances">
      <h3 className="text-sm font-semibold text-slate-900">Container instances ({v.instances.length})</h3>
      {v.error && <p className="text-sm text-red-700" role="alert">Could not read the instances: {v.error}</p>}
      {v.instances.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr><th className="py-2 pr-3">Instance</th><th className="pr-3">Status</th><th className="pr-3">Type · zone</th><th className="pr-3">CPU used</th><th className="pr-3">Memory used</th><th className="pr-3 text-right">Tasks</th></tr>
            </thead>
            <tbody>{v.instances.map((i) => <InstanceRow key={i.arn} i={i} />)}</tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function InstanceRow({ i }: { i: InstanceView }) {
  return (
    <tr className="border-b border-slate-100 align-top last:border-0" data-testid={`instance-${i.id}`}>
      <td className="py-2 pr-3 font-mono text-xs">{i.ec2InstanceId ?? i.id.slice(0, 12)}</td>
      <td className="py-2 pr-3">
        <span className={i.status === "ACTIVE" ? "text-slate-800" : "font-semibold text-amber-800"}>{i.status}</span>
        {!i.agentConnected && <span className="ml-1 text-xs font-semibold text-red-700">agent disconnected</span>}
      </td>
      <td className="py-2 pr-3 text-slate-700">{[i.instanceType, i.availabilityZone].filter(Boolean).join(" · ") || "—"}</td>
      <td className="py-2 pr-3"><Usage registered={i.cpu.registered} remaining={i.cpu.remaining} unit="units" /></td>
      <td className="py-2 pr-3"><Usage registered={i.memory.registered} remaining={i.memory.remaining} unit="MiB" /></td>
      <td className="py-2 pr-3 text-right tabular-nums">{i.runningTasks}{i.pendingTasks > 0 ? ` (+${i.pendingTasks} pending)` : ""}</td>
    </tr>
  );
}

/** Reserved = registered − remaining, as a bar and in numbers (what placement sees). */
function Usage({ registered, remaining, unit }: { registered: number; remaining: number; unit: string }) {
  const used = Math.max(0, registered - remaining);
  const pct = registered > 0 ? Math.round((used / registered) * 100) : 0;
  return (
    <div className="min-w-40">
      <div className="h-1.5 overflow-hidden rounded bg-slate-200" role="meter" aria-valuemin={0} aria-valuemax={registered} aria-valuenow={used} aria-label={`${used} of ${registered} ${unit} reserved`}>
        <div className={`h-full ${pct >= 90 ? "bg-amber-600" : "bg-brand-600"}`} style={{ width: `${pct}%` }} />
      </div>
      <p className="mt-0.5 text-xs tabular-nums text-slate-600">{used} / {registered} {unit} reserved · {remaining} free</p>
    </div>
  );
}
