import { useState, type FormEvent } from 'react';
import { createSilence, previewSilence } from '../api.js';
import { describeMatcher, draftFromAlert, silenceInputOf, type SilenceDraft } from '../silence-draft.js';
import type { Alert, Matcher, SilencePreviewResponse } from '../types.js';

interface Props {
  alert: Alert;
  /** Called after saving or cancelling. */
  onDone: () => void;
}

const OPS: ReadonlyArray<Matcher['op']> = ['=', '!=', '=~', '!~'];

/**
 * Silence from an alert: its labels as matchers, editable; Preview shows what the silence
 * would mute before it can be saved, and any edit asks for a new preview.
 */
export function SilenceForm({ alert, onDone }: Props) {
  const [draft, setDraft] = useState<SilenceDraft>(() => draftFromAlert(alert));
  const [preview, setPreview] = useState<SilencePreviewResponse | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const edit = (change: Partial<SilenceDraft>): void => {
    setDraft({ ...draft, ...change });
    if (change.matchers) setPreview(undefined);
  };
  const editMatcher = (index: number, change: Partial<Matcher>): void =>
    edit({ matchers: draft.matchers.map((matcher, i) => (i === index ? { ...matcher, ...change } : matcher)) });

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      await createSilence(silenceInputOf(draft, Date.now()));
      onDone();
    });
  };

  return (
    <form className="panel" aria-label="New silence" onSubmit={save}>
      <div className="panel-head">
        <h2>Silence alerts like “{alert.name}”</h2>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
      <table className="table">
        <tbody>
          {draft.matchers.map((matcher, index) => (
            <tr key={index} data-testid="silence-matcher">
              <td>
                <input aria-label={`Matcher ${index + 1} name`} value={matcher.name} onChange={(event) => editMatcher(index, { name: event.target.value })} />
              </td>
              <td>
                <select aria-label={`Matcher ${index + 1} operator`} value={matcher.op} onChange={(event) => editMatcher(index, { op: event.target.value as Matcher['op'] })}>
                  {OPS.map((op) => (
                    <option key={op} value={op}>
                      {op}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input aria-label={`Matcher ${index + 1} value`} value={matcher.value} onChange={(event) => editMatcher(index, { value: event.target.value })} />
              </td>
              <td>
                <button type="button" className="link-button" onClick={() => edit({ matchers: draft.matchers.filter((_, i) => i !== index) })}>
                  remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="search-filters">
        <label>
          Reason <input aria-label="Reason" value={draft.reason} onChange={(event) => edit({ reason: event.target.value })} placeholder="why these may be muted" />
        </label>
        <label>
          Created by <input aria-label="Created by" value={draft.createdBy} onChange={(event) => edit({ createdBy: event.target.value })} />
        </label>
        <label>
          For{' '}
          <select aria-label="Duration" value={draft.hours} onChange={(event) => edit({ hours: Number(event.target.value) })}>
            {[1, 2, 4, 8, 24, 72].map((hours) => (
              <option key={hours} value={hours}>
                {hours} h
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button" disabled={busy} onClick={() => void run(async () => setPreview(await previewSilence(draft)))}>
          Preview
        </button>
        <button type="submit" className="button primary" disabled={busy || !preview}>
          Save silence
        </button>
      </div>
      {preview ? (
        <p data-testid="silence-preview">
          Would mute <strong>{preview.alerts.length}</strong> firing {preview.alerts.length === 1 ? 'alert' : 'alerts'} and {preview.signals.length} of the last{' '}
          {preview.checkedSignals} signals: {draft.matchers.map(describeMatcher).join(', ')}
          {preview.alerts.length > 0 ? <span className="muted small"> ({preview.alerts.map((a) => `${a.name}${a.service ? ` on ${a.service}` : ''}`).join('; ')})</span> : null}
        </p>
      ) : (
        <p className="muted small">Preview what it would mute before saving.</p>
      )}
      {error ? <p className="inline-error">{error}</p> : null}
    </form>
  );
}
