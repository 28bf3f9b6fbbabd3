import { monthly, type DesignCost, type ServiceCost } from "@/lib/domain/cost";
import type { PlanCost } from "@/lib/domain/plan";

/** The tooltip of a service's figure: its lines, capacity mix, assumptions and what was not priced. */
export function serviceCostTitle(s: ServiceCost, c: DesignCost): string {
  return [
    `${s.serviceName}: ${monthly(s.monthly)} for ${s.taskCount} task${s.taskCount === 1 ? "" : "s"}`,
    ...(s.atMin !== undefined ? [`at minimum ${s.min}: ${monthly(s.atMin)}`] : []),
    ...(s.atMax !== undefined ? [`at maximum ${s.max}: ${monthly(s.atMax)}`] : []),
    ...(s.mix ? [`runs: ${s.mix}`] : []),
    ...s.lines.map((l) => `${l.label}: ${monthly(l.monthly)} (${l.detail})`),
    ...designAssumptions(c, s.assumptions),
    ...s.unknowns.map((u) => `not priced: ${u}`),
  ].join("\n");
}

function designAssumptions(c: DesignCost, extra: string[] = []): string[] {
  return [c.assumptions[0], ...extra].map((a) => `assumes ${a}`);
}

/** The tooltip of the design total. */
export function designCostTitle(c: DesignCost): string {
  return [
    ...c.services.map((s) => `${s.serviceName}: ${monthly(s.monthly)}`),
    ...c.shared.map((l) => `${l.label}: ${monthly(l.monthly)} (${l.detail})`),
    ...c.assumptions.map((a) => `assumes ${a}`),
    ...c.unknowns.map((u) => `not priced: ${u}`),
  ].join("\n");
}

/** "$9.01/mo", or a range when scaling bounds are known. */
export function totalText(c: DesignCost): string {
  if (!c.regionKnown) return `no prices for ${c.region}`;
  const range = c.totalAtMin !== c.total || c.totalAtMax !== c.total ? ` (${monthly(c.totalAtMin)}–${monthly(c.totalAtMax)})` : "";
  return `${monthly(c.total)}${range}${c.unknowns.length ? " + unpriced" : ""}`;
}

/** The design page's cost table: every service and shared line, the total, and footnotes with the assumptions. */
export function DesignCostTable({ cost }: { cost: DesignCost }) {
  return (
    <section aria-label="Monthly cost" data-testid="design-cost" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 className="text-sm font-semibold text-slate-900">Monthly cost <span className="font-normal text-slate-600">({cost.region}, prices of {cost.priceDate})</span></h2>
      {cost.regionKnown && (
        <table className="mt-2 w-full text-sm">
          <tbody className="divide-y divide-slate-100">
            {cost.services.map((s) => (
              <tr key={s.serviceId} title={serviceCostTitle(s, cost)}>
                <td className="py-1 text-slate-800">Service {s.serviceName} <span className="text-xs text-slate-500">× {s.taskCount}{s.mix ? ` · ${s.mix}` : ""}</span></td>
                <td className="py-1 text-right tabular-nums text-slate-900">{monthly(s.monthly)}<sup className="text-slate-500">1</sup></td>
              </tr>
            ))}
            {cost.shared.map((l) => (
              <tr key={l.label} title={l.detail}>
                <td className="py-1 text-slate-800">{l.label} <span className="text-xs text-slate-500">{l.detail}</span></td>
                <td className="py-1 text-right tabular-nums text-slate-900">{monthly(l.monthly)}<sup className="text-slate-500">1</sup></td>
              </tr>
            ))}
            <tr>
              <td className="py-1 font-semibold text-slate-900">Total</td>
              <td className="py-1 text-right font-semibold tabular-nums text-slate-900" data-testid="design-cost-total">{totalText(cost)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <ol className="mt-2 list-decimal space-y-0.5 pl-5 text-xs text-slate-600">
        <li>Assumes {cost.assumptions.join("; ")}.</li>
      </ol>
      {cost.unknowns.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-xs text-amber-900" aria-label="Not priced">
          {cost.unknowns.map((u) => <li key={u}>Not priced: {u}</li>)}
        </ul>
      )}
    </section>
  );
}

/** The plan page's cost: the change in monthly cost and each deployment's temporary extra cost, with the assumptions. */
export function PlanCostSummary({ cost }: { cost: PlanCost }) {
  const sign = cost.change > 0.005 ? "+" : cost.change < -0.005 ? "−" : "±";
  return (
    <section aria-label="Cost" data-testid="plan-cost" className="rounded-xl border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <p title={cost.assumptions.join("\n")}>
        <span className="font-semibold text-slate-900">Monthly cost: </span>
        <span className="tabular-nums">{monthly(cost.before)} → {monthly(cost.after)}</span>{" "}
        <span className={`font-semibold tabular-nums ${cost.change > 0.005 ? "text-amber-800" : "text-slate-700"}`} data-testid="plan-cost-change">({sign}{monthly(Math.abs(cost.change))})</span>
        {(cost.afterAtMin !== cost.after || cost.afterAtMax !== cost.after) && (
          <span className="text-slate-600"> · at scaling minimum {monthly(cost.afterAtMin)}, at maximum {monthly(cost.afterAtMax)}</span>
        )}
        <sup className="text-slate-500">1</sup>
      </p>
      {cost.deployments.length > 0 && (
        <ul className="mt-1 space-y-0.5 text-slate-700" aria-label="Deployment cost">
          {cost.deployments.map((d) => <li key={d.service}>Deployment of <strong>{d.service}</strong>: {d.text}</li>)}
        </ul>
      )}
      <ol className="mt-1 list-decimal pl-5 text-xs text-slate-600"><li>Assumes {cost.assumptions.join("; ")}.</li></ol>
      {cost.unknowns.length > 0 && <ul className="mt-1 text-xs text-amber-900">{cost.unknowns.map((u) => <li key={u}>Not priced: {u}</li>)}</ul>}
    </section>
  );
}
