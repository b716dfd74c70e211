import type { Page } from "playwright-core";

/**
 * How responsive a page stays, measured by the page itself: its long tasks (Chromium's
 * PerformanceObserver "longtask"), the animation frames it painted, and the values the
 * check's progress bar showed in them. `installPagePerf` goes into page.addInitScript, so
 * it runs before the page's own scripts.
 */

export interface PagePerf {
  longTasks: { start: number; duration: number }[];
  frames: number[];
  /** Distinct values the check's progress bar showed in painted frames, in order. */
  progress: number[];
}

/** Runs in the page (serialised by Playwright): no closure over this module. */
export function installPagePerf(): void {
  const perf: PagePerf = { longTasks: [], frames: [], progress: [] };
  (window as unknown as { __perf: PagePerf }).__perf = perf;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      perf.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: "longtask", buffered: true });
  const frame = (time: number): void => {
    perf.frames.push(time);
    const value = document.querySelector("[role=progressbar]")?.getAttribute("aria-valuenow");
    if (value !== null && value !== undefined) {
      const n = Number(value);
      if (perf.progress[perf.progress.length - 1] !== n) perf.progress.push(n);
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export function pagePerf(page: Page): Promise<PagePerf> {
  return page.evaluate(() => (window as unknown as { __perf: PagePerf }).__perf);
}

export interface Phase {
  name: string;
  ms: number;
  frames: number;
  /** The longest time between two painted frames. */
  longestGapMs: number;
  longestTaskMs: number;
  longTasks: number;
}

/** Runs `action` and measures it in the page: time, frames painted, long tasks. */
export async function measure(
  page: Page,
  name: string,
  action: () => Promise<void>,
): Promise<Phase> {
  const start = await page.evaluate(() => performance.now());
  await action();
  const end = await page.evaluate(() => performance.now());
  const perf = await pagePerf(page);
  const frames = perf.frames.filter((t) => t >= start && t <= end);
  const times = [start, ...frames, end];
  let longestGapMs = 0;
  for (let i = 1; i < times.length; i++) {
    longestGapMs = Math.max(longestGapMs, times[i] - times[i - 1]);
  }
  const tasks = perf.longTasks.filter((t) => t.start + t.duration >= start && t.start <= end);
  return {
    name,
    ms: Math.round(end - start),
    frames: frames.length,
    longestGapMs: Math.round(longestGapMs),
    longestTaskMs: Math.round(Math.max(0, ...tasks.map((t) => t.duration))),
    longTasks: tasks.length,
  };
}

export function describePhase(p: Phase): string {
  return (
    `${p.name}: ${p.ms} ms, ${p.frames} frames, longest frame gap ${p.longestGapMs} ms, ` +
    `longest task ${p.longestTaskMs} ms (${p.longTasks} long tasks)`
  );
}
