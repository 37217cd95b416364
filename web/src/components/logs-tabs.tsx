/** The two views of logs: search lines, or the patterns they form. */
export function LogsTabs({ active }: { active: 'search' | 'patterns' }) {
  return (
    <nav className="segmented segmented-links" aria-label="Log views">
      <a href="#/logs" className={active === 'search' ? 'active' : undefined} aria-current={active === 'search' ? 'page' : undefined}>
        Search
      </a>
      <a href="#/logs/patterns" className={active === 'patterns' ? 'active' : undefined} aria-current={active === 'patterns' ? 'page' : undefined}>
        Patterns
      </a>
    </nav>
  );
}
