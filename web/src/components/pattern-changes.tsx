import { formatAbsolute } from '../format.js';
import type { LogPatternDetailResponse } from '../types.js';
import { Notice } from './notice.js';
import { TemplateText } from './template-text.js';

/** How the template widened as lines arrived, oldest first; its id never changed. */
export function PatternChanges({ changes }: { changes: LogPatternDetailResponse['changes'] }) {
  if (changes.length === 0) {
    return <Notice kind="empty" title="Never refined">The template is still what its first line made it.</Notice>;
  }
  return (
    <ol className="pattern-changes" data-testid="pattern-changes">
      {changes.map((change, index) => (
        <li key={`${change.timeMs}/${index}`}>
          <time className="muted" dateTime={new Date(change.timeMs).toISOString()}>
            {formatAbsolute(change.timeMs)}
          </time>
          <div>
            <del>
              <TemplateText template={change.from} />
            </del>
          </div>
          <div>
            → <TemplateText template={change.to} />
          </div>
        </li>
      ))}
    </ol>
  );
}
