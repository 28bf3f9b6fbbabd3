import { monthly, type DesignCost } from "./model";

/** The design's cost for people: per service and shared line, totals, assumptions and what was not priced. */
export function renderCostText(c: DesignCost): string {
  const out: string[] = [];
  if (!c.regionKnown) {
    out.push(`No prices for ${c.region}: nothing priced.`);
  } else {
    out.push(`Monthly cost in ${c.region} (prices of ${c.priceDate}, ${c.hoursPerMonth} h/month)`);
    for (const s of c.services) {
      const bounds = s.atMin !== undefined || s.atMax !== undefined
        ? ` (min ${s.min ?? "-"}: ${s.atMin !== undefined ? monthly(s.atMin) : "-"}, max ${s.max ?? "-"}: ${s.atMax !== undefined ? monthly(s.atMax) : "-"})`
        : "";
      out.push(`  service ${s.cluster}/${s.serviceName}: ${monthly(s.monthly)} for ${s.taskCount} task${s.taskCount === 1 ? "" : "s"}${bounds}`);
      if (s.mix) out.push(`      runs: ${s.mix}`);
      for (const l of s.lines) out.push(`      ${l.label}: ${monthly(l.monthly)}  (${l.detail})`);
    }
    for (const l of c.shared) out.push(`  ${l.label}: ${monthly(l.monthly)}  (${l.detail})`);
    const range = c.totalAtMin !== c.total || c.totalAtMax !== c.total ? ` (at scaling minimum ${monthly(c.totalAtMin)}, at maximum ${monthly(c.totalAtMax)})` : "";
    out.push(`Total: ${monthly(c.total)}${range}`);
  }
  out.push("Assumes:");
  for (const a of c.assumptions) out.push(`  - ${a}`);
  if (c.unknowns.length) {
    out.push("Not priced:");
    for (const u of c.unknowns) out.push(`  ? ${u}`);
  }
  return out.join("\n") + "\n";
}
