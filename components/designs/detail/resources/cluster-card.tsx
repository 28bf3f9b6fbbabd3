import type { Cluster } from "@/lib/domain/design";
import type { Severity } from "@/lib/domain/rules/types";
import { Facts, ResourceCard, Tag } from "./resource-card";
import { strategyText } from "@/lib/domain/designer/strategy-text";

export function ClusterCard({ cluster: c, problems }: { cluster: Cluster; problems: Record<Severity, number> }) {
  const instances = c.instances ?? [];
  return (
    <ResourceCard testId="cluster-card" kind="Cluster" title={c.clusterName} problems={problems}>
      <Facts
        items={[
          ["Capacity providers", c.capacityProviders?.length ? <span className="flex flex-wrap gap-1">{c.capacityProviders.map((p) => <Tag key={p}>{p}</Tag>)}</span> : undefined],
          ["Default strategy", c.defaultCapacityProviderStrategy?.length ? strategyText(c.defaultCapacityProviderStrategy) : undefined],
          ["Instances", instances.length === 0 ? "None designed" : `${instances.length}`],
        ]}
      />
      {instances.length > 0 && (
        <table className="mt-3 w-full text-left text-sm">
          <caption className="sr-only">Designed instances of {c.clusterName}</caption>
          <thead className="text-xs text-slate-600">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">Instance</th>
              <th scope="col" className="py-1 pr-3 font-medium">CPU units</th>
              <th scope="col" className="py-1 pr-3 font-medium">Memory MiB</th>
              <th scope="col" className="py-1 font-medium">Zone</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {instances.map((i) => (
              <tr key={i.id}>
                <td className="py-1 pr-3 font-mono text-xs">{i.instanceType ?? i.id}</td>
                <td className="py-1 pr-3 tabular-nums">{i.cpu}</td>
                <td className="py-1 pr-3 tabular-nums">{i.memory}</td>
                <td className="py-1 text-slate-700">{i.availabilityZone ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ResourceCard>
  );
}
