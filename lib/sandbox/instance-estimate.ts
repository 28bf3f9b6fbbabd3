// The sandbox's placement as an estimator for the cost model (the server prices designs with it):
// how many instances a capacity provider launches for a design's tasks.
export { providerInstanceNeeds } from "./ecs/instances-needed";
