import Link from "next/link";
import { ResetLab } from "./reset-lab";

/** The image lab's own tabs: build an image, move it through a registry to hosts, compare with VMs; and Reset lab. */
export function LabNav({ current }: { current: "build" | "registry" | "vms" }) {
  const tab = (href: string, label: string, on: boolean) => (
    <Link
      href={href}
      aria-current={on ? "page" : undefined}
      className={`rounded-md border px-3 py-1.5 text-sm font-medium ${on ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50"}`}
    >
      {label}
    </Link>
  );
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <nav aria-label="Image lab" className="flex flex-wrap gap-2">
        {tab("/learn/lab", "Build", current === "build")}
        {tab("/learn/lab/registry", "Registry & hosts", current === "registry")}
        {tab("/learn/lab/vms", "VMs vs containers", current === "vms")}
      </nav>
      {current !== "vms" && <ResetLab />}
    </div>
  );
}
