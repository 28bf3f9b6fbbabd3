import { ApplicationAutoScalingClient } from "@aws-sdk/client-application-auto-scaling";
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { EC2Client } from "@aws-sdk/client-ec2";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { IAMClient } from "@aws-sdk/client-iam";
import { CloudWatchLogsClient } from "@aws-sdk/client-cloudwatch-logs";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { ServiceDiscoveryClient } from "@aws-sdk/client-servicediscovery";
import { SchedulerClient } from "@aws-sdk/client-scheduler";
import { randomBytes } from "node:crypto";
import { SignatureV4 } from "@smithy/signature-v4";
import { listenSandbox } from "@/lib/sandbox/node-server";
import { NodeSha256 } from "@/lib/sandbox/signature";
import { MemoryStore, Mutex, type SandboxDeps } from "@/lib/sandbox/store";
import { initialState } from "@/lib/sandbox/core/state";

// lib/sandbox/node-server.ts in front of the same handlers the Next routes use; the clock is frozen
// (speed 0) so tests move simulated time only by stepping through the control API.
export async function startSandbox(region = "us-east-1") {
  const realNow = 1_700_000_000_000;
  const store = new MemoryStore();
  await store.save({ ...initialState(realNow, 7), clock: { speed: 0, realAnchor: realNow, simAnchor: realNow } });
  const deps: SandboxDeps = { store, mutex: new Mutex(), now: () => realNow };
  // Every AWS call is signed (SigV4) with this key and checked by the server, as the app checks
  // a person's sandbox access key.
  const credentials = testAccessKey();
  const { url, close: closeServer } = await listenSandbox(deps, { accessKeys: new Map([[credentials.accessKeyId, credentials.secretAccessKey]]) });
  const ecs = new ECSClient({ endpoint: url, region, maxAttempts: 1, credentials });
  // Every service at the one endpoint, as AWS_ENDPOINT_URL=<origin>/sandbox/aws points them.
  const endpoint = `${url}/sandbox/aws`;
  const aws = {
    endpoint,
    ecs: new ECSClient({ endpoint, region, maxAttempts: 1, credentials }),
    elbv2: new ElasticLoadBalancingV2Client({ endpoint, region, maxAttempts: 1, credentials }),
    ec2: new EC2Client({ endpoint, region, maxAttempts: 1, credentials }),
    iam: new IAMClient({ endpoint, region, maxAttempts: 1, credentials }),
    logs: new CloudWatchLogsClient({ endpoint, region, maxAttempts: 1, credentials }),
    // DiscoverInstances goes to `data-servicediscovery…` on AWS (a host prefix): not at one endpoint.
    servicediscovery: new ServiceDiscoveryClient({ endpoint, region, maxAttempts: 1, credentials, disableHostPrefix: true }),
    autoscaling: new ApplicationAutoScalingClient({ endpoint, region, maxAttempts: 1, credentials }),
    // restJson1: the operation is the method and the path below the endpoint.
    scheduler: new SchedulerClient({ endpoint, region, maxAttempts: 1, credentials }),
    cloudwatch: new CloudWatchClient({ endpoint, region, maxAttempts: 1, credentials }),
    // EC2 Auto Scaling (awsQuery), not Application Auto Scaling.
    ec2AutoScaling: new AutoScalingClient({ endpoint, region, maxAttempts: 1, credentials }),
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
    aws.iam.destroy();
    aws.logs.destroy();
    aws.servicediscovery.destroy();
    aws.autoscaling.destroy();
    aws.scheduler.destroy();
    aws.cloudwatch.destroy();
    aws.ec2AutoScaling.destroy();
    await closeServer();
  };
  /** A hand-made request, signed with the sandbox's key for `service` (for bodies no SDK would send). */
  const signedFetch = (path: string, init: SignedInit) => signedRequest(`${url}${path}`, { region, ...init }, credentials);
  return { url, ecs, aws, control, step, close, deps, credentials, signedFetch };
}

/** A fresh key in IAM's shape: AKIA and 16 of [A-Z2-7], a 40-character secret. */
export function testAccessKey() {
  const B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  return { accessKeyId: "AKIA" + Array.from(randomBytes(16), (b) => B32[b & 31]).join(""), secretAccessKey: randomBytes(30).toString("base64") };
}

export type SignedInit = { service: string; region?: string; body: string | Uint8Array; headers?: Record<string, string> };

/** The headers of a POST of `init.body` to `url`, signed with `credentials` the way the SDKs sign (SigV4, in the Authorization header). */
export async function signedHeaders(url: string, init: SignedInit, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<Record<string, string>> {
  const u = new URL(url);
  const region = init.region ?? "us-east-1";
  const signer = new SignatureV4({ credentials, region, service: init.service, sha256: NodeSha256 });
  const signed = await signer.sign({
    method: "POST", protocol: u.protocol, hostname: u.hostname, port: Number(u.port) || undefined, path: u.pathname,
    query: Object.fromEntries(u.searchParams), headers: { host: u.host, ...(init.headers ?? {}) }, body: init.body,
  });
  return signed.headers as Record<string, string>;
}

/** POST `init.body` to `url`, signed with `credentials`. */
export async function signedRequest(url: string, init: SignedInit, credentials: { accessKeyId: string; secretAccessKey: string }): Promise<Response> {
  const headers = await signedHeaders(url, init, credentials);
  return fetch(url, { method: "POST", headers, body: typeof init.body === "string" ? init.body : Buffer.from(init.body) });
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
