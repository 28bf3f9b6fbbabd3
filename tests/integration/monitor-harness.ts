import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ECSClient } from "@aws-sdk/client-ecs";
import { createEcsPort } from "@/lib/aws";
import { initialState } from "@/lib/sandbox/core/state";
import { handleControlRequest, handleEcsRequest } from "@/lib/sandbox/http";
import { MemoryStore, Mutex, type SandboxDeps } from "@/lib/sandbox/store";
import { monitorEcsOver, type MonitorEcs, type Scheduler } from "@/lib/server/monitor";

// The sandbox behind a node:http server that counts every ECS request by X-Amz-Target, so the
// monitor's calls are measured where ECS would see them; the monitor reaches it through the
// real @aws-sdk/client-ecs (through lib/aws's port). The sandbox clock is frozen: time
// moves only by `step`.

export async function startCountingSandbox(region = "us-east-1") {
  const realNow = 1_700_000_000_000;
  const store = new MemoryStore();
  await store.save({ ...initialState(realNow, 7), clock: { speed: 0, realAnchor: realNow, simAnchor: realNow } });
  const deps: SandboxDeps = { store, mutex: new Mutex(), now: () => realNow };
  const calls: Record<string, number> = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const control = req.url?.startsWith("/control");
      if (!control) {
        const op = String(req.headers["x-amz-target"] ?? "").split(".").pop()!;
        calls[op] = (calls[op] ?? 0) + 1;
      }
      const out = await (control ? handleControlRequest : handleEcsRequest)({ headers: req.headers, body: Buffer.concat(chunks) }, deps);
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const credentials = { accessKeyId: "AKIDSANDBOX", secretAccessKey: "sandbox-secret" };
  const sdk = new ECSClient({ endpoint: url, region, maxAttempts: 1, credentials });
  const port = createEcsPort({ region, endpoint: url, credentials, maxAttempts: 1 });
  const ecs: MonitorEcs = monitorEcsOver(port);
  async function control(body: Record<string, unknown>) {
    const res = await fetch(`${url}/control`, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } });
    const json = await res.json();
    if (!res.ok) throw new Error(`${json.__type}: ${json.message}`);
    return json;
  }
  return {
    url, sdk, ecs, control, calls,
    step: (seconds: number) => control({ action: "step", seconds }),
    resetCalls: () => { for (const k of Object.keys(calls)) delete calls[k]; },
    totalCalls: () => Object.values(calls).reduce((a, b) => a + b, 0),
    close: async () => {
      sdk.destroy();
      port.destroy();
      server.closeAllConnections?.();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Timers the test fires by hand, so "one interval" is a step, not a sleep. */
export function manualScheduler() {
  const due: (() => void)[] = [];
  const scheduler: Scheduler = {
    after(_ms, fn) {
      due.push(fn);
      return () => { const i = due.indexOf(fn); if (i >= 0) due.splice(i, 1); };
    },
  };
  return { scheduler, pending: () => due.length, fire: () => due.splice(0).forEach((f) => f()) };
}

/** A clock the test moves. */
export function manualClock(start = Date.parse("2026-11-28T08:00:00Z")) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => { t += ms; } };
}
