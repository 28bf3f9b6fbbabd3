import { ECSClient } from "@aws-sdk/client-ecs";
import { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import { ecsClientConfig, ecsPortOver } from "./ecs-client";
import type { EcsPort } from "./ecs-port";

/** Where an AWS environment's calls go and as whom; never static keys. */
export type AwsTarget = { region: string; endpoint?: string; profile?: string; roleArn?: string; externalId?: string };

/**
 * The SDK's default chain (env vars, SSO, shared files, container and instance roles), or a
 * named profile; with a role ARN, the role is assumed from those credentials through STS and
 * refreshed before it expires.
 */
export function createAwsEcsPort(t: AwsTarget): EcsPort {
  const config = ecsClientConfig({ region: t.region, endpoint: t.endpoint, profile: t.profile });
  if (t.roleArn) {
    config.credentials = fromTemporaryCredentials({
      params: { RoleArn: t.roleArn, RoleSessionName: "stevedore", ...(t.externalId ? { ExternalId: t.externalId } : {}) },
      ...(t.profile ? { masterCredentials: fromIni({ profile: t.profile }) } : {}),
      clientConfig: { region: t.region },
    });
  }
  return ecsPortOver(new ECSClient(config));
}

/** An ECS JSON-protocol handler called in-process (the app's own sandbox): no port, no host to guess. */
export type EcsHandler = (req: { headers: Record<string, string>; body: string }) => Promise<{ status: number; headers: Record<string, string>; body: string }>;

/**
 * The real ECSClient (same serialisation, errors and retries as against AWS) with its HTTP layer
 * replaced by a function call. The sandbox takes any credentials and reads the region from the
 * SigV4 scope, which the signer fills in from `region`.
 */
export function createInProcessEcsPort(handle: EcsHandler, region: string): EcsPort {
  const requestHandler = {
    async handle(request: { headers: Record<string, string>; body?: unknown }) {
      const b = request.body;
      const body = typeof b === "string" ? b : b instanceof Uint8Array ? new TextDecoder().decode(b) : "";
      const res = await handle({ headers: request.headers, body });
      return { response: { statusCode: res.status, headers: res.headers, body: new TextEncoder().encode(res.body) } };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
    destroy() {},
  };
  const client = new ECSClient({
    region, endpoint: "http://sandbox.internal/sandbox/ecs", maxAttempts: 3,
    credentials: { accessKeyId: "stevedore-sandbox", secretAccessKey: "sandbox" },
    requestHandler: requestHandler as unknown as ECSClient["config"]["requestHandler"],
  });
  return ecsPortOver(client);
}

/** The account of an ECS ARN (`arn:aws:ecs:eu-west-1:123456789012:cluster/main`). */
export function accountOfArn(arn: string | undefined): string | undefined {
  const part = arn?.split(":")[4];
  return part && /^\d{12}$/.test(part) ? part : undefined;
}
