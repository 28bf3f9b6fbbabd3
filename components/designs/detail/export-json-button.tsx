"use client";

import type { Design } from "@/lib/domain/design";
import { Button } from "@/components/ui/button";
import { downloadCdk, downloadCloudFormation, downloadDesign, downloadTerraform } from "@/components/designer/download";

/** Downloads the stored design document as is, so it can be re-imported or kept in git. */
export function ExportJsonButton({ name, document }: { name: string; document: Design }) {
  return <Button onClick={() => downloadDesign(name, document)}>Export JSON</Button>;
}

/** The design as infrastructure as code: Terraform (main.tf), a CloudFormation template (YAML or JSON) and a CDK app (zip). */
export function ExportInfrastructureButtons({ name, document }: { name: string; document: Design }) {
  return (
    <>
      <Button onClick={() => downloadTerraform(document)}>Terraform (main.tf)</Button>
      <Button onClick={() => downloadCloudFormation(name, document, "yaml")}>CloudFormation (YAML)</Button>
      <Button onClick={() => downloadCloudFormation(name, document, "json")}>CloudFormation (JSON)</Button>
      <Button onClick={() => downloadCdk(name, document)}>CDK app (zip)</Button>
    </>
  );
}
