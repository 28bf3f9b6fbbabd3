import { describe, expect, it } from "vitest";
import { isIgnored, parseDockerignore } from "./dockerignore";

// Each row: a .dockerignore, a path, whether Docker leaves it out of the context.
// Rules: https://docs.docker.com/build/concepts/context/#dockerignore-files
const ROWS: [string, string, boolean, string][] = [
  ["node_modules", "node_modules/express/index.js", true, "a matched directory excludes what is under it"],
  ["node_modules", "src/node_modules.js", false, "patterns match whole path elements from the context root"],
  ["*.md", "README.md", true, "* matches within one path element"],
  ["*.md", "docs/guide.md", false, "* does not cross a slash"],
  ["**/*.md", "docs/deep/guide.md", true, "** matches any number of directories"],
  ["**/*.md", "README.md", true, "** matches zero directories too"],
  ["/dist/", "dist/app.js", true, "leading and trailing slashes are cleaned away"],
  ["*.log\n!keep.log", "keep.log", false, "! makes an exception"],
  ["!keep.log\n*.log", "keep.log", true, "the last matching line decides"],
  ["# comment\n.git", ".git/HEAD", true, "comments are skipped"],
  ["temp?", "temp1", true, "? matches one character"],
  ["temp?", "temp12", false, "? matches exactly one character"],
  ["[ab].txt", "b.txt", true, "character classes"],
  ["./secrets/../.env", ".env", true, "patterns are cleaned like filepath.Clean"],
];

describe(".dockerignore", () => {
  it.each(ROWS)("%j and %s → ignored %s (%s)", (file, path, ignored) => {
    expect(isIgnored(parseDockerignore(file), path)).toBe(ignored);
  });
});
