export { exportTerraform } from "./terraform";
export { exportCloudFormation } from "./cloudformation";
export { exportCdk } from "./cdk";
export type { ExportFile } from "./types";
