"use client";

import type { Design } from "@/lib/domain/design";
import { Button } from "@/components/ui/button";

/** Downloads the stored design document as is, so it can be re-imported or kept in git. */
export function ExportJsonButton({ name, document }: { name: string; document: Design }) {
  function download() {
    const blob = new Blob([JSON.stringify(document, null, 2) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = Object.assign(window.document.createElement("a"), { href: url, download: `${fileSlug(name)}.stevedore.json` });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return <Button onClick={download}>Export JSON</Button>;
}

function fileSlug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "design";
}
