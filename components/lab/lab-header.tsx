import type { ReactNode } from "react";
import { LearnNav } from "@/components/learn/learn-nav";
import { LabNav } from "./lab-nav";

const PAGES = {
  "/learn/lab/registry": { label: "Registry & hosts", tab: "registry" },
  "/learn/lab/vms": { label: "VMs vs containers", tab: "vms" },
} as const;

/** The header of the registry and VMs pages of the image lab: Learn's tabs, the title, what the page is for, the lab's own tabs. */
export function LabHeader({ current, children }: { current: keyof typeof PAGES; children: ReactNode }) {
  const here = PAGES[current];
  return (
    <header className="space-y-3">
      <LearnNav current="lab" />
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Image lab: {here.label}</h1>
      <p className="max-w-3xl text-slate-700">{children}</p>
      <LabNav current={here.tab} />
    </header>
  );
}
