import { useRef, useState } from 'react';
import type { TokenCreated } from '../access-types.js';

/**
 * The new token's secret, this once: opsloop stores only its digest, so closing this box
 * loses it for good. Copy uses the clipboard API where the page may (HTTPS or localhost) and
 * otherwise selects the text for Ctrl+C.
 */
export function TokenSecret({ created, onDone }: { created: TokenCreated; onDone: () => void }) {
  const field = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'copied' | 'select' | undefined>(undefined);
  const copy = (): void => {
    field.current?.select();
    if (!navigator.clipboard) {
      setCopied('select');
      return;
    }
    navigator.clipboard.writeText(created.secret).then(
      () => setCopied('copied'),
      () => setCopied('select'),
    );
  };
  return (
    <div className="panel token-secret" role="region" aria-label="New token secret">
      <h2>Token “{created.token.name}” created</h2>
      <p className="notice notice-error">Copy the secret now: it is shown only this once. opsloop keeps only a digest and cannot show it again.</p>
      <div className="secret-row">
        <input ref={field} readOnly className="mono" aria-label="Token secret" value={created.secret} onFocus={(event) => event.target.select()} />
        <button type="button" className="button" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button primary" onClick={onDone}>
          I have stored it
        </button>
      </div>
      {copied === 'copied' ? <p className="muted small">Copied to the clipboard.</p> : null}
      {copied === 'select' ? <p className="muted small">The browser does not allow copying here: the secret is selected, press Ctrl+C.</p> : null}
    </div>
  );
}
