import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { ExplorerChartInput, ExplorerOverlay } from '../explorer-chart-options.js';

interface Props {
  /** Builds the plot's options; called again only when `shape` or `height` changes. */
  build: (input: ExplorerChartInput) => uPlot.Options;
  /** Identifies what the options depend on (e.g. the series label): a new shape is a new plot. */
  shape: string;
  data: uPlot.AlignedData;
  overlay: ExplorerOverlay;
  height: number;
  className: string;
  testId: string;
}

/**
 * One explorer chart: the imperative uPlot instance behind a React face. It is built once per
 * shape and then only fed new data, so 2 s polling does not rebuild the canvas or lose the
 * cursor. Episodes arrive with the data and are read at draw time, so setData repaints them.
 */
export function ExplorerPlot({ build, shape, data, overlay, height, className, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const overlayRef = useRef(overlay);
  overlayRef.current = overlay;
  const dataRef = useRef(data);
  dataRef.current = data;
  const buildRef = useRef(build);
  buildRef.current = build;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const width = (): number => Math.max(320, element.clientWidth);
    const instance = new uPlot(buildRef.current({ width: width(), height, overlay: () => overlayRef.current }), dataRef.current, element);
    plot.current = instance;
    const resize = new ResizeObserver(() => instance.setSize({ width: width(), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      plot.current = null;
    };
  }, [shape, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  // The window moved without new data (a fixed window was changed): rescale and repaint.
  const { fromMs, toMs } = overlay;
  useEffect(() => {
    plot.current?.setScale('x', { min: fromMs, max: toMs });
  }, [fromMs, toMs]);

  return <div ref={container} className={className} data-testid={testId} />;
}
