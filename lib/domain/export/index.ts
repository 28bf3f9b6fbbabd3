export { exportTerraform } from "./terraform";
export { terraformImportsFor } from "./terraform-imports";
export { exportCloudFormation } from "./cloudformation";
export { exportCdk } from "./cdk";
export { zipFiles } from "./zip";
export type { ExportFile } from "./types";
export { importIac, detectIacFormat, IacImportInputSchema, IAC_FORMATS, MAX_IAC_FILES, type IacFormat, type IacImportInput, type IacNote } from "./import-iac";
export { deploysNothing, DEPLOYS_NOTHING, EXPORT_DESIGN_ID } from "./resolve";
