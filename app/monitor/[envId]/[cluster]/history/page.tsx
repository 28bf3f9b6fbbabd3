import type { Metadata } from "next";
import Link from "next/link";
import { HistorySearch } from "@/components/monitor/history-search";
import { pageContext } from "@/lib/server/auth/page-context";

export const metadata: Metadata = { title: "Monitor history" };

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ envId: string; cluster: string }>; searchParams: Promise<{ service?: string }> }) {
  const { envId, cluster } = await params;
  await pageContext("/monitor/[envId]/[cluster]/history", { envId, cluster });
  const { service } = await searchParams;
  const c = decodeURIComponent(cluster);
  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-600"><Link href="/monitor" className="hover:underline">Monitor</Link> / <Link href={`/monitor/${envId}`} className="hover:underline">Environment</Link> /</nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">History of cluster {c}</h1>
      <p className="max-w-3xl text-sm text-slate-700">Everything the flight recorder kept (30 days by default): service events, every task state with its stop reason and exit codes, and every deployment.</p>
      <HistorySearch envId={envId} cluster={c} initialService={service} />
    </div>
  );
}
