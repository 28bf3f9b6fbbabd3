import { LEARN_REGION } from "@/lib/domain/learn";
import { TARGET_PREFIX, handleControlRequest, handleEcsRequest } from "@/lib/sandbox/http";
import type { SandboxDeps } from "@/lib/sandbox/store";
import { sandboxDeps } from "../sandbox";

/** An ECS (or control API) error as the sandbox answered it. */
export class SandboxCallError extends Error {
  constructor(readonly type: string, message: string, readonly op: string) {
    super(message);
    this.name = "SandboxCallError";
  }
}

/** The calls lessons make; tests give operations one over an in-memory sandbox. */
export type LearnSandbox = {
  ecs<T = Record<string, unknown>>(op: string, input: Record<string, unknown>): Promise<T>;
  control<T = Record<string, unknown>>(input: Record<string, unknown>): Promise<T>;
};

// The sandbox reads the region from the SigV4 scope; lessons use a region of their own.
const AUTH = `AWS4-HMAC-SHA256 Credential=learn/20260101/${LEARN_REGION}/ecs/aws4_request, SignedHeaders=host, Signature=0`;

function parse<T>(op: string, res: { status: number; body: string }): T {
  const body = res.body ? JSON.parse(res.body) : {};
  if (res.status >= 400) throw new SandboxCallError(String(body.__type ?? "Error"), String(body.message ?? "The sandbox refused the call."), op);
  return body as T;
}

/** The app's own sandbox, called in-process through the same handlers as its HTTP routes. */
export function appSandbox(deps: SandboxDeps = sandboxDeps()): LearnSandbox {
  return {
    async ecs(op, input) {
      const res = await handleEcsRequest({
        headers: { "x-amz-target": `${TARGET_PREFIX}${op}`, authorization: AUTH, "content-type": "application/x-amz-json-1.1" },
        body: JSON.stringify(input),
      }, deps);
      return parse(op, res);
    },
    async control(input) {
      const res = await handleControlRequest({ headers: { "content-type": "application/json" }, body: JSON.stringify(input) }, deps);
      return parse(String(input.action), res);
    },
  };
}
