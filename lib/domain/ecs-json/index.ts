export * from "./types";
export { importTaskDefinition, exportTaskDefinition, TASK_DEFINITION_READ_ONLY_KEYS } from "./task-definition";
export { importService, exportService, exportCluster } from "./service";
export { exportDesignAsEcs } from "./export-design";
export { importText, detectFormat } from "./import-text";
export { gridLayout } from "./layout";
export { ComposeTargetSchema, type ComposeTarget } from "./compose-target";
