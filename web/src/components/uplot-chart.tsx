import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { chartOptions, type ChartOverlay } from '../chart-options.js';

interface Props {
  label: string;
  /** [times ms, values, expected?], times ascending. */
  data: uPlot.AlignedData;
  overlay: ChartOverlay;
  height?: number;
}

/**
 * The imperative uPlot instance behind a React face. The plot is built once per series shape
 * and then only fed new data, so 2 s polling does not rebuild the canvas or lose the cursor.
 */
export function UPlotChart({ label, data, overlay, height = 260 }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const overlayRef = useRef(overlay);
  overlayRef.current = overlay;
  const dataRef = useRef(data);
  dataRef.current = data;
  const withExpected = data.length > 2;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const options = chartOptions({ width: Math.max(320, element.clientWidth), height, label, withExpected, overlay: () => overlayRef.current });
    const instance = new uPlot(options, dataRef.current, element);
    plot.current = instance;
    const resize = new ResizeObserver(() => instance.setSize({ width: Math.max(320, element.clientWidth), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      plot.current = null;
    };
  }, [label, withExpected, height]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  // The window or shading moved (the incident grew or resolved): rescale and repaint.
  const { fromMs, toMs, shadeStartMs, shadeEndMs } = overlay;
  useEffect(() => {
    plot.current?.setScale('x', { min: fromMs, max: toMs });
  }, [fromMs, toMs, shadeStartMs, shadeEndMs]);

  return <div ref={container} className="uplot-host" />;
}
