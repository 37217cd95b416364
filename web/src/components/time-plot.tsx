import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import type { TimeWindow } from '../explorer-query.js';

/** What a plot's options are built from; `overlay` is read at draw time, so new data needs only a redraw. */
export interface TimePlotInput<O extends TimeWindow> {
  width: number;
  height: number;
  overlay: () => O;
}

interface Props<O extends TimeWindow> {
  /** Builds the plot's options; called again only when `shape` or `height` changes. */
  build: (input: TimePlotInput<O>) => uPlot.Options;
  /** Identifies what the options depend on (e.g. the series label): a new shape is a new plot. */
  shape: string;
  data: uPlot.AlignedData;
  /** The x window and whatever else the options draw over the data (episodes). */
  overlay: O;
  height: number;
  className: string;
  testId?: string;
  /** Narrowest the canvas gets, whatever its container says. @default 320 */
  minWidth?: number;
  /** Changes when something the options draw over the data moved (an incident's shading): repaint. */
  redrawKey?: string;
}

/**
 * One time-series plot: the imperative uPlot instance behind a React face (the metric
 * explorer's charts, the log pattern sparklines, an incident's evidence chart). It is built once per shape and then only fed
 * new data, so 2 s polling does not rebuild the canvas or lose the cursor.
 */
export function TimePlot<O extends TimeWindow>({ build, shape, data, overlay, height, className, testId, minWidth = 320, redrawKey }: Props<O>) {
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
    const width = (): number => Math.max(minWidth, element.clientWidth);
    const instance = new uPlot(buildRef.current({ width: width(), height, overlay: () => overlayRef.current }), dataRef.current, element);
    plot.current = instance;
    const resize = new ResizeObserver(() => instance.setSize({ width: width(), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      plot.current = null;
    };
  }, [shape, height, minWidth]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  // The window or what is drawn over the data moved without new data: rescale and repaint.
  const { fromMs, toMs } = overlay;
  useEffect(() => {
    plot.current?.setScale('x', { min: fromMs, max: toMs });
  }, [fromMs, toMs, redrawKey]);

  return <div ref={container} className={className} data-testid={testId} />;
}
