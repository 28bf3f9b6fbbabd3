// .dockerignore as Docker reads it (https://docs.docker.com/build/concepts/context/#dockerignore-files):
// one pattern a line; `#` starts a comment line; patterns are cleaned like Go's filepath.Clean
// (leading and trailing slashes dropped, `.` and `..` resolved); matching follows Go's
// filepath.Match (`*` any run of non-separator characters, `?` one, `[…]` a class) plus `**`
// for any number of directories; `!` makes an exception; the LAST matching line decides; and a
// pattern that matches a directory excludes everything under it.

type Rule = { negate: boolean; regex: RegExp };

function clean(path: string): string {
  const parts: string[] = [];
  for (const p of path.split("/")) {
    if (p === "" || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return parts.join("/");
}

function globToRegex(pattern: string): RegExp {
  let re = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        // `**` matches any number of directories (zero included); `**/` likewise.
        i++;
        if (pattern[i + 1] === "/") { i++; re += "(?:.*/)?"; } else re += ".*";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) { re += "\\["; continue; }
      let cls = pattern.slice(i + 1, end);
      if (cls.startsWith("^") || cls.startsWith("!")) cls = "^" + cls.slice(1);
      re += `[${cls.replace(/\\/g, "\\\\")}]`;
      i = end;
    } else if (c === "\\" && i + 1 < pattern.length) { re += `\\${pattern[++i]}`; }
    else re += c.replace(/[.+^${}()|\]\\]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}

export function parseDockerignore(text: string): Rule[] {
  const rules: Rule[] = [];
  for (const line of text.split(/\r?\n/)) {
    let p = line.trim();
    if (p === "" || p.startsWith("#")) continue;
    const negate = p.startsWith("!");
    if (negate) p = p.slice(1).trim();
    p = clean(p);
    if (p === "") continue;
    rules.push({ negate, regex: globToRegex(p) });
  }
  return rules;
}

/** Whether a context path (relative, `/`-separated) is left out of the build context. */
export function isIgnored(rules: Rule[], path: string): boolean {
  const target = clean(path);
  // The path itself and each of its parent directories: excluding `node_modules` excludes `node_modules/x/y.js`.
  const parts = target.split("/");
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join("/"));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((c) => rule.regex.test(c))) ignored = !rule.negate;
  }
  return ignored;
}

/** COPY's source patterns use the same Go filepath.Match rules: https://docs.docker.com/reference/dockerfile/#copy */
export function matchesGlob(pattern: string, path: string): boolean {
  return globToRegex(clean(pattern)).test(clean(path));
}

export { clean as cleanPath };
