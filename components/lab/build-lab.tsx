"use client";

import Link from "next/link";
import type { ImageTarget } from "@/lib/actions/design-types";
import { STARTER } from "@/lib/domain/lab/starter";
import { BENCH_KEY, saveBuiltImage } from "./lab-store";
import { UseImage } from "./use-image";
import { Workbench } from "./workbench";

/** The Build tab: the workbench, each finished image saved for the Registry & hosts tab, and "Use this image". */
export function BuildLab({ targets, canEdit }: { targets: ImageTarget[]; canEdit: boolean }) {
  return (
    <Workbench
      initial={STARTER}
      storageKey={BENCH_KEY}
      onBuild={(_, __, image) => { if (image) saveBuiltImage(image); }}
      after={(image) => (
        <div className="space-y-2">
          <p className="text-sm text-slate-700">Saved in this browser: the <Link href="/learn/lab/registry" className="font-medium text-brand-700 hover:underline">Registry &amp; hosts</Link> tab can push it.</p>
          <UseImage repository={image.name} digest={image.digest} targets={targets} canEdit={canEdit} />
        </div>
      )}
    />
  );
}
