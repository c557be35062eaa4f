/**
 * This process's peak resident set size in bytes (getrusage ru_maxrss, which Node reports in KB):
 * the kernel's own high-water mark, so a synchronous buildIndex, where no sampling timer can
 * run, is measured exactly.
 */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
