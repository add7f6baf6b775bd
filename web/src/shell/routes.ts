// The route table: one line per page. Pages load lazily and only if their file exists, so the quote
// and bench pages (web/src/quote, web/src/bench) appear here as soon as they land.
import type { Component } from 'svelte';

type PageModule = { default: Component };
export type Route = { path: string; label: string; load?: () => Promise<PageModule> };

const pages = import.meta.glob<PageModule>([
  '../lab/LabPage.svelte', '../compare/ComparePage.svelte', '../quote/QuotePage.svelte', '../bench/BenchPage.svelte',
]);

export const routes: Route[] = [
  { path: '/lab', label: 'Lab', load: pages['../lab/LabPage.svelte'] },
  { path: '/compare', label: 'Compare', load: pages['../compare/ComparePage.svelte'] },
  { path: '/quote', label: 'Quote', load: pages['../quote/QuotePage.svelte'] },
  { path: '/bench', label: 'Bench', load: pages['../bench/BenchPage.svelte'] },
];

export function routeFor(path: string): Route {
  return routes.find((r) => r.path === path) ?? routes[0];
}
