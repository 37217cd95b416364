import { formatMillis } from '../format.js';
import { axisTicks, serviceColour, type Waterfall, type WaterfallRow } from '../trace-layout.js';

interface Props {
  layout: Waterfall;
  /** The trace's services, for stable colours. */
  services: readonly string[];
  selectedSpanId: string | undefined;
  /** The trace page with this span picked: a pick is a URL, so it can be shared and undone. */
  hrefFor: (spanId: string) => string;
}

/** Indent per level of nesting; deep traces still leave room for the name. */
const INDENT_PX = 14;
const MAX_INDENT_PX = 280;

/** Spans nested under their parents, each a bar on the trace's time axis in its service's colour; failed spans marked. */
export function TraceWaterfall({ layout, services, selectedSpanId, hrefFor }: Props) {
  return (
    <div className="waterfall" data-testid="waterfall">
      <div className="waterfall-axis" aria-hidden>
        <span className="waterfall-label muted small">Service · operation</span>
        <span className="waterfall-track">
          {axisTicks(layout.durationMs).map((offset, index, ticks) => (
            <span key={index} className={`waterfall-tick${index === ticks.length - 1 ? ' last' : ''}`} style={{ left: `${fraction(offset, layout.durationMs) * 100}%` }}>
              {formatMillis(offset)}
            </span>
          ))}
        </span>
      </div>
      <ol className="waterfall-rows">
        {layout.rows.map((row) => (
          <SpanRow key={row.span.spanId} row={row} colour={serviceColour(row.span.service, services)} selected={row.span.spanId === selectedSpanId} href={hrefFor(row.span.spanId)} />
        ))}
      </ol>
    </div>
  );
}

function SpanRow({ row, colour, selected, href }: { row: WaterfallRow; colour: string; selected: boolean; href: string }) {
  const { span } = row;
  const failed = span.status === 'error';
  const classes = ['waterfall-row', failed ? 'span-error' : '', selected ? 'span-selected' : ''].filter(Boolean).join(' ');
  return (
    <li data-testid="waterfall-row" data-span-id={span.spanId} data-depth={row.depth} className={classes}>
      <a href={href} aria-current={selected ? 'true' : undefined} title={`${span.service} · ${span.name} · ${formatMillis(span.durationMs)}`}>
        <span className="waterfall-label" style={{ paddingLeft: Math.min(row.depth * INDENT_PX, MAX_INDENT_PX) }}>
          <span className="service-swatch" style={{ background: colour }} />
          <span className="span-service">{span.service}</span>
          <span className="span-name">{span.name}</span>
          {failed ? (
            <span className="span-error-mark" data-testid="span-error-mark" title={span.statusMessage ?? 'status error'}>
              error
            </span>
          ) : null}
        </span>
        <span className="waterfall-track">
          <span className="waterfall-bar" style={{ left: `${row.left * 100}%`, width: `${row.width * 100}%`, background: colour }} />
          <span className="waterfall-duration small" style={{ left: `${Math.min(row.left + row.width, 0.9) * 100}%` }}>
            {formatMillis(span.durationMs)}
          </span>
        </span>
      </a>
    </li>
  );
}

function fraction(offset: number, total: number): number {
  return total > 0 ? offset / total : 0;
}
