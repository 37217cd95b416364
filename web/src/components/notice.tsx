import type { ReactNode } from 'react';

/** The one look for loading, empty and error states, so every page says "nothing here" alike. */
export function Notice({ kind, title, children }: { kind: 'loading' | 'empty' | 'error'; title: string; children?: ReactNode }) {
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <strong>{title}</strong>
      {children ? <div className="notice-body">{children}</div> : null}
    </div>
  );
}
