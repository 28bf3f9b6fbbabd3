import type { JsonService } from "../protocols/json-1-1";
import { handleOperation } from "./engine";

// ECS as its protocol adapter (awsJson1_1) serves it.
export const ECS_API: JsonService = {
  signingName: "ecs",
  targetPrefix: "AmazonEC2ContainerServiceV20141113.",
  clientErrorType: "ClientException",
  engine: handleOperation,
};
