import type { Metadata } from "next";
import { LearnNav } from "@/components/learn/learn-nav";
import { LabNav } from "@/components/lab/lab-nav";
import { BuildLab } from "@/components/lab/build-lab";
import { pageContext } from "@/lib/server/auth/page-context";
import { imageTargetsFor } from "@/lib/server/designs";

export const metadata: Metadata = { title: "Image lab: build", description: "Write a Dockerfile, build it in a simulated BuildKit and watch the build cache decide which steps run again." };
export const dynamic = "force-dynamic";

export default async function LabBuildPage() {
  const ctx = await pageContext("/learn/lab");
  const { targets, canEdit } = await imageTargetsFor(ctx);
  return (
    <div className="space-y-6">
      <header className="space-y-3">
        <LearnNav current="lab" />
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Image lab</h1>
        <p className="max-w-3xl text-slate-700">
          A Dockerfile turns a folder into an image, one step at a time; each filesystem step is a layer, and the builder keeps every
          layer it made in its cache. Build, change one file or one line, build again, and see which steps are reused and why the others ran.
          The build is simulated in your browser, with real base images’ layer sizes and BuildKit’s cache rules.
        </p>
        <LabNav current="build" />
      </header>
      <BuildLab targets={targets} canEdit={canEdit} />
    </div>
  );
}
