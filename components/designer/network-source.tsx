"use client";

import { createContext, useContext, useId, useState, type ReactNode } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { listEnvironmentsForClient, readEnvironmentNetworkAction } from "@/lib/actions/environments";
import { SANDBOX_ENVIRONMENT_ID, type EnvironmentView } from "@/lib/actions/environment-types";
import type { ActionResult } from "@/lib/actions/result";
import { listenerRuleSuggestions, type EnvironmentNetwork, type NetworkSuggestion as Suggest } from "@/lib/domain/designer";

// Where the inspector's pickers and the "use the default VPC" fix read subnets, security groups
// and target groups from: one environment at a time (the sandbox unless the person picks
// another), read through the server (EC2 and ELBv2) only when a picker or a fix asks for it.

type NetworkSource = { environmentId: string; setEnvironmentId: (id: string) => void };
const NetworkSourceContext = createContext<NetworkSource>({ environmentId: SANDBOX_ENVIRONMENT_ID, setEnvironmentId: () => {} });

export function NetworkSourceProvider({ children, initial = SANDBOX_ENVIRONMENT_ID }: { children: ReactNode; initial?: string }) {
  const [environmentId, setEnvironmentId] = useState(initial);
  return <NetworkSourceContext.Provider value={{ environmentId, setEnvironmentId }}>{children}</NetworkSourceContext.Provider>;
}

async function unwrap<T>(result: Promise<ActionResult<T>>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

const networkQuery = (environmentId: string) => ({
  queryKey: ["environment-network", environmentId],
  queryFn: () => unwrap(readEnvironmentNetworkAction({ environmentId })),
  staleTime: 60_000,
  retry: false,
});

/** The chosen environment's network; read only while a caller is mounted. */
export function useEnvironmentNetwork() {
  const { environmentId } = useContext(NetworkSourceContext);
  return useQuery(networkQuery(environmentId));
}

/** Reads (or takes from the cache) the chosen environment's network, for a one-click fix. */
export function useFetchNetwork(): () => Promise<EnvironmentNetwork> {
  const { environmentId } = useContext(NetworkSourceContext);
  const client = useQueryClient();
  return () => client.fetchQuery(networkQuery(environmentId));
}

/** The inspector's choice of environment to offer subnets, security groups and target groups from (the built-in sandbox first). */
export function NetworkSourceSelect() {
  const id = useId();
  const { environmentId, setEnvironmentId } = useContext(NetworkSourceContext);
  const environments = useQuery({ queryKey: ["environments"], queryFn: () => unwrap(listEnvironmentsForClient()), staleTime: 60_000 });
  const list: EnvironmentView[] = environments.data ?? [];
  return (
    <div className="flex items-center gap-2 rounded-md bg-slate-50 px-2 py-1.5 text-xs text-slate-700">
      <label htmlFor={id} className="shrink-0" title="The Subnets, Security groups, Target group, listener rule, role, namespace and Auto Scaling group fields suggest what this environment has">Suggestions from</label>
      <select
        id={id} value={environmentId} onChange={(e) => setEnvironmentId(e.target.value)}
        className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-1 py-0.5 text-xs text-slate-800"
      >
        {list.length === 0 && <option value={SANDBOX_ENVIRONMENT_ID}>Sandbox</option>}
        {list.map((e) => <option key={e.id} value={e.id}>{e.name} ({e.region})</option>)}
      </select>
    </div>
  );
}

/** What a picker offers for `kind`: value and a label that says what it is. */
export function suggestionsOf(network: EnvironmentNetwork | undefined, kind: Suggest): { value: string; label: string }[] {
  if (!network) return [];
  const vpc = (vpcId?: string) => (network.vpcs.find((v) => v.id === vpcId)?.isDefault ? "default VPC" : vpcId ?? "");
  switch (kind) {
    case "subnet": return network.subnets.map((s) => ({ value: s.id, label: `${s.zone} · ${s.cidr} · ${vpc(s.vpcId)}` }));
    case "securityGroup": return network.securityGroups.map((g) => ({ value: g.id, label: `${g.name} · ${vpc(g.vpcId)}` }));
    case "targetGroup": return network.targetGroups.map((t) => ({ value: t.arn, label: `${t.name} · ${t.targetType}${t.protocol ? ` · ${t.protocol}:${t.port}` : ""}` }));
    case "role": return network.roles.map((r) => ({ value: r.arn, label: `${r.name}${r.trustedServices.length ? ` · trusts ${r.trustedServices.join(", ")}` : ""}` }));
    case "loadBalancer": return network.loadBalancers.map((l) => ({ value: l.arn, label: `${l.name} · ${l.type}${l.scheme ? ` · ${l.scheme}` : ""}` }));
    // By name: ECS takes a namespace's name or ARN, and a name reads better in the design.
    case "namespace": return (network.namespaces ?? []).map((n) => ({ value: n.name, label: `${n.name} · ${n.type}` }));
    case "listenerRule": return listenerRuleSuggestions(network);
    case "autoScalingGroup": return (network.autoScalingGroups ?? []).map((g) => ({ value: g.arn, label: `${g.name} · ${g.minSize}–${g.maxSize} instances, ${g.desiredCapacity} desired` }));
  }
}

/**
 * A datalist for a free-text input (`list={id}`): the design's own `extra` choices (its target
 * groups, its listener rules) first, then the chosen environment's `kind`. Suggestions, never a constraint.
 */
export function NetworkDatalist({ id, kind, extra }: { id: string; kind?: Suggest; extra?: { value: string; label: string }[] }) {
  return (
    <datalist id={id} data-testid={`suggest-${kind ?? "design"}`}>
      {(extra ?? []).map((o) => <option key={`d-${o.value}`} value={o.value} label={o.label} />)}
      {kind && <EnvironmentOptions kind={kind} />}
    </datalist>
  );
}

function EnvironmentOptions({ kind }: { kind: Suggest }) {
  const network = useEnvironmentNetwork();
  return <>{suggestionsOf(network.data, kind).map((o) => <option key={o.value} value={o.value} label={o.label} />)}</>;
}
