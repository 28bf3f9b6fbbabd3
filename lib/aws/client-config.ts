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
  /**
   * Who the calls are made for, when `roleArn` is assumed: the person's email (or "stevedore" for
   * the server's own work), set as the role session's STS SourceIdentity and its
   * `stevedore-person` session tag, so CloudTrail rows lead back to a person.
   */
  actingFor: z.string().min(1).optional(),
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

/** What the server's own work (pollers, start-up, the CLI) is assumed as. */
export const SYSTEM_SOURCE_IDENTITY = "stevedore";

/** The session tag that names the person a role session acts for. */
export const PERSON_SESSION_TAG = "stevedore-person";

/**
 * STS's SourceIdentity: 2–64 characters of [\w+=,.@-] (AssumeRole's constraints). An email's
 * other characters become "-", a longer one is cut; too short, it is the system's.
 */
export function sourceIdentityOf(who: string): string {
  const s = who.replace(/[^\w+=,.@-]/g, "-").slice(0, 64);
  return s.length >= 2 ? s : SYSTEM_SOURCE_IDENTITY;
}

/** A session tag's value: up to 256 characters of [\p{L}\p{Z}\p{N}_.:/=+\-@] (STS's Tag constraints). */
export function sessionTagValueOf(who: string): string {
  return who.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, "-").slice(0, 256);
}

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
        params: {
          RoleArn: t.roleArn, RoleSessionName: "stevedore", ...(t.externalId ? { ExternalId: t.externalId } : {}),
          // The role's trust policy must allow sts:SetSourceIdentity and sts:TagSession for these.
          SourceIdentity: sourceIdentityOf(t.actingFor ?? SYSTEM_SOURCE_IDENTITY),
          Tags: [{ Key: PERSON_SESSION_TAG, Value: sessionTagValueOf(t.actingFor ?? SYSTEM_SOURCE_IDENTITY) }],
        },
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
