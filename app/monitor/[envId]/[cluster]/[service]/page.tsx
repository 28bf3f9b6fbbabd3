import type { Metadata } from "next";
import Link from "next/link";
import { ServiceMonitor } from "@/components/monitor/service-monitor";
import { pageContext } from "@/lib/server/auth/page-context";

export const metadata: Metadata = { title: "Service monitor" };

export default async function ServiceMonitorPage({ params }: { params: Promise<{ envId: string; cluster: string; service: string }> }) {
  const { envId, cluster, service } = await params;
  await pageContext("/monitor/[envId]/[cluster]/[service]", { envId, cluster, service });
  const [c, s] = [decodeURIComponent(cluster), decodeURIComponent(service)];
  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-600">
        <Link href="/monitor" className="hover:underline">Monitor</Link> / <Link href={`/monitor/${envId}`} className="hover:underline">Environment</Link> / cluster {c} /
      </nav>
      <ServiceMonitor envId={envId} cluster={c} service={s} />
    </div>
  );
}
