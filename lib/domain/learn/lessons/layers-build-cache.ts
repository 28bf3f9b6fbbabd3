import { STARTER } from "../../lab/starter";
import { catalogEntry } from "../catalog";
import type { Lesson } from "../types";
import { builtOnce, fullyCachedRebuild, sourceChangeRebuild } from "./lab-checks";
import { starterDesign } from "./starters";

export const layersBuildCache: Lesson = {
  ...catalogEntry("layers-build-cache"),
  summary: "Each filesystem step of a Dockerfile makes a layer, and the builder keeps every layer it made. Build, rebuild, change one file: see which steps are reused and why the others run again.",
  recap: [
    "FROM, RUN, COPY and ADD make filesystem layers; ENV, EXPOSE, CMD and LABEL only change the image's config.",
    "A step is reused from the cache only when the same instruction ran after the same steps, and for COPY only when the copied files have the same checksums.",
    "Once one step misses the cache, every step after it runs again, even if its own text did not change.",
  ],
  concepts: ["images-and-layers"],
  starter: starterDesign({}),
  lab: STARTER,
  steps: [
    {
      id: "first-build",
      title: "Build the image once",
      goal: "The lab holds a small Node.js service and its Dockerfile. Press Build and read the steps: the base image is pulled, and every step runs because the cache is empty.",
      hints: ["Press the Build button above the empty build area."],
      check: { kind: "lab", check: builtOnce },
    },
    {
      id: "rebuild-cached",
      title: "Build again without changing anything",
      goal: "Press Build once more. Nothing changed, so every step should come from the cache: they all say CACHED, and the build takes a fraction of a second.",
      hints: ["Do not edit the Dockerfile or any file between the two builds."],
      check: { kind: "lab", check: fullyCachedRebuild },
    },
    {
      id: "change-source",
      title: "Change one source file and rebuild",
      goal: "Open src/index.js in the build context, change the greeting, and build. COPY . . runs again because a copied file's checksum changed, and so does everything after it, npm ci included.",
      hints: ["Click src/index.js in the build context list to edit it, then press Build."],
      check: { kind: "lab", check: sourceChangeRebuild },
    },
    {
      id: "why-npm-ran",
      title: "Explain what you just saw",
      goal: "Look at why RUN npm ci ran in that last build.",
      hints: ["Read the Why column of the RUN npm ci step."],
      check: {
        kind: "question",
        question: "package.json did not change, yet RUN npm ci ran again. Why?",
        choices: [
          { id: "after-miss", text: "The step before it (COPY . .) missed the cache, and every step after a miss runs again.", correct: true, why: "" },
          { id: "always-runs", text: "RUN steps always run: the builder cannot know what they would download.", why: "Your second build showed RUN npm ci as CACHED: a RUN is reused when the same text ran after the same steps." },
          { id: "node-modules", text: "The builder saw that node_modules inside the image was out of date.", why: "The cache never looks at what a RUN left behind; only COPY and ADD compare files, and only the ones they copy." },
        ],
      },
    },
  ],
};
