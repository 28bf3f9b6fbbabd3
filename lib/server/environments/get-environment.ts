import type { AppContext } from "../context";
import { loadEnvironmentRow, toView } from "./environment-record";
import type { EnvironmentRef } from "./schemas";
import type { EnvironmentView } from "./types";

export async function getEnvironment({ ctx, input }: { ctx: AppContext; input: EnvironmentRef }): Promise<EnvironmentView> {
  return toView(await loadEnvironmentRow(ctx, input.id));
}
