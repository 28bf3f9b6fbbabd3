"use client";

import { FIELD_GROUPS } from "@/lib/domain/designer";
import { FieldForm } from "../../inspector/field-form";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function ClusterPanel({ nodeId, r }: PanelProps<"cluster">) {
  return (
    <FieldForm groups={FIELD_GROUPS.cluster!} base={["clusters", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Name" value={r.cluster.clusterName} />
    </FieldForm>
  );
}
