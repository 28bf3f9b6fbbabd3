export { exportTerraform } from "./terraform";
export { exportCloudFormation } from "./cloudformation";
export type { ExportFile } from "./types";
