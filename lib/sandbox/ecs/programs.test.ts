import { describe, expect, it } from "vitest";
import { containerCommand, containerEnvironment, programOf, shellWords } from "./programs";

describe("programOf", () => {
  it("plays a shell script: lines at their times, the exit code it names", () => {
    expect(programOf(["sh", "-c", "echo migrating; sleep 2; echo 'done, 3 rows'; exit 3"])).toEqual({
      lines: [{ at: 0, text: "migrating" }, { at: 2000, text: "done, 3 rows" }], exitAt: 2000, exitCode: 3,
    });
  });

  it("exits with the last command's status, and && skips after a failure", () => {
    expect(programOf(["/bin/sh", "-c", "false"])?.exitCode).toBe(1);
    expect(programOf(["sh", "-c", "false && echo never"])).toEqual({ lines: [], exitAt: 0, exitCode: 1 });
    expect(programOf(["echo", "hello", "world"])).toEqual({ lines: [{ at: 0, text: "hello world" }], exitAt: 0, exitCode: 0 });
  });

  it("prints printf's lines and wraps exit codes as a shell does", () => {
    expect(programOf(["sh", "-c", "printf 'a %s\\nb\\n' x; exit 257"])).toEqual({ lines: [{ at: 0, text: "a x" }, { at: 0, text: "b" }], exitAt: 0, exitCode: 1 });
  });

  it("leaves anything else running: servers, unknown programs, no command", () => {
    expect(programOf(["node", "server.js"])).toBeUndefined();
    expect(programOf(["sh", "-c", "echo hi; exec nginx"])).toBeUndefined();
    expect(programOf(undefined)).toBeUndefined();
    expect(programOf(["sh", "-c", "echo 'unclosed"])).toBeUndefined();
  });
});

describe("containerCommand", () => {
  const def = { name: "app", entryPoint: ["sh", "-c"], command: ["node server.js"] };
  it("uses the override's command in place of the definition's, after the entry point", () => {
    expect(containerCommand(def, { containerOverrides: [{ name: "app", command: ["exit 4"] }] }, "app")).toEqual(["sh", "-c", "exit 4"]);
    expect(containerCommand(def, { containerOverrides: [{ name: "other", command: ["exit 4"] }] }, "app")).toEqual(["sh", "-c", "node server.js"]);
    expect(containerCommand({ name: "x" }, undefined, "x")).toBeUndefined();
  });
});

describe("the container's environment", () => {
  it("expands $NAME and ${NAME} from the definition's variables and the override's over them, not inside '…'", () => {
    const env = containerEnvironment({ environment: [{ name: "MODE", value: "all" }, { name: "DB", value: "main" }] }, { containerOverrides: [{ name: "app", environment: [{ name: "MODE", value: "once" }] }] }, "app");
    expect(programOf(["sh", "-c", "echo \"$MODE on ${DB}\" '$MODE' $UNSET."], env)?.lines).toEqual([{ at: 0, text: "once on main $MODE ." }]);
  });
});

describe("shellWords", () => {
  it("splits on blanks and keeps quoted text together", () => {
    expect(shellWords(`echo "a  b" 'c' d\\ e`)).toEqual(["echo", "a  b", "c", "d e"]);
  });
});
