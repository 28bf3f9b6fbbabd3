"use client";

import type { Design } from "@/lib/domain/design";
import { Button } from "@/components/ui/button";
import { downloadCdk, downloadCloudFormation, downloadDesign, downloadTerraform } from "@/components/designer/download";
import { deploysNothing, DEPLOYS_NOTHING } from "@/lib/domain/export";

/** Downloads the stored design document as is, so it can be re-imported or kept in git. */
export function ExportJsonButton({ name, document }: { name: string; document: Design }) {
  return <Button onClick={() => downloadDesign(name, document)}>Export JSON</Button>;
}

/** The design as infrastructure as code: Terraform (main.tf), a CloudFormation template (YAML or JSON) and a CDK app (zip); said plainly when they would deploy nothing. */
export function ExportInfrastructureButtons({ designId, name, document }: { designId: string; name: string; document: Design }) {
  return (
    <>
      <Button onClick={() => downloadTerraform(document, designId)}>Terraform (main.tf)</Button>
      <Button onClick={() => downloadTerraform(document, designId, true)} title="lifecycle ignore_changes on the services' task_definition and desired_count">Terraform, image and count left to CI</Button>
      <Button onClick={() => downloadCloudFormation(name, document, "yaml", designId)}>CloudFormation (YAML)</Button>
      <Button onClick={() => downloadCloudFormation(name, document, "json", designId)}>CloudFormation (JSON)</Button>
      <Button onClick={() => downloadCdk(name, document, designId)}>CDK app (zip)</Button>
      {deploysNothing(document) && (
        <p role="note" data-testid="export-deploys-nothing" className="basis-full text-sm text-amber-800">{DEPLOYS_NOTHING}</p>
      )}
    </>
  );
}
