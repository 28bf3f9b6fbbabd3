#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the CLI and the app share lib/domain without a build
// step. The checkout's tsconfig is used whatever the current directory is. The package is not
// "type": "module", so .ts files load as CommonJS: tsx's CommonJS hook is registered as well.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";
import { register as registerCjs } from "tsx/cjs/api";

const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
register({ tsconfig });
registerCjs({ tsconfig });
await import("../cli/main.ts");
