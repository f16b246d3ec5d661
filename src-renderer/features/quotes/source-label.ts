/** How the ledger and the verification name a source: the document, its outlet and its date. */
import type { DocumentSummary } from '../../../src-main/contract/library';
import { documentName, fileName, formatDate } from '../../components/document-label';

/** A source's name (title or file) and its credit line ("News18 · 3 Nov 2025"), from the library's summaries. */
export function sourceLabel(docId: string, path: string, summaries: ReadonlyMap<string, DocumentSummary>): { name: string; credit: string } {
  const summary = summaries.get(docId);
  if (!summary) return { name: fileName(path), credit: '' };
  return { name: documentName(summary), credit: [summary.outlet ?? 'Outlet not known', formatDate(summary.published) || 'date not known'].join(' · ') };
}

/** Where a quote first appears, in two short lines: the date, then the outlet (or the file when no outlet is known). */
export function firstAppearance(
  first: { docId: string; published: string | null } | null,
  fallback: { docId: string; path: string } | undefined,
  summaries: ReadonlyMap<string, DocumentSummary>,
): { date: string; where: string } {
  const docId = first?.docId ?? fallback?.docId;
  const summary = docId ? summaries.get(docId) : undefined;
  const date = formatDate(first?.published ?? null) || 'Date not known';
  const where = summary ? (summary.outlet ?? documentName(summary)) : fallback ? fileName(fallback.path) : '';
  return { date, where };
}
