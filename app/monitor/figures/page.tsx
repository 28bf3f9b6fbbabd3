import type { Metadata } from "next";
import Link from "next/link";
import { FiguresView } from "@/components/monitor/figures-view";
import { pageContext } from "@/lib/server/auth/page-context";

export const metadata: Metadata = { title: "Monitor figures" };

export default async function FiguresPage() {
  await pageContext("/monitor/figures");
  return (
    <div className="space-y-4">
      <nav className="text-sm text-slate-600"><Link href="/monitor" className="hover:underline">Monitor</Link> /</nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">ECS calls made by the monitor</h1>
      <p className="max-w-3xl text-sm text-slate-700">
        One poller per cluster serves every viewer, so these figures do not grow with the number of open pages. ECS allows 20 describe
        calls per second sustained for the whole account and Region; the monitor keeps itself to a quarter of that.
      </p>
      <FiguresView />
    </div>
  );
}
