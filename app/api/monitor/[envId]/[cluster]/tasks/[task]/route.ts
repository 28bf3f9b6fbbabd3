import { envNotFound, getTaskRun, TaskRefSchema } from "@/lib/server/monitor";
import { inputRoute } from "@/lib/server/route";

export const dynamic = "force-dynamic";

const INPUT = { schema: TaskRefSchema, ids: ["envId"], notFound: envNotFound };

/** One task as a person waits on it (DescribeTasks): status, exit codes, stop reason, and its containers' lines once it started. */
export const GET = inputRoute("GET /api/monitor/[envId]/[cluster]/tasks/[task]", INPUT, async (input, ctx) => Response.json(await getTaskRun({ ctx, input })));
