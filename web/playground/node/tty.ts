/** `node:tty` in the browser: no terminal. */
export const isatty = (): boolean => false;
