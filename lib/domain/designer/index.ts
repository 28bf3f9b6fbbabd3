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
// autoLayout (elkjs) is imported from "./auto-layout" directly, so bundles load it only when used.
export * from "./hit-test";
export * from "./fields";
export * from "./raw-json";
export * from "./merge";
export * from "./sample-design";
export * from "./edge-kind";
export * from "./nest";
export * from "./revision-diff";
