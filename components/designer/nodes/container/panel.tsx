"use client";

import { moveContainer, type ContainerCondition } from "@/lib/domain/designer";
import { EcsEnums } from "@/lib/domain/design";
import { useEditorStore } from "../../store/context";
import { CheckboxInput, Group, NumberInput, SelectInput, SmallButton, TextInput, useSetField } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function ContainerPanel({ nodeId, r, design }: PanelProps<"container">) {
  const set = useSetField();
  const store = useEditorStore();
  const c = r.container;
  const base = ["taskDefinitions", r.tdIndex, "containerDefinitions", r.index];
  const ports = c.portMappings ?? [];
  const env = c.environment ?? [];
  const deps = c.dependsOn ?? [];
  return (
    <div className="space-y-3">
      <Group title="Container">
        <RenameField nodeId={nodeId} label="Name" value={c.name} />
        <TextInput label="Image" value={c.image} mono onChange={(v) => set([...base, "image"], v)} />
        <CheckboxInput label="Essential (the task stops when it stops)" checked={c.essential ?? true} onChange={(v) => set([...base, "essential"], v)} />
      </Group>
      <Group title="Resources">
        <div className="grid grid-cols-3 gap-2">
          <NumberInput label="CPU units" value={c.cpu} onChange={(v) => set([...base, "cpu"], v)} />
          <NumberInput label="Memory (MiB)" value={c.memory} onChange={(v) => set([...base, "memory"], v)} />
          <NumberInput label="Reservation" value={c.memoryReservation} onChange={(v) => set([...base, "memoryReservation"], v)} />
        </div>
      </Group>
      <Group title="Port mappings">
        {ports.map((p, i) => (
          <div key={i} className="grid grid-cols-[1fr_1fr_5rem_auto] items-end gap-1.5">
            <NumberInput label={`Container port ${i + 1}`} value={p.containerPort} onChange={(v) => set([...base, "portMappings", i, "containerPort"], v)} />
            <NumberInput label="Host port" value={p.hostPort} onChange={(v) => set([...base, "portMappings", i, "hostPort"], v)} />
            <SelectInput label="Protocol" value={p.protocol ?? "tcp"} options={EcsEnums.TRANSPORT_PROTOCOLS} onChange={(v) => set([...base, "portMappings", i, "protocol"], v)} />
            <SmallButton tone="danger" label={`Remove port mapping ${i + 1}`} onClick={() => set([...base, "portMappings"], dropAt(ports, i))}>✕</SmallButton>
          </div>
        ))}
        <SmallButton onClick={() => set([...base, "portMappings"], [...ports, { containerPort: nextPort(ports), protocol: "tcp" }])}>+ Add port</SmallButton>
      </Group>
      <Group title="Environment">
        {env.map((e, i) => (
          <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-end gap-1.5">
            <TextInput label={`Variable ${i + 1} name`} value={e.name} mono onChange={(v) => set([...base, "environment", i, "name"], v)} />
            <TextInput label="Value" value={e.value} mono onChange={(v) => set([...base, "environment", i, "value"], v)} />
            <SmallButton tone="danger" label={`Remove variable ${i + 1}`} onClick={() => set([...base, "environment"], dropAt(env, i))}>✕</SmallButton>
          </div>
        ))}
        <SmallButton onClick={() => set([...base, "environment"], [...env, { name: "", value: "" }])}>+ Add variable</SmallButton>
      </Group>
      {deps.length > 0 && (
        <Group title="Starts after">
          {deps.map((d, i) => (
            <div key={d.containerName} className="grid grid-cols-[1fr_auto] items-end gap-1.5">
              <SelectInput
                label={`Waits for ${d.containerName} to`} value={d.condition} options={EcsEnums.CONTAINER_CONDITIONS}
                onChange={(v) => set([...base, "dependsOn", i, "condition"], (v ?? "START") as ContainerCondition)}
              />
              <SmallButton tone="danger" label={`Stop waiting for ${d.containerName}`} onClick={() => set([...base, "dependsOn"], dropAt(deps, i))}>✕</SmallButton>
            </div>
          ))}
        </Group>
      )}
      <Group title="Task definition">
        <SelectInput
          label="Move to task definition" value={r.taskDefinition.id}
          options={design.taskDefinitions.map((t) => ({ value: t.id, label: t.family }))}
          onChange={(v) => { if (v) store.edit((d) => moveContainer(d, nodeId, v), { select: [] }); }}
        />
      </Group>
    </div>
  );
}

/** Removing the last entry removes the list, as ECS JSON omits empty lists. */
function dropAt<T>(list: T[], i: number): T[] | undefined {
  const next = list.filter((_, j) => j !== i);
  return next.length ? next : undefined;
}

function nextPort(ports: { containerPort?: number }[]): number {
  const used = new Set(ports.map((p) => p.containerPort));
  let p = ports.length ? 8080 : 80;
  while (used.has(p)) p++;
  return p;
}
