export type Route = 'home' | 'graphiql' | 'not-found';

/** Maps a pathname to a page; trailing slashes are ignored. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return 'home';
  if (path === '/graphiql') return 'graphiql';
  return 'not-found';
}
