"use client";

import { conditionsText, environmentListeners, FIELD_GROUPS } from "@/lib/domain/designer";
import { FieldForm } from "../../inspector/field-form";
import { RenameField } from "../../inspector/rename-field";
import { useEnvironmentNetwork } from "../../network-source";
import type { PanelProps } from "../panel-types";

export function LoadBalancerPanel({ nodeId, r }: PanelProps<"loadBalancer">) {
  const arn = r.loadBalancer.loadBalancerArn;
  return (
    <FieldForm groups={FIELD_GROUPS.loadBalancer!} base={["loadBalancers", r.index]} r={r} nodeId={nodeId}>
      <RenameField nodeId={nodeId} label="Name" value={r.loadBalancer.name} />
      {arn && <ExistingListeners arn={arn} />}
    </FieldForm>
  );
}

/** An existing load balancer's listeners and rules, as the chosen environment has them (read-only: the design never changes them). */
function ExistingListeners({ arn }: { arn: string }) {
  const network = useEnvironmentNetwork();
  const listeners = network.data ? environmentListeners(network.data, arn) : [];
  return (
    <section aria-label="Listeners in the environment" data-testid="environment-listeners" className="rounded-md border border-slate-200 bg-slate-50 p-2 text-xs text-slate-700">
      <h3 className="mb-1 font-medium text-slate-900">Listeners in the environment</h3>
      {network.isPending ? <p>Reading the environment…</p>
        : network.isError ? <p>Could not read the environment: {network.error.message}</p>
          : listeners.length === 0 ? <p>{network.data?.loadBalancers.some((l) => l.arn === arn) ? "This load balancer has no listeners." : "The chosen environment has no load balancer with this ARN."}</p>
            : (
              <ul className="space-y-1">
                {listeners.map(({ listener, rules }) => (
                  <li key={listener.arn}>
                    <span className="font-mono">{listener.protocol}:{listener.port}</span>
                    {rules.length > 0 && (
                      <ul className="ml-3 text-slate-600">
                        {rules.map((rule) => <li key={rule.arn}>{rule.priority === "default" ? "default rule" : `priority ${rule.priority}: ${conditionsText(rule.conditions)}`}</li>)}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            )}
    </section>
  );
}
