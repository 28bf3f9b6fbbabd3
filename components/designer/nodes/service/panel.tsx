"use client";

import { EcsEnums, familyOf } from "@/lib/domain/design";
import { setServiceCluster } from "@/lib/domain/designer";
import { useEditorStore } from "../../store/context";
import { Group, NumberInput, SelectInput, TextInput, useSetField } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function ServicePanel({ nodeId, r, design }: PanelProps<"service">) {
  const set = useSetField();
  const store = useEditorStore();
  const s = r.service;
  const base = ["services", r.index];
  const cluster = design.clusters.find((c) => c.clusterName === s.cluster);
  const vpc = s.networkConfiguration?.awsvpcConfiguration;
  // Subnets are required by the schema once the block exists, so an emptied block is removed whole.
  const setVpc = (field: "subnets" | "securityGroups", text: string) => {
    const list = text.split(",").map((x) => x.trim()).filter(Boolean);
    const next = { subnets: vpc?.subnets ?? [], ...vpc, [field]: list.length ? list : undefined };
    if (next.securityGroups === undefined) delete next.securityGroups;
    if (!next.subnets) next.subnets = [];
    const empty = next.subnets.length === 0 && !next.securityGroups && !next.assignPublicIp;
    set([...base, "networkConfiguration"], empty ? undefined : { awsvpcConfiguration: next });
  };
  return (
    <div className="space-y-3">
      <Group title="Service">
        <RenameField nodeId={nodeId} label="Name" value={s.serviceName} />
        <NumberInput label="Desired count" value={s.desiredCount} onChange={(v) => set([...base, "desiredCount"], v)} />
        <SelectInput label="Launch type" value={s.launchType} options={EcsEnums.LAUNCH_TYPES} emptyLabel="(capacity provider strategy)" onChange={(v) => set([...base, "launchType"], v)} />
      </Group>
      <Group title="Runs">
        <SelectInput
          label="Cluster" value={cluster?.id} emptyLabel="(none)"
          options={design.clusters.map((c) => ({ value: c.id, label: c.clusterName }))}
          onChange={(v) => store.edit((d) => setServiceCluster(d, nodeId, v))}
        />
        <SelectInput
          label="Task definition" value={familyOf(s.taskDefinition) || undefined} emptyLabel="(none)"
          options={design.taskDefinitions.map((t) => t.family)}
          onChange={(v) => set([...base, "taskDefinition"], v ?? "")}
        />
      </Group>
      <Group title="Network (awsvpc)">
        <TextInput label="Subnets (comma separated)" value={(vpc?.subnets ?? []).join(", ")} mono onChange={(v) => setVpc("subnets", v)} />
        <TextInput label="Security groups (comma separated)" value={(vpc?.securityGroups ?? []).join(", ")} mono onChange={(v) => setVpc("securityGroups", v)} />
        <SelectInput
          label="Public IP" value={vpc?.assignPublicIp} options={EcsEnums.ASSIGN_PUBLIC_IP} emptyLabel="(default: disabled)"
          onChange={(v) => set([...base, "networkConfiguration", "awsvpcConfiguration", "assignPublicIp"], v)}
        />
      </Group>
    </div>
  );
}
