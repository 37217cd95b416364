import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { ChartSpec } from '../report-charts.js';

/**
 * One static uPlot chart (a report does not change while shown): built when its spec changes,
 * resized with its container.
 */
export function ReportChart({ spec, testId, title }: { spec: ChartSpec; testId: string; title: string }) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = (): number => Math.max(280, element.clientWidth);
    const plot = new uPlot(spec.options(width()), spec.data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: width(), height: plot.height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec]);
  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <div ref={container} data-testid={testId} />
    </figure>
  );
}
