import type { Service } from "@/lib/domain/design";
import type { Severity } from "@/lib/domain/rules/types";
import { Facts, ResourceCard } from "./resource-card";
import { strategyText } from "@/lib/domain/designer/strategy-text";

export function ServiceCard({ service: s, problems }: { service: Service; problems: Record<Severity, number> }) {
  const placement = s.capacityProviderStrategy?.length
    ? strategyText(s.capacityProviderStrategy)
    : s.launchType ?? "Cluster default strategy";
  return (
    <ResourceCard testId="service-card" kind="Service" title={s.serviceName} problems={problems}>
      <Facts
        items={[
          ["Cluster", s.cluster],
          ["Task definition", s.taskDefinition],
          ["Desired count", s.schedulingStrategy === "DAEMON" ? "One per instance (DAEMON)" : String(s.desiredCount ?? 0)],
          ["Launch", placement],
        ]}
      />
    </ResourceCard>
  );
}
