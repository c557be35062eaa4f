/**
 * A minimal `process` global for engine modules that read it at load time (`process.env`,
 * `process.platform`): an empty environment, no arguments. Installed by globals.ts.
 */
export const browserProcess = {
  env: {} as Record<string, string | undefined>,
  argv: [] as string[],
  platform: "browser",
  versions: {} as Record<string, string>,
  cwd: (): string => "/",
  hrtime: Object.assign((): [number, number] => {
    const t = performance.now();
    return [Math.floor(t / 1000), Math.round((t % 1000) * 1e6)];
  }, { bigint: (): bigint => BigInt(Math.round(performance.now() * 1e6)) }),
  memoryUsage: (): { heapUsed: number; rss: number } => ({ heapUsed: 0, rss: 0 }),
  on: (): void => undefined,
  off: (): void => undefined,
  emitWarning: (): void => undefined,
  exitCode: undefined as number | undefined,
};
