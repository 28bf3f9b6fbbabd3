#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the CLI and the app share lib/domain without a build
// step. The checkout's tsconfig is used whatever the current directory is. The package is not
// "type": "module", so .ts files load as CommonJS: tsx's CommonJS hook is registered as well.
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";
import { register as registerCjs } from "tsx/cjs/api";

// The AWS SDK warns on every run that releases after January 2027 will need Node 22. The locked
// versions keep working on Node 20; in a CLI whose output pipelines read, the warning is noise.
// (DEVELOPERS.md notes the upgrade.)
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

const tsconfig = fileURLToPath(new URL("../tsconfig.json", import.meta.url));
register({ tsconfig });
registerCjs({ tsconfig });
await import("../cli/main.ts");
