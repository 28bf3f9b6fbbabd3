import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleAwsRequest, handleControlRequest, handleEcsRequest, refusalAnswer, sandboxCall, signatureRefusal } from "./http";
import { verifySignature } from "./signature";
import type { SandboxDeps } from "./store";

// A bare node:http server in front of the same handlers the Next routes use: the integration
// tests and the benchmark point the real SDK clients at it. As in the app, `/sandbox/aws`
// serves every sandboxed service (ECS, ELBv2, EC2) and `/control` (or `/sandbox/control`) the
// control API; every other path is the ECS endpoint.

export type SandboxServer = { url: string; server: Server; close(): Promise<void> };

export type ListenOptions = {
  host?: string;
  port?: number;
  /** Told the operation of every ECS request (e.g. "CreateService"), for counting calls (query services: their Action). */
  observe?: (operation: string) => void;
  /**
   * Access key id → secret: AWS calls must be signed (SigV4) with one of these, checked as the
   * app checks personal sandbox access keys (refusals in AWS's own shape). The control API is
   * the test's own and stays open.
   */
  accessKeys?: ReadonlyMap<string, string>;
};

/** A streamed answer (StartLiveTail's event stream) written as it comes; a closed connection cancels it. */
async function pipeStream(body: ReadableStream<Uint8Array>, res: ServerResponse) {
  const reader = body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done || res.destroyed) break;
    res.write(value);
  }
  res.end();
}

export async function listenSandbox(deps: SandboxDeps, opts: ListenOptions = {}): Promise<SandboxServer> {
  const host = opts.host ?? "127.0.0.1";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        const path = req.url ?? "/";
        const control = path.startsWith("/control") || path.startsWith("/sandbox/control");
        const body = Buffer.concat(chunks);
        const target = req.headers["x-amz-target"];
        if (!control && opts.observe) {
          if (typeof target === "string") opts.observe(target.slice(target.lastIndexOf(".") + 1));
          else {
            const action = new URLSearchParams(body.toString("utf8")).get("Action");
            if (action) opts.observe(action);
          }
        }
        const aws = path.startsWith("/sandbox/aws");
        const handler = control ? handleControlRequest : aws ? handleAwsRequest : handleEcsRequest;
        const keys = opts.accessKeys;
        let out: Awaited<ReturnType<typeof handler>> | undefined;
        const q = path.indexOf("?");
        const arrived = { method: req.method ?? "POST", path: q < 0 ? path : path.slice(0, q), query: q < 0 ? "" : path.slice(q + 1), headers: req.headers, body };
        if (!control && keys) {
          const verified = await verifySignature(arrived, (id) => Promise.resolve(keys.get(id)), Date.now());
          if (!verified.ok) {
            const call = sandboxCall(aws ? "aws" : "ecs", arrived);
            out = refusalAnswer(call, signatureRefusal(call, verified.failure));
          }
        }
        out ??= await handler(arrived, deps);
        res.writeHead(out.status, out.headers);
        if (out.stream) await pipeStream(out.stream, res);
        else res.end(out.body);
      } catch (e) {
        res.writeHead(500, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "ServerException" });
        res.end(JSON.stringify({ __type: "ServerException", message: e instanceof Error ? e.message : "Internal error" }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, host, resolve));
  const url = `http://${host}:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });
  return { url, server, close };
}
