import { fromIni, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@smithy/types";
import { z } from "zod";

/**
 * Where an environment's calls go and as whom. Without `credentials` the SDK walks its default
 * chain (env, SSO, shared files, container and instance roles); `profile` picks a named profile;
 * `roleArn` assumes that role from those credentials through STS, refreshed before it expires.
 * Static `credentials` are for the sandbox's placeholders (the CLI), never stored.
 */
export const AwsTargetSchema = z.object({
  region: z.string().min(1),
  endpoint: z.url().optional(),
  profile: z.string().min(1).optional(),
  roleArn: z.string().min(1).optional(),
  externalId: z.string().min(1).optional(),
  credentials: z.object({ accessKeyId: z.string(), secretAccessKey: z.string(), sessionToken: z.string().optional() }).optional(),
  maxAttempts: z.number().int().min(1).max(20).optional(),
});
export type AwsTarget = z.infer<typeof AwsTargetSchema>;

export type BaseClientConfig = {
  region: string;
  retryMode: "adaptive";
  maxAttempts: number;
  endpoint?: string;
  profile?: string;
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
};

/** The settings every AWS client of Stevedore shares: adaptive retries back off on throttling others cause. */
export function clientConfig(t: AwsTarget): BaseClientConfig {
  return {
    region: t.region,
    retryMode: "adaptive",
    maxAttempts: t.maxAttempts ?? 8,
    ...(t.endpoint ? { endpoint: t.endpoint } : {}),
    ...(t.profile ? { profile: t.profile } : {}),
    ...(t.credentials ? { credentials: t.credentials } : {}),
    ...(t.roleArn ? {
      credentials: fromTemporaryCredentials({
        params: { RoleArn: t.roleArn, RoleSessionName: "stevedore", ...(t.externalId ? { ExternalId: t.externalId } : {}) },
        ...(t.profile ? { masterCredentials: fromIni({ profile: t.profile }) } : {}),
        clientConfig: { region: t.region },
      }),
    } : {}),
  };
}

/** The account of an ARN (`arn:aws:ecs:eu-west-1:123456789012:cluster/main`). */
export function accountOfArn(arn: string | undefined): string | undefined {
  const part = arn?.split(":")[4];
  return part && /^\d{12}$/.test(part) ? part : undefined;
}
