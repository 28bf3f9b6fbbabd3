import { STARTER } from "../../lab/starter";
import { catalogEntry } from "../catalog";
import type { Lesson } from "../types";
import { aptInOneRun, contextKeepsOut, installSurvivesSourceChange, MB } from "./lab-checks";
import { starterDesign } from "./starters";

export const dockerfileOrder: Lesson = {
  ...catalogEntry("dockerfile-order"),
  summary: "Put what changes rarely first and what changes often last: copy the package files and install before copying the source, keep the context small, and update and install packages in one RUN.",
  recap: [
    "Copying package.json and the lock file first, installing, then copying the source keeps the slow install CACHED when only code changes.",
    "A .dockerignore keeps node_modules, .git and other clutter out of the context, so COPY . . copies less and changes less often.",
    "apt-get update must share its RUN with apt-get install, or a cached update layer serves stale package lists; removing the lists in the same RUN keeps them out of the image.",
  ],
  concepts: ["images-and-layers"],
  starter: starterDesign({}),
  lab: STARTER,
  steps: [
    {
      id: "install-before-source",
      title: "Install before copying the source",
      goal: "Change the Dockerfile so it copies package.json and package-lock.json, runs npm ci, and only then copies the rest. Build, change src/index.js, build again: npm ci should stay CACHED.",
      hints: [
        "Replace COPY . . above the install with COPY package.json package-lock.json ./ and add COPY . . after RUN npm ci.",
        "Two builds are needed: one with the new order, then one after editing only src/index.js.",
      ],
      check: { kind: "lab", check: installSurvivesSourceChange },
    },
    {
      id: "dockerignore",
      title: "Keep the context small",
      goal: "The context carries node_modules (installed on your laptop) and .git. Add a .dockerignore file to the build context that leaves both out, and build.",
      hints: ["Add a file with the path .dockerignore and two lines: node_modules and .git"],
      check: { kind: "lab", check: (run) => contextKeepsOut(run, [/^node_modules(\/|$)/, /^\.git(\/|$)/], 1 * MB) },
    },
    {
      id: "apt-one-run",
      title: "Update and install packages in one RUN",
      goal: "The service needs curl. Switch to node:18-bullseye-slim (Debian, with apt) and install curl in ONE RUN: apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*. Build.",
      hints: [
        "Alpine has apk, not apt-get: change FROM to node:18-bullseye-slim first.",
        "Put the RUN before COPY . . so a source change does not reinstall curl.",
      ],
      check: { kind: "lab", check: aptInOneRun },
    },
  ],
};
