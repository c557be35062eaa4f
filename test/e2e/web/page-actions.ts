/** What the browser tests of the web app (server and playground) do to a page: type a search, take a screenshot. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { ROOT } from "../../support/cli.js";

const OUT = join(ROOT, "test-output");

/** Replaces the search bar's text, as a user selecting all and typing. */
export async function typeSearch(page: Page, text: string): Promise<void> {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
  // Off the text: no hover tooltip over the screenshots.
  await page.mouse.move(1, 1);
}

/** A full-page screenshot in test-output/<name>.png (a failed screenshot only warns). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true }).catch((e: Error) => console.warn(`no screenshot: ${e.message}`));
}
