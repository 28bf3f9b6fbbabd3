import type { Engine, EngineResult } from "./core/engine";
import { DEFAULT_REGION, initialState } from "./core/state";
import type { SandboxState, World } from "./core/types";
import { handleControl, type ControlInput } from "./ecs/control";
import { handleOperation as autoScalingOperation } from "./application-autoscaling/engine";
import { handleOperation as ec2AutoScalingOperation } from "./autoscaling/engine";
import { handleOperation as cloudWatchOperation } from "./cloudwatch/engine";
import { handleOperation as ec2Operation } from "./ec2/engine";
import { handleOperation } from "./ecs/engine";
import { handleOperation as elbv2Operation } from "./elbv2/engine";
import { handleOperation as logsOperation } from "./logs/engine";
import { handleOperation as cloudMapOperation } from "./servicediscovery/engine";

// A sandbox driven directly through the pure engine with a frozen, stepped clock: the unit
// and property tests' harness. `call` is ECS, `cloudMap` Cloud Map, `logs` CloudWatch Logs, `cloudwatch` CloudWatch and `autoscaling` Application Auto Scaling (JSON); `ec2`, `elbv2` and `ec2AutoScaling` (EC2 Auto Scaling) take their inputs as the query
// protocol reads them (wire member names; numbers and booleans may be given as such).
export function steppedSandbox(seed = 1, region = DEFAULT_REGION) {
  const realNow = 1_700_000_000_000;
  let state: SandboxState = { ...initialState(realNow, seed), clock: { speed: 0, realAnchor: realNow, simAnchor: realNow } };
  const unwrap = (r: EngineResult) => {
    state = r.state;
    if (r.error) throw r.error;
    return r.output as any; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const run = (engine: Engine) => (op: string, input: unknown = {}) => unwrap(engine(state, { region, op, input, realNow }));
  return {
    call: run(handleOperation),
    ec2: run(ec2Operation),
    elbv2: run(elbv2Operation),
    logs: run(logsOperation),
    cloudMap: run(cloudMapOperation),
    cloudwatch: run(cloudWatchOperation),
    autoscaling: run(autoScalingOperation),
    ec2AutoScaling: run(ec2AutoScalingOperation),
    control: (input: ControlInput) => unwrap(handleControl(state, input, realNow)),
    step: (seconds: number) => unwrap(handleControl(state, { action: "step", seconds }, realNow)),
    world: (): World => state.worlds[region],
    get state() { return state; },
  };
}

/** The code and message of the AwsError `fn` throws (and a failure of the test if it throws none). */
export function failureOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return { code: (e as { type: string }).type, message: (e as Error).message };
  }
  throw new Error("expected the call to fail");
}
