export * from "./model";
export { renderCostText } from "./render";
