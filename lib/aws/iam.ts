import { IAMClient, ListRolesCommand, type Role } from "@aws-sdk/client-iam";
import { IAM_LIMITS, type IamOperation } from "../domain/aws-limits";
import { clientConfig, type AwsTarget } from "./client-config";
import { inProcessConfig, type InProcessHandler } from "./in-process";
import { createPacer, noPacer, type Pacer } from "./pacer";
import { allPages, createAwsPort, type AwsPort } from "./port";

const COMMANDS = { ListRoles: ListRolesCommand } satisfies Record<IamOperation, unknown>;

/** The IAM reads a designer needs: the account's roles (every page), for the role pickers. */
export interface IamPort {
  listRoles(): Promise<Role[]>;
  destroy(): void;
}

export function iamPortOver(client: IAMClient, pacer: Pacer): IamPort {
  const port: AwsPort<typeof COMMANDS> = createAwsPort({ client, commands: COMMANDS, limits: IAM_LIMITS, pacer });
  return {
    listRoles: () => allPages(async (Marker) => {
      const r = await port.send("ListRoles", { MaxItems: IAM_LIMITS.operations.ListRoles.page, Marker });
      return { items: r.Roles, nextToken: r.IsTruncated ? r.Marker : undefined };
    }),
    destroy: () => port.destroy(),
  };
}

/** IAM of an AWS account (or any implementation at `endpoint`), paced unless a shared pacer is given. */
export function createIamPort(target: AwsTarget, pacer: Pacer = createPacer(IAM_LIMITS.buckets)): IamPort {
  return iamPortOver(new IAMClient(clientConfig(target)), pacer);
}

/** The app's own sandbox (its /sandbox/aws handler), through the real IAM client with its HTTP layer replaced by `handle`. */
export function createInProcessIamPort(handle: InProcessHandler, region: string): IamPort {
  return iamPortOver(new IAMClient(inProcessConfig(handle, region, "/sandbox/aws")), noPacer);
}
