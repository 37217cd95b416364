/**
 * The service map drawn by cytoscape on a canvas, callers left of their callees (breadth-first
 * layers turned sideways). Redraws in place on every poll and lays out again only when nodes or
 * edges come or go, so the picture does not jump. The cytoscape instance is exposed on
 * `window.__opsloopServiceMap` for browser tests, which cannot read a canvas.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import { useEffect, useRef } from 'react';
import { edgeLabel, HEALTH_COLOURS, KIND_SHAPES } from '../map-format.js';
import type { MapEdge, MapNode } from '../types.js';

declare global {
  interface Window {
    __opsloopServiceMap?: Core;
  }
}

interface Props {
  nodes: readonly MapNode[];
  edges: readonly MapEdge[];
  highlight: readonly string[];
  selected: string | undefined;
  onSelect: (name: string) => void;
  /** What a screen reader announces for the canvas, which it cannot read. */
  label?: string;
}

export function ServiceMapCanvas({ nodes, edges, highlight, selected, onSelect, label = 'Service map; the tables below list the same nodes and edges' }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | undefined>(undefined);
  const shape = useRef('');
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  useEffect(() => {
    const instance = cytoscape({ container: container.current, style: STYLE, minZoom: 0.2, maxZoom: 3, wheelSensitivity: 0.3 });
    instance.on('tap', 'node', (event) => onSelectRef.current(String(event.target.id())));
    cy.current = instance;
    window.__opsloopServiceMap = instance;
    return () => {
      if (window.__opsloopServiceMap === instance) delete window.__opsloopServiceMap;
      instance.destroy();
      cy.current = undefined;
      shape.current = '';
    };
  }, []);

  useEffect(() => {
    const instance = cy.current;
    if (!instance) return;
    const elements = toElements(nodes, edges, highlight, selected);
    const signature = elements.map((element) => element.data.id).join('|');
    if (signature !== shape.current) {
      shape.current = signature;
      instance.elements().remove();
      instance.add(elements);
      const roots = nodes.filter((node) => !edges.some((edge) => edge.callee === node.name)).map((node) => `#${CSS.escape(node.name)}`);
      instance
        .layout({
          name: 'breadthfirst',
          directed: true,
          spacingFactor: 1.3,
          ...(roots.length > 0 ? { roots: roots.join(',') } : {}),
          // Breadth-first layers run top to bottom; turned sideways they read caller → callee left to right.
          transform: (_node, position) => ({ x: position.y * 1.6, y: position.x * 0.7 }),
        })
        .run();
      instance.fit(undefined, 30);
    } else {
      for (const element of elements) instance.getElementById(String(element.data.id)).data(element.data).classes(element.classes ?? '');
    }
  }, [nodes, edges, highlight, selected]);

  return <div ref={container} className="service-map-canvas" data-testid="service-map-canvas" role="img" aria-label={label} />;
}

function toElements(nodes: readonly MapNode[], edges: readonly MapEdge[], highlight: readonly string[], selected: string | undefined): ElementDefinition[] {
  const emphasised = new Set(highlight);
  const faded = (name: string) => emphasised.size > 0 && !emphasised.has(name);
  const nodeElements: ElementDefinition[] = nodes.map((node) => ({
    group: 'nodes',
    data: { id: node.name, label: node.name, health: node.health.state, kind: node.kind },
    classes: [emphasised.has(node.name) ? 'highlight' : '', faded(node.name) ? 'faded' : '', node.name === selected ? 'chosen' : ''].join(' ').trim(),
  }));
  const edgeElements: ElementDefinition[] = edges.map((edge) => ({
    group: 'edges',
    data: { id: `${edge.caller}→${edge.callee}`, source: edge.caller, target: edge.callee, label: edgeLabel(edge.stats), kind: edge.kind },
    classes: faded(edge.caller) && faded(edge.callee) ? 'faded' : '',
  }));
  return [...nodeElements, ...edgeElements];
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': 11,
      color: '#fff',
      'text-outline-width': 0,
      width: 96,
      height: 34,
      'border-width': 1,
      'border-color': '#1f2937',
    },
  },
  ...Object.entries(HEALTH_COLOURS).map(([state, colour]) => ({ selector: `node[health = "${state}"]`, style: { 'background-color': colour } })),
  ...Object.entries(KIND_SHAPES).map(([kind, { shape }]) => ({ selector: `node[kind = "${kind}"]`, style: { shape } })),
  { selector: 'node.highlight', style: { 'border-width': 4, 'border-color': '#1d4ed8' } },
  { selector: 'node.chosen', style: { 'border-width': 4, 'border-color': '#111827', 'border-style': 'double' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'curve-style': 'bezier',
      'target-arrow-shape': 'triangle',
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      label: 'data(label)',
      'font-size': 9,
      color: '#374151',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'text-rotation': 'autorotate',
    },
  },
  { selector: 'edge[kind = "messaging"]', style: { 'line-style': 'dashed' } },
  { selector: '.faded', style: { opacity: 0.3 } },
];
