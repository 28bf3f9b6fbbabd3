import { envNotFound, getExecReadiness, TaskRefSchema } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: TaskRefSchema, ids: ["envId"], notFound: envNotFound };

/** The task's ECS Exec readiness (exec enabled, task role's ssmmessages, agent, platform) and the execute-command line to copy. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/tasks/[task]/exec", INPUT, async (input, ctx) => Response.json(await getExecReadiness({ ctx, input })));
