/**
 * The few rules about a document's metadata that the engine and the workbench must apply alike: what a document is
 * called and which calendar day it bears. The engine filters and sorts the library list by them, the workbench shows
 * them; one definition keeps the two from drifting.
 */
import type { DocumentSummary } from './library';

/** The last part of a file path, whatever the platform's separator. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).at(-1) ?? path;
}

/** What to call a document: its title, or its file name when no title was found. */
export function documentName(document: Pick<DocumentSummary, 'title' | 'path'>): string {
  return document.title ?? fileName(document.path);
}

/** The calendar day of a published date (YYYY-MM-DD), for filtering and sorting; empty when unknown. */
export function dayOf(published: string | null): string {
  return published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published.slice(0, 10) : '';
}
