// A Stevedore server process for apply-kill.test.ts, run with `node --import tsx`: it applies a
// design (mode "apply") or polls a cluster for the monitor (mode "monitor") on the test's
// PostgreSQL database, with the sandbox's state in that database too, and prints "HELD <id>" once
// it has reached the moment the test kills it at. It never exits by itself.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createDb, PostgresSandboxStore } from "@/lib/db";
import { ApplyRunner, planForEnvironment, startApply } from "@/lib/server/applies";
import { appAwsPorts } from "@/lib/server/aws-ports";
import { createAppContext } from "@/lib/server/context";
import { loadEnvironmentRow } from "@/lib/server/environments";
import { MonitorHub, monitorClientFor } from "@/lib/server/monitor";
import { Mutex } from "@/lib/sandbox/store";
import { gatedPorts } from "./gated-ecs";

/** This script's path, for the test to start it with. */
export const KILL_CHILD = fileURLToPath(import.meta.url);

async function main(mode: string | undefined) {
  const { CHILD_DB_URL, CHILD_ENV_ID, CHILD_DESIGN_ID, CHILD_CLUSTER, CHILD_HOLDER } = process.env;
  const db = await createDb({ url: CHILD_DB_URL!, migrate: false });
  const sandbox = { store: new PostgresSandboxStore(db), mutex: new Mutex(), now: () => Date.now() };
  if (mode === "apply") {
    // Held once ECS has created the "web" service: done in the account, not yet recorded.
    const gate = gatedPorts(appAwsPorts(sandbox), (op, input) => op === "createService" && input.serviceName === "web");
    const ctx = await createAppContext({ db, sandbox, aws: gate.aws, applies: new ApplyRunner({ holder: CHILD_HOLDER, heartbeatMs: 200 }) });
    const input = { designId: CHILD_DESIGN_ID!, environmentId: CHILD_ENV_ID! };
    const p = await planForEnvironment({ ctx, input });
    const { id } = await startApply({ ctx, input: { ...input, designVersion: p.designVersion, fingerprint: p.fingerprint, waitForSteady: false } });
    await gate.reached;
    console.log(`HELD ${id}`);
  } else if (mode === "monitor") {
    // Held in the middle of the second poll, after the first one was recorded.
    let describes = 0;
    const gate = gatedPorts(appAwsPorts(sandbox), (op) => op === "describeServices" && ++describes === 2);
    const ctx = await createAppContext({ db, sandbox, aws: gate.aws });
    const env = await loadEnvironmentRow(ctx, CHILD_ENV_ID!);
    const hub = new MonitorHub({ db: async () => db, ecsFor: () => async () => monitorClientFor(ctx, env), holder: CHILD_HOLDER, intervalMs: 200 });
    const poller = await hub.poller(env.id, CHILD_CLUSTER!);
    void poller.touch();
    await gate.reached;
    console.log(`HELD ${poller.ref.cluster}`);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
}

if (path.resolve(process.argv[1] ?? "") === KILL_CHILD) {
  // Stays up until killed, like a server (the held call and the heartbeat timers alone would not keep it).
  setInterval(() => {}, 60_000);
  main(process.argv[2]).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
