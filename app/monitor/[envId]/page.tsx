import type { Metadata } from "next";
import Link from "next/link";
import { EnvironmentOverview } from "@/components/monitor/environment-overview";
import { pageContext } from "@/lib/server/auth/page-context";
import { getEnvironment } from "@/lib/server/environments";

export const metadata: Metadata = { title: "Environment monitor" };
export const dynamic = "force-dynamic";

export default async function EnvironmentMonitorPage({ params }: { params: Promise<{ envId: string }> }) {
  const { envId } = await params;
  const env = await getEnvironment({ ctx: await pageContext("/monitor/[envId]", { envId }), input: { id: envId } }).catch(() => undefined);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <nav className="text-sm text-slate-600"><Link href="/monitor" className="hover:underline">Monitor</Link> /</nav>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{env?.name ?? envId}</h1>
        {env && <p className="text-sm text-slate-600">{env.kind === "sandbox" ? "Built-in sandbox" : env.kind} · {env.region}</p>}
      </header>
      <EnvironmentOverview envId={envId} />
    </div>
  );
}
