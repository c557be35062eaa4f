/** A line on stderr every 10 % so a long run shows it is alive. */
export function progress(total: number): (run: number) => void {
  const step = Math.max(1, Math.floor(total / 10));
  const t0 = performance.now();
  return (run) => {
    if (run % step === 0) process.stderr.write(`fuzz: ${run}/${total} (${Math.round((performance.now() - t0) / 1000)} s)\n`);
  };
}
