"use client";

import { FIELD_GROUPS } from "@/lib/domain/designer";
import { FieldForm } from "../../inspector/field-form";
import { RenameField } from "../../inspector/rename-field";
import type { PanelProps } from "../panel-types";

export function LoadBalancerPanel({ nodeId, r }: PanelProps<"loadBalancer">) {
  return (
    <FieldForm groups={FIELD_GROUPS.loadBalancer!} base={["loadBalancers", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Name" value={r.loadBalancer.name} />
    </FieldForm>
  );
}
