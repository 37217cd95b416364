import type { WhoAmI } from '../access-types.js';

/** Who is signed in and with which role, their tokens, the admin pages, and sign-out. */
export function UserMenu({ who, onSignOut }: { who: WhoAmI; onSignOut: () => void }) {
  const isAdmin = who.scopes.includes('admin');
  return (
    <details className="user-menu" data-testid="user-menu">
      <summary>
        <span data-testid="signed-in-as">{who.user?.name ?? who.actor}</span> <span className="chip">{who.role ?? who.kind}</span>
      </summary>
      {/* Following a link closes the menu, as a menu does. */}
      <div className="user-menu-items" onClick={(event) => ((event.currentTarget.parentElement as HTMLDetailsElement).open = false)}>
        <span className="muted small">
          Signed in as {who.user?.id ?? who.actor}
          {who.teams.length > 0 ? ` · teams ${who.teams.join(', ')}` : ''}
        </span>
        <a href="#/tokens">API tokens</a>
        {who.user ? <a href="#/password">Change password</a> : null}
        {isAdmin ? <a href="#/users">Users</a> : null}
        {isAdmin ? <a href="#/teams">Teams</a> : null}
        <button type="button" className="link-button" onClick={onSignOut}>
          Sign out
        </button>
      </div>
    </details>
  );
}
