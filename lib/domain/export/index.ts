export { exportTerraform, terraformAddresses, type TerraformOptions, type TerraformExport } from "./terraform";
export { exportCloudFormation, type CloudFormationExport } from "./cloudformation";
export { MAPPING, TERRAFORM_BASELINE, type Entry, type Target } from "./mapping";
export type { Unexpressed } from "./place";
export { notesText, type ExportFile } from "./types";
export { importCloudFormation, type TemplateImportNote } from "./import-cloudformation";
