// Hash routing (`#/lab`, `#/compare?…`): the page and its query, as state. Hash routes need no server
// rules, so the built lab runs from any static folder.
export const DEFAULT_PATH = '/lab';

export class Router {
  path = $state(DEFAULT_PATH);
  params = $state.raw(new URLSearchParams());

  constructor() {
    this.read();
    window.addEventListener('hashchange', () => this.read());
  }

  /** Drops the query (e.g. a shared scenario once opened) without a new history entry. */
  clearQuery(): void {
    history.replaceState(null, '', `#${this.path}`);
    this.params = new URLSearchParams();
  }

  private read(): void {
    const hash = location.hash.replace(/^#/, '');
    const [path, query = ''] = hash.split('?');
    this.path = path && path.startsWith('/') ? path : DEFAULT_PATH;
    this.params = new URLSearchParams(query);
  }
}

export const router = new Router();
