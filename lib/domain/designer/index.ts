// The designer's pure core: every canvas edit is one of these functions on a Design.
export * from "./paths";
export * from "./names";
export * from "./resolve";
export * from "./result";
export * from "./layout";
export * from "./add";
export * from "./rename";
export * from "./move";
export * from "./connect";
export * from "./edges";
export * from "./remove";
export * from "./clipboard";
export * from "./history";
export * from "./summaries";
export * from "./to-flow";
export * from "./target-groups";
export { autoLayout } from "./auto-layout";
export * from "./hit-test";
