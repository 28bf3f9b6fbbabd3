// What a simulated container's process does, read from its command. The sandbox runs no
// images; it reads the command ECS would hand to the container (a containerOverrides command
// in place of the definition's, after the entryPoint, as Docker joins them) and, when that
// command is a short shell script of the commands below, plays it: each `echo`/`printf` line is
// printed (to the container's awslogs stream) at its time, with `$NAME`/`${NAME}` taken from the
// container's environment (the definition's, then the override's), `sleep N` moves that time on, and the
// process exits with `exit N`, or with the status of its last command (`false` is 1). Any other
// program (a server: `node server.js`, `nginx`, none at all) keeps running until its task is
// stopped, as before. So a one-off task (`sh -c "echo migrating; sleep 2; exit 3"`) runs to
// STOPPED with its own exit code and lines, and a service's long-lived containers keep running.

/** A process the sandbox can play: lines at offsets from its start (ms), then an exit. */
export type Program = { lines: { at: number; text: string }[]; exitAt: number; exitCode: number };

const SHELLS = new Set(["sh", "/bin/sh", "bash", "/bin/bash", "/usr/bin/bash", "ash", "/bin/ash"]);
/** The longest a played `sleep` may last (a one-off task in the sandbox should not outlive a coffee). */
const MAX_SLEEP_S = 3600;

/** Splits a shell statement into words: whitespace separates, '…' and "…" quote, \ escapes, $NAME expands outside '…'. */
export function shellWords(text: string, env: Readonly<Record<string, string>> = {}): string[] | undefined {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const variable = ch === "$" && quote !== "'" ? /^\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/.exec(text.slice(i)) : null;
    if (variable) {
      word += Object.hasOwn(env, variable[1] ?? variable[2]) ? env[variable[1] ?? variable[2]] : "";
      inWord = true;
      i += variable[0].length - 1;
    } else if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === "\\" && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === "\\" && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) return undefined;
  if (inWord) words.push(word);
  return words;
}

/** Statements of a script: separated by `;`, `&&` or new lines (outside quotes), each with how it joins the one before. */
function statements(script: string): { text: string; and: boolean }[] {
  const out: { text: string; and: boolean }[] = [];
  let current = "";
  let and = false;
  let quote: string | undefined;
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      current += ch;
    } else if (ch === ";" || ch === "\n" || (ch === "&" && script[i + 1] === "&")) {
      if (current.trim()) out.push({ text: current.trim(), and });
      and = ch === "&";
      if (ch === "&") i++;
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push({ text: current.trim(), and });
  return out;
}

/** `printf`'s format with its escapes (\n, \t, \\) and %s filled from the arguments, as lines. */
function printfLines(args: string[]): string[] {
  const [format = "", ...rest] = args;
  let k = 0;
  const text = format.replace(/%s|%d|\\n|\\t|\\\\/g, (m) => (m === "\\n" ? "\n" : m === "\\t" ? "\t" : m === "\\\\" ? "\\" : rest[k++] ?? ""));
  return text.split("\n").filter((l, i, all) => i < all.length - 1 || l !== "");
}

/**
 * The program a command runs, or undefined when it is a long-lived one (anything but a script
 * of echo, printf, sleep, exit, true, false and `:`).
 */
export function programOf(argv: readonly string[] | undefined, env: Readonly<Record<string, string>> = {}): Program | undefined {
  if (!argv || argv.length === 0) return undefined;
  const script = SHELLS.has(argv[0]) && argv[1] === "-c" ? argv[2] : argv.map((a) => (/[\s'"]/.test(a) ? `'${a.replace(/'/g, "")}'` : a)).join(" ");
  if (script === undefined) return undefined;
  const lines: Program["lines"] = [];
  let at = 0;
  let status = 0;
  for (const st of statements(script)) {
    const words = shellWords(st.text, env);
    if (!words || words.length === 0) return undefined;
    if (st.and && status !== 0) continue;
    const [cmd, ...args] = words;
    switch (cmd) {
      case "echo": {
        const noNewline = args[0] === "-n";
        lines.push({ at, text: (noNewline ? args.slice(1) : args).join(" ") });
        status = 0;
        break;
      }
      case "printf":
        for (const text of printfLines(args)) lines.push({ at, text });
        status = 0;
        break;
      case "sleep": {
        const seconds = Number(args[0]);
        if (!Number.isFinite(seconds) || seconds < 0) return undefined;
        at += Math.min(seconds, MAX_SLEEP_S) * 1000;
        status = 0;
        break;
      }
      case "true":
      case ":":
        status = 0;
        break;
      case "false":
        status = 1;
        break;
      case "exit": {
        const code = args[0] === undefined ? status : Number(args[0]);
        if (!Number.isInteger(code)) return undefined;
        return { lines, exitAt: at, exitCode: ((code % 256) + 256) % 256 };
      }
      default:
        return undefined;
    }
  }
  return { lines, exitAt: at, exitCode: status };
}

type Json = Record<string, unknown>;

/**
 * The command a container runs: its entryPoint followed by its command, a containerOverrides
 * command replacing the definition's (RunTask `overrides.containerOverrides[].command`).
 */
export function containerCommand(definition: Json | undefined, overrides: Json | undefined, name: string): string[] | undefined {
  const override = ((overrides?.containerOverrides as Json[] | undefined) ?? []).find((o) => o.name === name);
  const command = (override?.command as string[] | undefined) ?? (definition?.command as string[] | undefined) ?? [];
  const entryPoint = (definition?.entryPoint as string[] | undefined) ?? [];
  const argv = [...entryPoint, ...command];
  return argv.length ? argv : undefined;
}

/** A container's environment: its definition's variables, then the override's (RunTask `containerOverrides[].environment`) over them. */
export function containerEnvironment(definition: Json | undefined, overrides: Json | undefined, name: string): Record<string, string> {
  const override = ((overrides?.containerOverrides as Json[] | undefined) ?? []).find((o) => o.name === name);
  const env: Record<string, string> = Object.create(null);
  for (const list of [definition?.environment, override?.environment]) {
    for (const v of (list as { name?: string; value?: string }[] | undefined) ?? []) if (v.name) env[v.name] = v.value ?? "";
  }
  return env;
}
