export { EnvironmentNetworkInputSchema, readEnvironmentNetwork } from "./read-network";
