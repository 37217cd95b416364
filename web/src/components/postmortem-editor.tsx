import { useEffect, useState } from 'react';
import { createPostmortem, getPostmortem, savePostmortem } from '../api.js';
import { formatAbsolute } from '../format.js';
import type { Postmortem } from '../types.js';
import { useAction } from '../use-action.js';
import { MarkdownPreview } from './markdown-preview.js';
import { Notice } from './notice.js';

/**
 * The incident's postmortem: a draft from the template (timeline and root cause filled in),
 * edited as markdown beside its preview. Loaded once, not polled: polling would overwrite typing.
 */
export function PostmortemEditor({ incidentId, onChanged }: { incidentId: string; onChanged: () => void }) {
  const [postmortem, setPostmortem] = useState<Postmortem | null | undefined>(undefined);
  const [markdown, setMarkdown] = useState('');
  const [loadError, setLoadError] = useState<string | undefined>(undefined);
  const action = useAction(onChanged);

  useEffect(() => {
    const controller = new AbortController();
    getPostmortem(incidentId, controller.signal).then(
      (loaded) => {
        setPostmortem(loaded);
        setMarkdown(loaded?.markdown ?? '');
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setLoadError(error instanceof Error ? error.message : String(error));
      },
    );
    return () => controller.abort();
  }, [incidentId]);

  const keep = (saved: Postmortem): void => {
    setPostmortem(saved);
    setMarkdown(saved.markdown);
  };

  return (
    <div className="panel" data-testid="postmortem">
      <div className="panel-head">
        <h2>
          Postmortem {postmortem ? <span className="muted">· {postmortem.status}, saved {formatAbsolute(postmortem.updatedMs)} by {postmortem.updatedBy}</span> : null}
        </h2>
        {postmortem ? (
          <div className="actions">
            <button className="button" disabled={markdown === postmortem.markdown || action.pending} onClick={() => void action.run(async () => keep(await savePostmortem(incidentId, markdown, postmortem.status)))}>
              Save
            </button>
            <button
              className="button primary"
              disabled={action.pending || (postmortem.status === 'published' && markdown === postmortem.markdown)}
              onClick={() => void action.run(async () => keep(await savePostmortem(incidentId, markdown, 'published')))}
            >
              Publish
            </button>
          </div>
        ) : null}
      </div>
      {loadError ? <Notice kind="error" title="Could not load the postmortem">{loadError}</Notice> : null}
      {postmortem === null ? (
        <button className="button" disabled={action.pending} onClick={() => void action.run(async () => keep(await createPostmortem(incidentId)))} data-testid="draft-postmortem">
          Draft a postmortem from the template
        </button>
      ) : null}
      {postmortem ? (
        <div className="postmortem-grid">
          <textarea className="postmortem-text mono" value={markdown} onChange={(e) => setMarkdown(e.target.value)} aria-label="Postmortem markdown" spellCheck />
          <MarkdownPreview markdown={markdown} />
        </div>
      ) : null}
      {action.error ? (
        <p className="inline-error" role="alert">
          {action.error}
        </p>
      ) : null}
    </div>
  );
}
