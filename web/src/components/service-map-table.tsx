/** The map as tables: every node and edge the canvas draws, readable without it (screen readers, copy, tests). */
import { KIND_SHAPES } from '../map-format.js';
import type { MapEdge, MapNode } from '../types.js';
import { HealthBadge } from './health-badge.js';
import { MapStatsCells, MapStatsHeads } from './map-stats-cells.js';

interface Props {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  highlight: readonly string[];
  selected: string | undefined;
  onSelect: (name: string) => void;
}

export function ServiceMapTable({ nodes, edges, highlight, selected, onSelect }: Props) {
  return (
    <div className="map-tables">
      <table className="table" data-testid="map-nodes">
        <caption className="table-caption">Nodes · {nodes.length}</caption>
        <thead>
          <tr>
            <th>Name</th>
            <th>Kind</th>
            <th>Health</th>
            <MapStatsHeads />
            <th className="num">Instances</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.name} data-testid="map-node-row" className={node.name === selected ? 'row-selected' : highlight.includes(node.name) ? 'row-highlight' : undefined}>
              <td>
                <button className="link-button" onClick={() => onSelect(node.name)}>
                  <strong>{node.name}</strong>
                </button>
              </td>
              <td title={KIND_SHAPES[node.kind].label}>
                {node.kind}
                {node.system ? <span className="muted"> · {node.system}</span> : null}
              </td>
              <td>
                <HealthBadge health={node.health} />
              </td>
              <MapStatsCells stats={node.stats} />
              <td className="num">{node.instances.length || <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table" data-testid="map-edges">
        <caption className="table-caption">Edges · {edges.length}</caption>
        <thead>
          <tr>
            <th>Caller → callee</th>
            <th>Kind</th>
            <MapStatsHeads />
          </tr>
        </thead>
        <tbody>
          {edges.map((edge) => (
            <tr key={`${edge.caller}→${edge.callee}`} data-testid="map-edge-row">
              <td>
                {edge.caller} → {edge.callee}
              </td>
              <td title={`stats from the ${edge.observedBy}'s spans`}>{edge.kind}</td>
              <MapStatsCells stats={edge.stats} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
