import type { ExplorerRange } from '../explorer-query.js';
import { RANGE_PRESETS } from '../explorer-query.js';
import { formatAbsolute } from '../format.js';

interface Props {
  /** Undefined: no time limit (only offered with `anyTime`). */
  range: ExplorerRange | undefined;
  /** The page's URL with another range: a choice is a new URL, so the back button undoes it. */
  hrefFor: (range: ExplorerRange) => string;
  /** Offers "Any time" first, linking here; for pages where no range is a sensible default (log search). */
  anyTimeHref?: string;
}

/** Last 15 min … 24 h, or the fixed window the page was opened with (an incident's). */
export function RangePicker({ range, hrefFor, anyTimeHref }: Props) {
  const go = (href: string) => () => {
    window.location.hash = href;
  };
  return (
    <div className="segmented" role="tablist" aria-label="Time range">
      {anyTimeHref !== undefined ? (
        <button role="tab" aria-selected={range === undefined} className={range === undefined ? 'active' : undefined} onClick={go(anyTimeHref)}>
          Any time
        </button>
      ) : null}
      {range?.kind === 'fixed' ? (
        <button role="tab" aria-selected className="active" title={`${formatAbsolute(range.fromMs)} – ${formatAbsolute(range.toMs)}`}>
          {formatAbsolute(range.fromMs)} – {formatAbsolute(range.toMs)}
        </button>
      ) : null}
      {RANGE_PRESETS.map((preset) => {
        const active = range?.kind === 'last' && range.preset === preset.id;
        return (
          <button key={preset.id} role="tab" aria-selected={active} className={active ? 'active' : undefined} onClick={go(hrefFor({ kind: 'last', preset: preset.id }))}>
            Last {preset.label}
          </button>
        );
      })}
    </div>
  );
}
