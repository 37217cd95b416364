import { HEALTH_COLOURS, HEALTH_LABELS, KIND_SHAPES } from '../map-format.js';
import type { HealthState, MapNode } from '../types.js';

/** What the colours, shapes and dashes of the map mean. */
export function ServiceMapLegend() {
  return (
    <ul className="map-legend" aria-label="Legend">
      {(Object.keys(HEALTH_COLOURS) as HealthState[]).map((state) => (
        <li key={state}>
          <span className="legend-swatch" style={{ background: HEALTH_COLOURS[state] }} /> {HEALTH_LABELS[state]}
        </li>
      ))}
      {(Object.keys(KIND_SHAPES) as Array<MapNode['kind']>).map((kind) => (
        <li key={kind}>
          <span className={`legend-shape legend-shape-${kind}`} /> {KIND_SHAPES[kind].label}
        </li>
      ))}
      <li>
        <span className="legend-line" /> call · <span className="legend-line legend-line-dashed" /> message; labels: rate · p95
      </li>
    </ul>
  );
}
