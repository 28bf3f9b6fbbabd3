import type { LabState } from "../../lab/build-types";
import { catalogEntry } from "../catalog";
import type { Lesson } from "../types";
import { imageAtLeast, MB, slimMultiStage } from "./lab-checks";
import { starterDesign } from "./starters";

const MAIN_GO = "package main\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"/\", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte(\"shop\")) })\n\thttp.ListenAndServe(\":8080\", nil)\n}\n";

const GO_APP: LabState = {
  dockerfile: "FROM golang:1.19\nWORKDIR /src\nCOPY go.mod main.go ./\nRUN CGO_ENABLED=0 go build -o /out/shop .\nEXPOSE 8080\nENTRYPOINT [\"/out/shop\"]\n",
  files: [
    { path: "go.mod", size: 24, content: "module shop\n\ngo 1.23\n" },
    { path: "main.go", size: MAIN_GO.length, content: MAIN_GO },
    { path: "README.md", size: 600, content: "# shop (Go)\n" },
  ],
};

export const multiStageBuilds: Lesson = {
  ...catalogEntry("multi-stage-builds"),
  summary: "The Go toolchain is needed to build the binary, not to run it. A multi-stage build compiles in one stage and copies only the binary into a small final stage.",
  recap: [
    "Only the final stage's layers are in the image; earlier stages exist only on the builder.",
    "COPY --from=<stage> copies files out of an earlier stage, so the compiler, caches and sources stay behind.",
    "BuildKit skips stages the final image does not need, and a smaller image pulls faster on every new task.",
  ],
  concepts: ["images-and-layers"],
  starter: starterDesign({}),
  lab: GO_APP,
  steps: [
    {
      id: "single-stage",
      title: "Build the single-stage image",
      goal: "This Dockerfile builds a Go web server on golang:1.19 and ships it there. Build it and look at the image size and its layers.",
      hints: ["Press Build and read the total under the layer table."],
      check: { kind: "lab", check: (run) => imageAtLeast(run, 200 * MB) },
    },
    {
      id: "multi-stage",
      title: "Ship only the binary",
      goal: "Name the first stage (FROM golang:1.19 AS build), then add a second stage FROM alpine:3.17 that copies /out/shop from it and runs it. Build: the image should be under 30 MB.",
      hints: [
        "The second stage: FROM alpine:3.17, then COPY --from=build /out/shop /shop, then ENTRYPOINT [\"/shop\"].",
        "Only the last stage becomes the image, so put the small one last.",
      ],
      check: { kind: "lab", check: (run) => slimMultiStage(run, 30 * MB) },
    },
    {
      id: "where-did-it-go",
      title: "Explain what you just saw",
      goal: "Compare the two layer tables.",
      hints: ["Which stage's layers are listed for the final image?"],
      check: {
        kind: "question",
        question: "The golang image is almost 300 MB. Where did it go in the multi-stage image?",
        choices: [
          { id: "stayed-behind", text: "It stayed in the build stage: only the final stage's layers are in the image.", correct: true, why: "" },
          { id: "compressed", text: "Docker compressed the toolchain layers into the final image.", why: "Layers are always compressed for a push; the final image simply has no golang layers at all — look at its layer table." },
          { id: "deleted", text: "The alpine image deletes the toolchain when the container starts.", why: "Nothing is deleted at run time: the final image never had the toolchain, because only the last stage's layers are in it." },
        ],
      },
    },
  ],
};
