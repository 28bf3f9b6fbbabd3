import type { RuleFinding, TaskDefinitionRule } from "../types";
import { containerIndexByName, containersOf, cpath, keepOnly, listWords } from "./task-definition-util";

export const mountPoints: TaskDefinitionRule = {
  id: "mount-points",
  title: "Mount points and volumesFrom name existing volumes and containers",
  severity: "error",
  scope: "taskDefinition",
  check(td) {
    const out: RuleFinding[] = [];
    let volumes: Set<string> | undefined;
    let byName: Map<string, number> | undefined;
    containersOf(td).forEach((c, i) => {
      c.mountPoints?.forEach((mp, j) => {
        volumes ??= new Set((td.volumes ?? []).map((v) => v.name));
        if (!mp.sourceVolume) {
          out.push({
            path: cpath(i, "mountPoints", j, "sourceVolume"), container: c.name,
            message: `Mount point ${j + 1} of "${c.name}" names no sourceVolume; ECS needs to know which of the task's volumes to mount.`,
            fix: { description: volumes.size > 0 ? `Set sourceVolume to ${volumes.size > 1 ? "one of " : ""}${listWords([...volumes])}.` : "Add a volume to the task definition and name it in sourceVolume." },
          });
        } else if (!volumes.has(mp.sourceVolume)) {
          out.push({
            path: cpath(i, "mountPoints", j, "sourceVolume"), container: c.name,
            message: `"${c.name}" mounts volume "${mp.sourceVolume}", but the task definition has no volume of that name${volumes.size > 0 ? ` (it has ${listWords([...volumes])})` : ""}; ECS rejects the task definition.`,
            fix: { description: `Add a volume named "${mp.sourceVolume}" to the task definition, or name an existing one.` },
          });
        }
        if (!mp.containerPath) {
          out.push({
            path: cpath(i, "mountPoints", j, "containerPath"), container: c.name,
            message: `Mount point ${j + 1} of "${c.name}" has no containerPath: ECS needs the path inside the container where the volume appears.`,
            fix: { description: "Set containerPath, e.g. /data." },
          });
        }
      });
      c.volumesFrom?.forEach((vf, j) => {
        byName ??= containerIndexByName(td);
        const source = vf.sourceContainer;
        const idx = source === undefined ? undefined : byName.get(source);
        if (idx !== undefined && idx !== i) return;
        out.push({
          path: cpath(i, "volumesFrom", j, "sourceContainer"), container: c.name,
          message: idx === i
            ? `"${c.name}" takes volumes from itself; volumesFrom mounts the volumes of another container of the task.`
            : source === undefined
              ? `volumesFrom entry ${j + 1} of "${c.name}" names no sourceContainer.`
              : `"${c.name}" takes volumes from "${source}", which is not a container of this task definition.`,
          fix: { description: "Name another container of this task, or remove the entry.", edits: [keepOnly(cpath(i, "volumesFrom"), c.volumesFrom ?? [], (_, k) => k !== j)] },
        });
      });
    });
    return out;
  },
};
