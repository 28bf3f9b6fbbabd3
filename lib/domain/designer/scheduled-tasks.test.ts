import { describe, expect, it } from "vitest";
import { validateDesign } from "../rules";
import { addNodeAt } from "./add-node";
import { duplicate } from "./clipboard";
import { canConnect, connect } from "./connect";
import { buildEdges, disconnect } from "./edges";
import { FIELD_GROUPS, fieldPaths } from "./fields";
import { removeNodes } from "./remove";
import { rename } from "./rename";
import { resolveNode } from "./resolve";
import type { EditResult } from "./result";
import { addScheduledTask } from "./scheduled-tasks";
import { sampleDesign } from "./test-fixtures";
import { toFlow } from "./to-flow";

const ok = (r: EditResult) => {
  if (!r.ok) throw new Error(r.reason);
  return r.design;
};

const withSchedule = () => {
  const r = addScheduledTask(sampleDesign(), { at: { x: 900, y: 0 } });
  return { design: r.design, id: r.id };
};

describe("scheduled task node", () => {
  it("is added from the palette at the drop point, empty, with findings that say what is missing", () => {
    const r = addNodeAt(sampleDesign(), [], [], "scheduledTask", { x: 1000, y: 100 }, "drop");
    if (!r.ok) throw new Error(r.reason);
    const t = r.design.scheduledTasks![0];
    expect(t).toMatchObject({ name: "nightly-job", cluster: "", taskDefinition: "", scheduleExpression: "", launchType: "FARGATE", taskCount: 1 });
    expect(r.design.layout[r.id]).toEqual({ x: 890, y: 58 });
    const node = toFlow(r.design, validateDesign(r.design)).nodes.find((n) => n.id === r.id)!;
    expect(node.type).toBe("scheduledTask");
    expect(node.data.summary).toMatchObject({ name: "nightly-job", expression: "", enabled: true, taskCount: 1, launchType: "FARGATE" });
    expect(node.data.findings.error).toBeGreaterThanOrEqual(3);
  });

  it("connects to its task definition and cluster in either direction, drawing one edge each, and disconnecting clears the field", () => {
    const { design, id } = withSchedule();
    expect(canConnect(design, id, "svc-web")).toMatchObject({ ok: false });
    const a = connect(design, id, "td-web");
    if (!a.ok) throw new Error(a.reason);
    const b = connect(a.design, "cl-main", id);
    if (!b.ok) throw new Error(b.reason);
    expect(b.design.scheduledTasks![0]).toMatchObject({ taskDefinition: "web", cluster: "main" });
    expect(canConnect(b.design, id, "td-web")).toEqual({ ok: false, reason: "The schedule already runs this task definition." });
    const edges = buildEdges(b.design).filter((e) => e.data.kind === "schedule");
    expect(edges.map((e) => [e.id, e.source, e.target, e.label])).toEqual([[`sched-td|${id}`, id, "td-web", "runs"], [`sched-cl|${id}`, id, "cl-main", "in"]]);
    const d = disconnect(b.design, `sched-cl|${id}`);
    expect(d.scheduledTasks![0]).toMatchObject({ taskDefinition: "web", cluster: "" });
  });

  it("a typed rate expression clears the expression finding", () => {
    const { design, id } = withSchedule();
    const has = (d: typeof design) => validateDesign(d).some((f) => f.resource.id === id && f.ruleId === "scheduled-task-expression");
    expect(has(design)).toBe(true);
    expect(has({ ...design, scheduledTasks: [{ ...design.scheduledTasks![0], scheduleExpression: "rate(5 minutes)" }] })).toBe(false);
  });

  it("renames with Scheduler's name rules and follows cluster and family renames", () => {
    const { design, id } = withSchedule();
    const linked = ok(connect(ok(connect(design, id, "td-web")), id, "cl-main"));
    expect(rename(linked, id, "nightly.report_2")).toMatchObject({ ok: true });
    expect(rename(linked, id, "bad name")).toEqual({ ok: false, reason: "Use 1–64 letters, digits, hyphens, underscores and periods." });
    const renamed = ok(rename(ok(rename(linked, "cl-main", "prod")), "td-web", "report"));
    expect(renamed.scheduledTasks![0]).toMatchObject({ cluster: "prod", taskDefinition: "report" });
  });

  it("duplicates with a free name and a new id, and is removed with its layout", () => {
    const { design, id } = withSchedule();
    const dup = duplicate(design, [id]);
    expect(dup.ids).toHaveLength(1);
    expect(dup.design.scheduledTasks!.map((t) => t.name)).toEqual(["nightly-job", "nightly-job-2"]);
    expect(resolveNode(dup.design, dup.ids[0])?.kind).toBe("scheduledTask");
    const gone = removeNodes(dup.design, [id]);
    expect(gone.removed).toEqual([id]);
    expect(gone.design.scheduledTasks!.map((t) => t.name)).toEqual(["nightly-job-2"]);
    expect(gone.design.layout[id]).toBeUndefined();
  });

  it("its form renders every field the rules point at", () => {
    const { design } = withSchedule();
    const paths = fieldPaths(FIELD_GROUPS.scheduledTask!, design.scheduledTasks![0]);
    for (const p of ["scheduleExpression", "scheduleExpressionTimezone", "cluster", "taskDefinition", "roleArn", "taskCount", "launchType",
      "networkConfiguration.awsvpcConfiguration.subnets", "overrides.containerOverrides"]) {
      expect(paths).toContain(p);
    }
  });
});
