/** `node:perf_hooks` in the browser: the platform's `performance`. */
export const performance = globalThis.performance;
