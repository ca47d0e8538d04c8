/**
 * An embedded map keeps its layout from the first paint: no jump when the scripts, the data,
 * the map or the statistics arrive (the partner page's reader sees a stable frame).
 */
import { expect, it } from 'vitest';
import { describeE2E } from './driver';

describeE2E('embed layout', (browser) => {
  for (const viewport of [{ width: 800, height: 600 }, { width: 390, height: 700 }]) {
    it(`embed=1 at ${viewport.width}×${viewport.height}: the layout hardly shifts while it loads`, async () => {
      const app = await browser.open({ query: 'embed=1&basemap=offline', viewport });
      await app.count();
      await app.waitForMapIdle();
      const shifts = await app.page.evaluate(
        () =>
          new Promise<{ sum: number; sources: string[] }>((resolve) => {
            let sum = 0;
            const sources: string[] = [];
            const observer = new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean; sources?: Array<{ node?: Node }> }>) {
                if (entry.hadRecentInput) continue;
                sum += entry.value;
                for (const source of entry.sources ?? []) {
                  const element = source.node instanceof Element ? source.node : source.node?.parentElement;
                  const rects = source as { previousRect?: DOMRectReadOnly; currentRect?: DOMRectReadOnly };
                  const box = (rect?: DOMRectReadOnly) => (rect ? `${Math.round(rect.x)},${Math.round(rect.y)} ${Math.round(rect.width)}×${Math.round(rect.height)}` : '?');
                  sources.push(
                    `${entry.value.toFixed(3)} at ${Math.round(entry.startTime)} ms: ${element?.tagName.toLowerCase() ?? '?'}.${String(element?.className ?? '').split(' ').join('.')} ${box(rects.previousRect)} → ${box(rects.currentRect)}`,
                  );
                }
              }
            });
            observer.observe({ type: 'layout-shift', buffered: true });
            // Buffered entries are delivered in a task of their own: give it a moment.
            window.setTimeout(() => {
              observer.disconnect();
              resolve({ sum, sources });
            }, 500);
          }),
      );
      expect(shifts.sum, shifts.sources.join('\n')).toBeLessThan(0.1);
    });
  }
});
