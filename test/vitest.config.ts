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
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "corpus",
          root,
          include: ["test/corpus/**/*.test.ts"],
          setupFiles: ["test/support/setup.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
