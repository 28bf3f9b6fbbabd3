import { getContext, type Ctx } from "../context";
import { appMonitorHub } from "./app-hub";
import type { MonitorHub } from "./hub";

export type MonitorCtx = Ctx & { hub: MonitorHub };

export async function getMonitorContext(): Promise<MonitorCtx> {
  return { ...(await getContext()), hub: appMonitorHub() };
}
