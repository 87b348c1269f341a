/** A small benchmark harness: runs a workload a few times, prints median and worst wall time and heap growth. */
export interface Figure {
  name: string;
  value: number;
  unit: 'ms' | 'MB' | '/s' | '';
  note?: string;
}

export interface Workload {
  name: string;
  run(): Promise<Figure[]> | Figure[];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Times `fn` `repeat` times after one warm-up run. */
export async function time(fn: () => unknown, repeat = 5): Promise<{ median: number; worst: number }> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return { median: percentile(times, 50), worst: Math.max(...times) };
}

export function heapMB(): number {
  return process.memoryUsage().heapUsed / 1048576;
}

/** The process's peak resident memory so far (the OS's high-water mark, so synchronous work is caught too). */
export function peakRssMB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMB(): number {
  return process.memoryUsage().rss / 1048576;
}

/** A deterministic pseudo-random generator (mulberry32), so generated workloads are the same every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runWorkloads(workloads: Workload[], only?: string): Promise<void> {
  for (const workload of workloads) {
    if (only && !workload.name.includes(only)) continue;
    console.log(`\n${workload.name}`);
    for (const figure of await workload.run()) {
      const value = figure.unit === 'ms' || figure.unit === 'MB' ? figure.value.toFixed(1) : figure.value.toFixed(0);
      console.log(`  ${figure.name.padEnd(44)} ${value.padStart(10)} ${figure.unit}${figure.note ? `   (${figure.note})` : ''}`);
    }
  }
}
