"use client";

import { setTargetGroupArn } from "@/lib/domain/designer";
import { useEditorStore } from "../../store/context";
import { Group, NumberInput, SelectInput, TextInput, useSetField } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

const PROTOCOLS = ["HTTP", "HTTPS", "TCP", "UDP", "TLS", "TCP_UDP"] as const;

export function TargetGroupPanel({ nodeId, r }: PanelProps<"targetGroup">) {
  const set = useSetField();
  const store = useEditorStore();
  const g = r.targetGroup;
  const base = ["targetGroups", r.index];
  return (
    <div className="space-y-3">
      <Group title="Target group">
        <RenameField nodeId={nodeId} label="Name" value={g.name} />
        <TextInput
          label="Target group ARN" value={g.targetGroupArn} mono placeholder="arn:aws:elasticloadbalancing:…"
          onCommit={(v) => { if ((v.trim() || undefined) !== g.targetGroupArn) store.edit((d) => setTargetGroupArn(d, nodeId, v)); }}
        />
        <SelectInput label="Target type" value={g.targetType} options={["ip", "instance"] as const} onChange={(v) => set([...base, "targetType"], v ?? "ip")} />
        <div className="grid grid-cols-2 gap-2">
          <SelectInput label="Protocol" value={g.protocol} options={PROTOCOLS} emptyLabel="(none)" onChange={(v) => set([...base, "protocol"], v)} />
          <NumberInput label="Port" value={g.port} onChange={(v) => set([...base, "port"], v)} />
        </div>
      </Group>
    </div>
  );
}
