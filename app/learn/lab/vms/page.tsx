import type { Metadata } from "next";
import Link from "next/link";
import { LearnNav } from "@/components/learn/learn-nav";
import { VmsCompare } from "@/components/lab/vms-compare";
import { pageContext } from "@/lib/server/auth/page-context";

export const metadata: Metadata = { title: "VMs vs containers · Image lab", description: "The same three apps as virtual machines and as containers: memory, disk and start time, with sources." };

const link = "font-medium text-brand-700 underline-offset-2 hover:underline";

export default async function VmsLabPage() {
  await pageContext("/learn/lab/vms");
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <LearnNav current="lab" />
        <p className="text-sm text-slate-600">
          <Link href="/learn/lab" className={link}>Image lab</Link> › <Link href="/learn/lab/registry" className={link}>Registry &amp; hosts</Link> · VMs vs containers
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">VMs vs containers</h1>
        <p className="max-w-3xl text-slate-700">
          Put the same three apps on one host, once as virtual machines and once as containers. The difference is what each one brings
          along: a VM its own operating system, a container only its app.
        </p>
      </header>
      <VmsCompare />
    </div>
  );
}
