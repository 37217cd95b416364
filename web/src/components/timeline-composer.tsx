import { useState } from 'react';
import { writeOnTimeline } from '../api.js';
import { useAction } from '../use-action.js';

/** Writes on the timeline: a note for responders, or a status update (the public-facing text). */
export function TimelineComposer({ incidentId, onChanged }: { incidentId: string; onChanged: () => void }) {
  const [text, setText] = useState('');
  const action = useAction(onChanged);
  const send = async (kind: 'notes' | 'status-updates'): Promise<void> => {
    if (await action.run(() => writeOnTimeline(incidentId, kind, text))) setText('');
  };
  return (
    <div className="composer">
      <textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        placeholder="What you found, tried or decided…"
        aria-label="Timeline text"
        data-testid="timeline-text"
      />
      <div className="actions">
        <button className="button" disabled={text.trim() === '' || action.pending} onClick={() => void send('notes')} data-testid="add-note">
          Add note
        </button>
        <button className="button" disabled={text.trim() === '' || action.pending} onClick={() => void send('status-updates')} title="Public-facing: what a status page would say">
          Post status update
        </button>
      </div>
      {action.error ? (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  );
}
