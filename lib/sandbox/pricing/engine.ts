import type { Call, EngineResult } from "../core/engine";
import { AwsError } from "../core/errors";
import type { SandboxState } from "../core/types";
import { describeServices, getAttributeValues, getProducts } from "./products";

// One Price List call on the pure engine. The catalogue is the same in every Region and never
// changes with the world, so a call reads no world and hands back the state it was given (the
// edge saves nothing).
const HANDLERS: Readonly<Record<string, (input: unknown) => unknown>> = {
  GetProducts: getProducts,
  DescribeServices: describeServices,
  GetAttributeValues: getAttributeValues,
};

export function handleOperation(state: SandboxState, call: Call): EngineResult {
  const op = Object.hasOwn(HANDLERS, call.op) ? HANDLERS[call.op] : undefined;
  if (!op) return { state, error: new AwsError("UnknownOperationException", `Unknown operation ${call.op}`) };
  try {
    return { state, output: op(call.input) };
  } catch (e) {
    if (e instanceof AwsError) return { state, error: e };
    throw e;
  }
}
