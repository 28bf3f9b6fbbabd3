"use client";

import { Group, NumberInput, SmallButton, TextInput, useSetField } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function ClusterPanel({ nodeId, r }: PanelProps<"cluster">) {
  const set = useSetField();
  const c = r.cluster;
  const base = ["clusters", r.index];
  const instances = c.instances ?? [];
  return (
    <div className="space-y-3">
      <Group title="Cluster">
        <RenameField nodeId={nodeId} label="Name" value={c.clusterName} />
        <TextInput
          label="Capacity providers (comma separated)" value={(c.capacityProviders ?? []).join(", ")}
          onChange={(v) => {
            const list = v.split(",").map((x) => x.trim()).filter(Boolean);
            set([...base, "capacityProviders"], list.length ? list : undefined);
          }}
        />
      </Group>
      <Group title="EC2 instances">
        {instances.map((inst, i) => (
          <div key={inst.id} className="grid grid-cols-[1fr_1fr_1fr_auto] items-end gap-1.5">
            <TextInput label={`Instance ${i + 1} type`} value={inst.instanceType} onChange={(v) => set([...base, "instances", i, "instanceType"], v || undefined)} />
            <NumberInput label="CPU units" value={inst.cpu} onChange={(v) => set([...base, "instances", i, "cpu"], v ?? 0)} />
            <NumberInput label="Memory (MiB)" value={inst.memory} onChange={(v) => set([...base, "instances", i, "memory"], v ?? 0)} />
            <SmallButton tone="danger" label={`Remove instance ${i + 1}`} onClick={() => {
              const next = instances.filter((_, j) => j !== i);
              set([...base, "instances"], next.length ? next : undefined);
            }}>✕</SmallButton>
          </div>
        ))}
        <SmallButton onClick={() => set([...base, "instances"], [...instances, { id: `${c.id}-i${instances.length + 1}-${Date.now().toString(36)}`, instanceType: "t3.medium", cpu: 2048, memory: 3904 }])}>
          + Add instance
        </SmallButton>
      </Group>
    </div>
  );
}
