import Link from "next/link";
import type { ReactNode } from "react";
import { LearnNav } from "@/components/learn/learn-nav";

const link = "font-medium text-brand-700 underline-offset-2 hover:underline";
const PAGES = [
  { href: "/learn/lab/registry", label: "Registry & hosts" },
  { href: "/learn/lab/vms", label: "VMs vs containers" },
] as const;

/** The header of the registry and VMs pages of the image lab: Learn's tabs, the way back to the lab, the title. */
export function LabHeader({ current, children }: { current: (typeof PAGES)[number]["href"]; children: ReactNode }) {
  const here = PAGES.find((p) => p.href === current)!;
  return (
    <header className="space-y-3">
      <LearnNav current="lab" />
      <nav aria-label="Image lab" className="text-sm text-slate-600">
        <Link href="/learn/lab" className={link}>Image lab</Link> ›{" "}
        {PAGES.map((p, i) => (
          <span key={p.href}>
            {i > 0 && " · "}
            {p.href === current ? <span aria-current="page">{p.label}</span> : <Link href={p.href} className={link}>{p.label}</Link>}
          </span>
        ))}
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{here.label}</h1>
      <p className="max-w-3xl text-slate-700">{children}</p>
    </header>
  );
}
