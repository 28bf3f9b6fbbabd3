import type { Design } from "@/lib/domain/design";
import { exportCdk, exportCloudFormation, exportTerraform, zipFiles } from "@/lib/domain/export";

/** Saves text as a file through a temporary object URL (no server round trip). */
export function downloadText(fileName: string, text: string, type = "application/json") {
  downloadBlob(fileName, new Blob([text], { type }));
}

function downloadBlob(fileName: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe version of a resource or design name. */
export const fileSafe = (name: string) => name.trim().replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "design";

/** The design document as stored, named after the design: what both Export buttons save. */
export function downloadDesign(name: string, design: Design) {
  downloadText(`${fileSafe(name)}.stevedore.json`, `${JSON.stringify(design, null, 2)}\n`);
}

/**
 * The design as one Terraform main.tf (what it could not express is listed in its last comment);
 * `designId` names its own schedule group. `leaveToCi`: the services' image (task_definition) and
 * desired count in `lifecycle { ignore_changes }`, for CI that registers new revisions and a scaler.
 */
export function downloadTerraform(design: Design, designId: string, leaveToCi = false) {
  const ignoreChanges = leaveToCi ? (["image", "desiredCount"] as const) : undefined;
  downloadText("main.tf", exportTerraform(design, { singleFile: true, designId, ignoreChanges: ignoreChanges && [...ignoreChanges] }).files[0].text, "text/plain");
}

/** The design as a CloudFormation template (what it could not express is in its Metadata). */
export function downloadCloudFormation(name: string, design: Design, format: "yaml" | "json", designId: string) {
  const r = exportCloudFormation(design, { designId });
  downloadText(`${fileSafe(name)}.template.${format}`, format === "json" ? r.json : r.yaml, format === "json" ? "application/json" : "application/yaml");
}

/** The design as a CDK app (TypeScript, aws-cdk-lib L1 constructs): one zip of its folder, `<name>-cdk/`. */
export function downloadCdk(name: string, design: Design, designId: string) {
  const folder = `${fileSafe(name).toLowerCase()}-cdk`;
  const zip = zipFiles(exportCdk(design, { name, designId }).files, folder, new Date());
  downloadBlob(`${folder}.zip`, new Blob([zip as Uint8Array<ArrayBuffer>], { type: "application/zip" }));
}
