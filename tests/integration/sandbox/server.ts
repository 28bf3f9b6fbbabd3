import { EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { listenSandbox } from "@/lib/sandbox/node-server";
import { MemoryStore, Mutex, type SandboxDeps } from "@/lib/sandbox/store";
import { initialState } from "@/lib/sandbox/core/state";

// lib/sandbox/node-server.ts in front of the same handlers the Next routes use; the clock is frozen
// (speed 0) so tests move simulated time only by stepping through the control API.
export async function startSandbox(region = "us-east-1") {
  const realNow = 1_700_000_000_000;
  const store = new MemoryStore();
  await store.save({ ...initialState(realNow, 7), clock: { speed: 0, realAnchor: realNow, simAnchor: realNow } });
  const deps: SandboxDeps = { store, mutex: new Mutex(), now: () => realNow };
  const { url, close: closeServer } = await listenSandbox(deps);
  const credentials = { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" };
  const ecs = new ECSClient({ endpoint: url, region, maxAttempts: 1, credentials });
  // Every service at the one endpoint, as AWS_ENDPOINT_URL=<origin>/sandbox/aws points them.
  const endpoint = `${url}/sandbox/aws`;
  const aws = {
    endpoint,
    ecs: new ECSClient({ endpoint, region, maxAttempts: 1, credentials }),
    elbv2: new ElasticLoadBalancingV2Client({ endpoint, region, maxAttempts: 1, credentials }),
    ec2: new EC2Client({ endpoint, region, maxAttempts: 1, credentials }),
  };
  async function control(body: Record<string, unknown>) {
    const res = await fetch(`${url}/control`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const json = await res.json();
    if (!res.ok) throw new Error(`${json.__type}: ${json.message}`);
    return json;
  }
  const step = (seconds: number) => control({ action: "step", seconds });
  const close = async () => {
    ecs.destroy();
    aws.ecs.destroy();
    aws.elbv2.destroy();
    aws.ec2.destroy();
    await closeServer();
  };
  return { url, ecs, aws, control, step, close, deps };
}

/** The error a call fails with (and a failure of the test if it succeeds). */
export async function rejection<E = Error>(call: Promise<unknown>): Promise<E> {
  try {
    await call;
  } catch (e) {
    return e as E;
  }
  throw new Error("expected the call to fail");
}
