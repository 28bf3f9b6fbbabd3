"use client";

import { useState } from "react";
import type { Finding } from "@/lib/domain/rules";
import { applyEdits, defaultVpcEdits, findingNodeId } from "@/lib/domain/designer";
import { SeverityIcon, SEVERITY_STYLE } from "@/components/ui/severity";
import { useEditorStore } from "../store/context";
import { RuleConceptLink } from "@/components/learn/concept-link";
import { useFetchNetwork } from "../network-source";

/**
 * The one-click fix whose values come from the environment the toolbar picks from: the default
 * VPC's subnets and security group, read through EC2 when clicked. Why it cannot (no default VPC,
 * the environment refused) shows under the finding.
 */
function DefaultVpcFix({ finding }: { finding: Finding }) {
  const store = useEditorStore();
  const fetchNetwork = useFetchNetwork();
  const [state, setState] = useState<{ busy?: boolean; problem?: string }>({});
  const run = async () => {
    setState({ busy: true });
    try {
      const network = await fetchNetwork();
      const out = defaultVpcEdits(store.getState().history.present, finding, network);
      if ("missing" in out) return setState({ problem: out.missing });
      store.edit((d) => applyEdits(d, out.edits));
      setState({});
    } catch (err) {
      setState({ problem: `Could not read the environment's network: ${(err as Error).message}` });
    }
  };
  return (
    <div className="shrink-0 text-right">
      <button type="button" disabled={state.busy} onClick={run} aria-label="Fix: use the default VPC"
        className="rounded bg-brand-700 px-2 py-1 text-[11px] font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {state.busy ? "Reading…" : "Use default VPC"}
      </button>
      {state.problem && <p role="alert" className="mt-1 max-w-48 text-left text-[11px] text-red-700">{state.problem}</p>}
    </div>
  );
}

/** One finding with its message and, when the fix is mechanical, a one-click fix. */
export function FindingItem({ finding, onSelect }: { finding: Finding; onSelect?: () => void }) {
  const store = useEditorStore();
  const edits = finding.fix?.edits;
  return (
    <li className={`border-l-4 bg-white px-2 py-1.5 text-xs ${SEVERITY_STYLE[finding.severity].border}`} data-testid="finding" data-rule={finding.ruleId}>
      <div className="flex items-start gap-1.5">
        <SeverityIcon severity={finding.severity} className="mt-0.5 h-3.5 w-3.5" />
        <div className="min-w-0 flex-1">
          {onSelect ? (
            <button type="button" onClick={onSelect} className="text-left font-medium text-slate-900 hover:underline">
              {finding.resource.container ? `${finding.resource.name} / ${finding.resource.container}` : finding.resource.name || "Design"}
            </button>
          ) : null}
          <p className="text-slate-700">{finding.message}</p>
          {finding.fix && <p className="mt-0.5 text-slate-500">{finding.fix.description}</p>}
          <RuleConceptLink ruleId={finding.ruleId} compact />
        </div>
        {finding.fix?.fromEnvironment === "default-vpc" && <DefaultVpcFix finding={finding} />}
        {edits && edits.length > 0 && (
          <button
            type="button"
            className="shrink-0 rounded bg-brand-700 px-2 py-1 text-[11px] font-semibold text-white hover:bg-brand-800"
            aria-label={`Fix: ${finding.fix!.description}`}
            onClick={() => store.edit((d) => applyEdits(d, edits))}
          >
            Fix
          </button>
        )}
      </div>
    </li>
  );
}

export function NodeFindings({ findings, nodeId }: { findings: Finding[]; nodeId: string }) {
  const mine = findings.filter((f) => findingNodeId(f) === nodeId);
  if (mine.length === 0) return <p className="text-xs text-emerald-700">No problems found.</p>;
  return (
    <ul className="space-y-1" aria-label="Problems of this resource">
      {mine.map((f, i) => <FindingItem key={`${f.ruleId}-${i}`} finding={f} />)}
    </ul>
  );
}
