import { explorerHref, RANGE_PRESETS, type ExplorerQuery } from '../explorer-query.js';
import { formatAbsolute } from '../format.js';

/**
 * Last 15 min … 24 h, or the fixed window the explorer was opened with (an incident's). A
 * choice is a new URL, so the browser's back button undoes it.
 */
export function RangePicker({ query }: { query: ExplorerQuery }) {
  const { range } = query;
  return (
    <div className="segmented" role="tablist" aria-label="Time range">
      {range.kind === 'fixed' ? (
        <button role="tab" aria-selected className="active" title={`${formatAbsolute(range.fromMs)} – ${formatAbsolute(range.toMs)}`}>
          {formatAbsolute(range.fromMs)} – {formatAbsolute(range.toMs)}
        </button>
      ) : null}
      {RANGE_PRESETS.map((preset) => {
        const active = range.kind === 'last' && range.preset === preset.id;
        return (
          <button
            key={preset.id}
            role="tab"
            aria-selected={active}
            className={active ? 'active' : undefined}
            onClick={() => {
              window.location.hash = explorerHref({ key: query.key, range: { kind: 'last', preset: preset.id } });
            }}
          >
            Last {preset.label}
          </button>
        );
      })}
    </div>
  );
}
