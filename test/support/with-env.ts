/**
 * Runs `f` with these environment variables set (undefined: unset), and puts them back
 * afterwards (test files share a process).
 */
export async function withEnv<T>(vars: Record<string, string | undefined>, f: () => Promise<T>): Promise<T> {
  const set = (vs: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(vs)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  set(vars);
  try {
    return await f();
  } finally {
    set(saved);
  }
}
