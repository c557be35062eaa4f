/**
 * What a Node built-in the playground does not have does when called: it throws, with the name,
 * so a code path that needs a file system, a process or a thread says so instead of misbehaving.
 * The engine's modules that import them are bundled (the barrel reaches them) but not called on
 * the playground's paths: ingestText, the EVTX bytes reader, compile and runSearch.
 */
export function unavailable(name: string): (...args: unknown[]) => never {
  return () => {
    throw new Error(`${name} is not available in the browser playground`);
  };
}
