import type { Metadata } from "next";
import Link from "next/link";
import { LearnNav } from "@/components/learn/learn-nav";
import { RegistryLab } from "@/components/lab/registry-lab";
import { pageContext } from "@/lib/server/auth/page-context";

export const metadata: Metadata = { title: "Registry & hosts · Image lab", description: "Push images to a simulated ECR registry, move tags, pin digests, and pull onto two Docker hosts." };

const link = "font-medium text-brand-700 underline-offset-2 hover:underline";

export default async function RegistryLabPage() {
  await pageContext("/learn/lab/registry");
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <LearnNav current="lab" />
        <p className="text-sm text-slate-600">
          <Link href="/learn/lab" className={link}>Image lab</Link> › Registry &amp; hosts · <Link href="/learn/lab/vms" className={link}>VMs vs containers</Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Registry &amp; hosts</h1>
        <p className="max-w-3xl text-slate-700">
          A registry stores layers by their content and manifests by their digest; a tag is only a name that points at one digest and can
          be moved. Push two versions, move <code className="font-mono text-[0.9em]">latest</code>, then pull onto two hosts and watch
          which bytes actually travel. Everything runs in your browser; nothing is sent anywhere.
        </p>
      </header>
      <RegistryLab />
    </div>
  );
}
