import type { Metadata } from "next";
import { LabHeader } from "@/components/lab/lab-header";
import { RegistryLab } from "@/components/lab/registry-lab";
import { pageContext } from "@/lib/server/auth/page-context";
import { imageTargetsFor } from "@/lib/server/designs";

export const metadata: Metadata = { title: "Registry & hosts · Image lab", description: "Push images to a simulated ECR registry, move tags, pin digests, and pull onto two Docker hosts." };

export const dynamic = "force-dynamic";

export default async function RegistryLabPage() {
  const ctx = await pageContext("/learn/lab/registry");
  const { targets, canEdit } = await imageTargetsFor(ctx);
  return (
    <div className="space-y-8">
      <LabHeader current="/learn/lab/registry">
        A registry stores layers by their content and manifests by their digest; a tag is only a name that points at one digest and can
        be moved. Push two versions, move <code className="font-mono text-[0.9em]">latest</code>, then pull onto two hosts and watch
        which bytes actually travel. Everything runs in your browser and is kept there (Reset lab forgets it); only Use in a design
        sends an image reference to one of your designs.
      </LabHeader>
      <RegistryLab targets={targets} canEdit={canEdit} />
    </div>
  );
}
