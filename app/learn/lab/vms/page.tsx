import type { Metadata } from "next";
import { LabHeader } from "@/components/lab/lab-header";
import { VmsCompare } from "@/components/lab/vms-compare";
import { pageContext } from "@/lib/server/auth/page-context";

export const metadata: Metadata = { title: "VMs vs containers · Image lab", description: "The same three apps as virtual machines and as containers: memory, disk and start time, with sources." };

export default async function VmsLabPage() {
  await pageContext("/learn/lab/vms");
  return (
    <div className="space-y-8">
      <LabHeader current="/learn/lab/vms">
        Put the same three apps on one host, once as virtual machines and once as containers. The difference is what each one brings
        along: a VM its own operating system, a container only its app.
      </LabHeader>
      <VmsCompare />
    </div>
  );
}
