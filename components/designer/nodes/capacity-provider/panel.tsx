"use client";

import { FIELD_GROUPS } from "@/lib/domain/designer";
import { FieldForm } from "../../inspector/field-form";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function CapacityProviderPanel({ nodeId, r, design }: PanelProps<"capacityProvider">) {
  const cp = r.capacityProvider;
  const clusters = design.clusters.filter((c) => (c.capacityProviders ?? []).includes(cp.name) || cp.managedInstancesProvider?.cluster === c.clusterName);
  const services = design.services.filter((s) => (s.capacityProviderStrategy ?? []).some((i) => i.capacityProvider === cp.name));
  return (
    <FieldForm groups={FIELD_GROUPS.capacityProvider!} base={["capacityProviders", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Name" value={cp.name} />
      <p className="text-xs text-slate-600" data-testid="capacity-provider-users">
        {clusters.length ? `Clusters: ${clusters.map((c) => c.clusterName).join(", ")}.` : "No cluster uses it yet: connect a cluster to it."}
        {" "}{services.length ? `Strategies of ${services.map((s) => s.serviceName).join(", ")} name it.` : "No service's strategy names it."}
      </p>
    </FieldForm>
  );
}
