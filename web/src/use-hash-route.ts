import { useEffect, useState } from 'react';

/** Hash routes, so the UI is plain static files: any server that serves index.html works. */
export type Route =
  | { page: 'incidents' }
  | { page: 'incident'; id: string }
  | { page: 'services' }
  | { page: 'not-found'; hash: string };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '');
  if (path === '' || path === '/incidents') return { page: 'incidents' };
  if (path === '/services') return { page: 'services' };
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident?.[1]) return { page: 'incident', id: decodeURIComponent(incident[1]) };
  return { page: 'not-found', hash };
}

export function incidentHref(id: string): string {
  return `#/incidents/${encodeURIComponent(id)}`;
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
