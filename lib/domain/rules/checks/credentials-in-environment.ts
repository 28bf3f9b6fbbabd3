import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containersOf, cpath } from "./task-definition-util";

// Names are split into words (DB_PASSWORD, dbPassword, db-password → DB_PASSWORD) before matching.
const CAMEL = /([a-z0-9])([A-Z])/g;
const SEPARATORS = /[^A-Za-z0-9]+/g;
const CREDENTIAL_WORDS = /(?:^|_)(PASSWORD|PASSWD|PASSPHRASE|SECRET|SECRETS|TOKEN|ACCESS_KEY|ACCESSKEY|API_KEY|APIKEY|PRIVATE_KEY|PRIVATEKEY|SECRET_KEY|CLIENT_SECRET|CREDENTIALS?|AUTH_KEY|SIGNING_KEY|ENCRYPTION_KEY|CONNECTION_STRING)(?:_|$)/;
/** Cheap first look: a name without any of these fragments cannot match CREDENTIAL_WORDS. */
const MAYBE = /pass|secret|token|key|credential|connection/i;
/** Names that point at a credential rather than hold one (a file path, an ARN, a URL…). */
const REFERENCE_SUFFIX = /_(?:FILE|PATH|ARN|URL|URI|ENDPOINT|NAME|TTL|EXPIRY|EXPIRES|EXPIRATION|LENGTH|HEADER|TYPE|ENABLED|REGION|LIMIT|SIZE|COUNT)$/;
const AWS_KEYS = new Set(["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"]);
/** Well-known names that hold a path or a pointer despite their wording. */
const NOT_CREDENTIALS = new Set(["GOOGLE_APPLICATION_CREDENTIALS"]);

export function normalizeEnvName(name: string): string {
  return name.replace(CAMEL, "$1_$2").replace(SEPARATORS, "_").toUpperCase();
}

export function looksLikeCredential(name: string): boolean {
  if (!MAYBE.test(name)) return false;
  const n = normalizeEnvName(name);
  return CREDENTIAL_WORDS.test(n) && !REFERENCE_SUFFIX.test(n) && !NOT_CREDENTIALS.has(n);
}

export const credentialsInEnvironment: TaskDefinitionRule = {
  id: "credentials-in-environment",
  title: "Credentials are passed as secrets, not plain environment variables",
  severity: "warning",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    containersOf(td).forEach((c, i) => {
      c.environment?.forEach((env, j) => {
        const name = env.name;
        // An empty value holds nothing; an ARN value points at a secret rather than being one.
        if (!name || !env.value || env.value.startsWith("arn:") || !looksLikeCredential(name)) return;
        const aws = AWS_KEYS.has(normalizeEnvName(name));
        out.push({
          path: cpath(i, "environment", j, "name"), container: c.name,
          message: aws
            ? `"${c.name}" gets AWS keys in plain environment variable ${name}. Anyone who can describe the task definition can read them, and long-lived keys do not rotate. Containers on ECS get temporary credentials from the task role instead.`
            : `"${c.name}" has ${name} in plain text in its environment. Environment values are stored in the task definition, visible to anyone who can describe it and in every revision. ECS can inject it at start from Secrets Manager or SSM Parameter Store instead.`,
          fix: {
            description: aws
              ? "Remove the key from the environment and give the task a taskRoleArn with the permissions the application needs; the AWS SDKs pick the role up automatically."
              : `Store the value in Secrets Manager or SSM Parameter Store and move ${name} to "secrets" ({ name: "${name}", valueFrom: <secret ARN> }); the execution role needs read access to it.`,
          },
        });
      });
    });
    return out;
  },
};
