"use client";

import type { Design } from "@/lib/domain/design";
import { Button } from "@/components/ui/button";
import { downloadDesign } from "@/components/designer/download";

/** Downloads the stored design document as is, so it can be re-imported or kept in git. */
export function ExportJsonButton({ name, document }: { name: string; document: Design }) {
  return <Button onClick={() => downloadDesign(name, document)}>Export JSON</Button>;
}
