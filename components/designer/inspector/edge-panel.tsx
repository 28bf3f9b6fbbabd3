"use client";

import { parseContainerEdge, serviceConnectLinks, setContainerEdgeKind, setField, targetGroupLabel, type ContainerCondition } from "@/lib/domain/designer";
import type { Design } from "@/lib/domain/design";
import { EcsEnums } from "@/lib/domain/design";
import { useEditor, useEditorStore } from "../store/context";
import { NumberInput, SelectInput } from "./fields";

const CHOICES = [
  ...EcsEnums.CONTAINER_CONDITIONS.map((c) => ({ value: `dependsOn:${c}`, label: `Depends on (${c})` })),
  { value: "link", label: "Link (bridge network name)" },
];

/** The selected container→container edge: switch between dependsOn (with its condition) and link. */
export function EdgePanel({ edgeId }: { edgeId: string }) {
  const store = useEditorStore();
  const design = useEditor((s) => s.history.present);
  const e = parseContainerEdge(design, edgeId);
  if (edgeId.startsWith("fwd|")) return <ForwardPanel design={design} edgeId={edgeId} />;
  if (edgeId.startsWith("sc|")) return <ServiceConnectPanel design={design} edgeId={edgeId} />;
  if (!e) return <p className="text-sm text-slate-600">Delete removes this connection.</p>;
  const value = e.relation === "link" ? "link" : `dependsOn:${e.condition ?? "START"}`;
  return (
    <div className="space-y-3" data-testid="edge-panel">
      <h2 className="text-sm font-semibold text-slate-900">Container connection</h2>
      <p className="text-xs text-slate-600">{e.source.split("/")[1]} → {e.target.split("/")[1]}</p>
      <SelectInput
        label="Connection kind" value={value} options={CHOICES}
        help="dependsOn orders start-up (the condition says what to wait for); a link lets the container reach the other by name on a bridge network."
        onChange={(v) => {
          if (!v) return;
          const opts = v === "link" ? { relation: "link" as const } : { relation: "dependsOn" as const, condition: v.split(":")[1] as ContainerCondition };
          const out = setContainerEdgeKind(store.getState().history.present, edgeId, opts);
          if (!out.ok) { store.notify(out.reason); return; }
          store.edit(() => out.design);
          store.select([], out.id);
        }}
      />
    </div>
  );
}

/** A listener's forward to one target group: its weight, which is how traffic is split. */
function ForwardPanel({ design, edgeId }: { design: Design; edgeId: string }) {
  const store = useEditorStore();
  const [, lbId, j, rule, k] = edgeId.split("|");
  const i = (design.loadBalancers ?? []).findIndex((l) => l.id === lbId);
  const lb = design.loadBalancers?.[i];
  const l = lb?.listeners?.[Number(j)];
  const actionPath = rule === "d" ? ["defaultAction"] : ["rules", Number(rule), "action"];
  const action = rule === "d" ? l?.defaultAction : l?.rules?.[Number(rule)]?.action;
  const g = action?.targetGroups?.[Number(k)];
  if (!lb || !l || !g) return <p className="text-sm text-slate-600">This forward is gone.</p>;
  const path = ["loadBalancers", i, "listeners", Number(j), ...actionPath, "targetGroups", Number(k), "weight"];
  return (
    <div className="space-y-3" data-testid="edge-panel">
      <h2 className="text-sm font-semibold text-slate-900">Forward</h2>
      <p className="text-xs text-slate-600">{lb.name} {l.protocol}:{l.port}{rule === "d" ? "" : ` rule #${l.rules![Number(rule)].priority}`} → {targetGroupLabel(design, g.targetGroupArn)}</p>
      <NumberInput
        label="Weight" value={g.weight} placeholder="1"
        help="With several target groups in one forward, each gets weight ÷ total of the requests (0–999). Delete removes this target group from the forward."
        onChange={(v) => store.edit((d) => setField(d, path, v), { key: path.join(".") })}
      />
    </div>
  );
}

/** A Service Connect call: made by the namespace, not by an edit of its own. */
function ServiceConnectPanel({ design, edgeId }: { design: Design; edgeId: string }) {
  const [, client, server, entry, alias] = edgeId.split("|");
  const link = serviceConnectLinks(design).find((x) => x.client === client && x.server === server && x.entry === Number(entry) && x.alias === Number(alias));
  const name = (id: string) => design.services.find((s) => s.id === id)?.serviceName ?? id;
  if (!link) return <p className="text-sm text-slate-600">This Service Connect link is gone.</p>;
  return (
    <div className="space-y-2" data-testid="edge-panel">
      <h2 className="text-sm font-semibold text-slate-900">Service Connect</h2>
      <p className="text-xs text-slate-700"><strong>{name(client)}</strong> → <strong>{name(server)}</strong> at <code className="font-mono">{link.endpoint}</code>, in namespace <code className="font-mono">{link.namespace}</code>.</p>
      <p className="text-[11px] leading-snug text-slate-500">
        Every Service Connect service of a namespace reaches the endpoints the others offer. To remove this link, turn Service Connect off for {name(client)} or remove {name(server)}&apos;s client alias (Service Connect in the service&apos;s form).
      </p>
    </div>
  );
}
