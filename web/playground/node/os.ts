/** `node:os` in the browser: neutral answers (no home, one "/tmp", the page's core count). */
export const tmpdir = (): string => "/tmp";
export const homedir = (): string => "/";
export const platform = (): string => "browser";
export const release = (): string => "";
export const endianness = (): "LE" => "LE";
export const availableParallelism = (): number => globalThis.navigator?.hardwareConcurrency ?? 1;
export const cpus = (): unknown[] => [];
export const loadavg = (): number[] => [0, 0, 0];
export const totalmem = (): number => 0;
