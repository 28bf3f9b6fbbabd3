import type { LabFile, LabState } from "./build-types";

// What the lab opens with: a small Node.js web service whose Dockerfile copies everything
// before installing, so the first edit a learner makes shows the cache at work.

const deps = ["express", "pino", "pino-http", "zod", "helmet", "cors", "compression", "dotenv", "pg", "ioredis", "jsonwebtoken", "bcryptjs", "uuid", "date-fns", "lodash", "axios", "prom-client", "undici", "ajv", "yaml"];
const devDeps = ["typescript", "vitest", "eslint", "prettier", "@types/node", "@types/express", "tsx", "nodemon"];

const PACKAGE_JSON = JSON.stringify({
  name: "shop-web", version: "1.0.0", private: true,
  scripts: { start: "node src/index.js", build: "tsc -p ." },
  dependencies: Object.fromEntries(deps.map((d) => [d, "*"])),
  devDependencies: Object.fromEntries(devDeps.map((d) => [d, "*"])),
}, null, 2);

export const STARTER_FILES: LabFile[] = [
  { path: "package.json", size: PACKAGE_JSON.length, content: PACKAGE_JSON },
  { path: "package-lock.json", size: 212_480, content: "{ \"lockfileVersion\": 3 }" },
  { path: "src/index.js", size: 1_840, content: "const express = require(\"express\");\nconst app = express();\napp.get(\"/\", (_req, res) => res.send(\"Hello from the shop\"));\napp.listen(3000);\n" },
  { path: "src/routes.js", size: 3_120, content: "module.exports = {};\n" },
  { path: "README.md", size: 2_400, content: "# shop-web\n" },
  { path: "node_modules/express/index.js", size: 48_000_000, content: "(installed on the laptop: 48 MB of modules)" },
  { path: ".git/HEAD", size: 6_200_000, content: "ref: refs/heads/main" },
];

export const STARTER_DOCKERFILE = `FROM node:18-alpine
WORKDIR /app
COPY . .
RUN npm ci --omit=dev
ENV NODE_ENV=production
EXPOSE 3000
CMD ["node", "src/index.js"]
`;

export const STARTER: LabState = { dockerfile: STARTER_DOCKERFILE, files: STARTER_FILES };
