// Two suites: `unit` (self-contained, runs anywhere) and `corpus` (reads ../shared; fails loudly if absent).
import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  test: {
    root,
    projects: [
      {
        test: {
          name: "unit",
          root,
          include: ["test/unit/**/*.test.ts", "test/cases/**/*.test.ts", "test/e2e/**/*.test.ts", "samples/tests/**/*.test.ts"],
          setupFiles: ["test/support/setup.ts"],
          globalSetup: ["test/support/global-temp.ts"],
          testTimeout: 60_000,
          // One module graph per worker instead of one per file: loading the library through
          // vitest and building the Chevrotain parser cost ~2 s of CPU, which every test file paid
          // again (most of `npm test`). Files must not leave process-wide state behind: the setup
          // file's guard (support/leak-guard.ts) fails a file that does.
          isolate: false,
          // Both cores: vitest's default is one worker less than the cores (here: one), which left
          // a 2-core machine half idle while the e2e files wait on the CLIs they spawn.
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: "corpus",
          root,
          include: ["test/corpus/**/*.test.ts"],
          setupFiles: ["test/support/setup.ts"],
          globalSetup: ["test/support/global-temp.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Both cores: the two long files (the index and chDB differentials, ~4–6 min each) ran
          // one after the other with vitest's default of one worker on a 2-core machine.
          maxWorkers: 2,
        },
      },
    ],
  },
});
