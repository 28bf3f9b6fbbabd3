export { exportTerraform } from "./terraform";
export { exportCloudFormation } from "./cloudformation";
export { exportCdk } from "./cdk";
export { zipFiles } from "./zip";
export type { ExportFile } from "./types";
