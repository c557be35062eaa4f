/**
 * Headless Chromium for the browser tests (the web UI, the hunt report): Debian's `chromium`
 * (MINISPL_CHROMIUM names another) driven by playwright-core. When it is missing or cannot start,
 * callers skip with the reason: Playwright's own browser download does not work on the team's
 * machines.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";

export const CHROMIUM = process.env.MINISPL_CHROMIUM ?? "/usr/bin/chromium";

export type Chromium = typeof import("playwright-core").chromium;

/** playwright-core's Chromium driver, or why it cannot be used. */
export async function loadChromium(): Promise<Chromium | string> {
  if (!existsSync(CHROMIUM)) return `${CHROMIUM} not found (apt-get install chromium, or set MINISPL_CHROMIUM)`;
  const globals = new Set(Object.getOwnPropertyNames(globalThis));
  try {
    return (await import("playwright-core")).chromium;
  } catch (e) {
    return `playwright-core cannot be loaded: ${(e as Error).message}`;
  } finally {
    // playwright-core's bundled zod parks globals (__zod_*) on load; the bundle keeps its own
    // references, and test files must leave no globals behind (support/leak-guard.ts).
    for (const name of Object.getOwnPropertyNames(globalThis)) if (name.startsWith("__zod_") && !globals.has(name)) Reflect.deleteProperty(globalThis, name);
  }
}

export type Launched = { context: BrowserContext; close(): Promise<void> } | { reason: string };

/** A fresh profile without background traffic (on a closed network Chromium otherwise waits on it). */
export async function launchChromium(chromium: Chromium): Promise<Launched> {
  const userDataDir = mkdtempSync(join(tmpdir(), "minispl-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1280, height: 900 },
      timeout: 20_000,
      // Playwright's own signal handlers would outlive the file (support/leak-guard.ts).
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return {
      context,
      close: async () => {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(userDataDir, { recursive: true, force: true });
    // Playwright's message is one line, then the browser's log: keep what it wrote to stderr and
    // how it exited, without the terminal colours.
    const lines = (e as Error).message.replace(/\u001b\[[0-9;]*m/g, "").split("\n").map((l) => l.trim());
    const why = [lines[0], ...lines.filter((l) => l.includes("[err]") || l.includes("did exit"))].slice(0, 6).join(" | ");
    return { reason: `${CHROMIUM} did not start: ${why}` };
  }
}
