"use client";

import { familyOf } from "@/lib/domain/design";
import { FIELD_GROUPS, setServiceCluster } from "@/lib/domain/designer";
import { useEditorStore } from "../../store/context";
import { FieldForm } from "../../inspector/field-form";
import { SelectInput, useSetField } from "../../inspector/fields";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function ServicePanel({ nodeId, r, design }: PanelProps<"service">) {
  const set = useSetField();
  const store = useEditorStore();
  const s = r.service;
  const cluster = design.clusters.find((c) => c.clusterName === s.cluster);
  return (
    <FieldForm groups={FIELD_GROUPS.service!} base={["services", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Name" value={s.serviceName} />
      <SelectInput
        label="Cluster" value={cluster?.id} emptyLabel="(none)" help="The cluster the service runs in; its tasks use the cluster's capacity."
        options={design.clusters.map((c) => ({ value: c.id, label: c.clusterName }))}
        onChange={(v) => store.edit((d) => setServiceCluster(d, nodeId, v))}
      />
      <SelectInput
        label="Task definition" value={familyOf(s.taskDefinition) || undefined} emptyLabel="(none)"
        help="What each task runs. A family name deploys its latest revision."
        options={design.taskDefinitions.map((t) => t.family)}
        onChange={(v) => set(["services", r.index, "taskDefinition"], v ?? "")}
      />
    </FieldForm>
  );
}
