import type { Metadata } from "next";
import Link from "next/link";
import { pageContext } from "@/lib/server/auth/page-context";
import { listEnvironments } from "@/lib/server/environments";

export const metadata: Metadata = { title: "Monitor", description: "Live state of your ECS services and a flight recorder of what ECS forgets." };
export const dynamic = "force-dynamic";

export default async function MonitorPage() {
  const envs = await listEnvironments({ ctx: await pageContext("/monitor") });
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Monitor</h1>
        <p className="max-w-3xl text-slate-700">
          Services, deployments and tasks as ECS reports them, refreshed every few seconds — and a flight recorder that keeps every
          event, task stop and deployment after ECS has forgotten them (ECS keeps 100 events per service and stopped tasks for about an hour).
        </p>
        <Link href="/monitor/figures" className="text-sm font-medium text-brand-700 hover:underline">ECS calls made by the monitor</Link>
      </header>
      <ul className="grid gap-3 sm:grid-cols-2" aria-label="Environments">
        {envs.map((e) => (
          <li key={e.id}>
            <Link href={`/monitor/${e.id}`} className="block rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-brand-600">
              <span className="font-semibold text-slate-900">{e.name}</span>
              <span className="ml-2 text-sm text-slate-600">{e.kind === "sandbox" ? "built-in sandbox" : e.kind} · {e.region}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
