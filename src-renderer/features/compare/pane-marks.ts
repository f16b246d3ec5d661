import type { DocumentSummary } from '../../../src-main/contract/library';
import { documentName } from '../../components/document-label';
import type { Mark } from '../reader/marks';
import { describeSimilarity, type SharedRange } from './shared-ranges';
import type { RelatedState } from './use-related';
import type { Pane } from './use-workspace';

/** The shared passage the reporter stepped to: its pane and range. */
export interface SharedCursor {
  paneKey: number;
  start: number;
  end: number;
  partners: SharedRange['partners'];
}

/** What the marks of one pane are computed from. */
export interface MarkSources {
  related: RelatedState;
  shared: readonly SharedRange[];
  cursor: SharedCursor | null;
  summaries: ReadonlyMap<string, DocumentSummary>;
}

/** Every mark of a pane: its search hits, the matches of a selection made elsewhere, shared passages, the current one. */
export function marksForPane(pane: Pane, sources: MarkSources): Mark[] {
  const marks: Mark[] = [...pane.hits];
  const name = (id: string) => {
    const summary = sources.summaries.get(id);
    return summary ? documentName(summary) : id;
  };
  for (const range of sources.shared) {
    const note = range.partners.map((partner) => `Shared with ${name(partner.docId)} (${describeSimilarity(partner.similarity)})`).join('\n');
    marks.push({ start: range.start, end: range.end, kind: 'shared', note });
  }
  const { related, cursor } = sources;
  if (related.source && related.source.paneKey !== pane.key && pane.docId) {
    for (const passage of related.byDoc.get(pane.docId) ?? []) {
      marks.push({ start: passage.start, end: passage.end, kind: 'related', note: `${passage.kind} match of your selection` });
    }
  }
  if (cursor) {
    if (cursor.paneKey === pane.key) marks.push({ start: cursor.start, end: cursor.end, kind: 'current', note: 'Current shared passage' });
    else for (const partner of cursor.partners) if (partner.docId === pane.docId) marks.push({ start: partner.start, end: partner.end, kind: 'current' });
  }
  return marks;
}

/** A line for a pane about the current selection: the source quote, or what was found here. */
export function relatedStatus(pane: Pane, related: RelatedState): string | null {
  const source = related.source;
  if (!source || pane.docId === null) return null;
  if (source.paneKey === pane.key) return null;
  if (pane.docId === source.docId) return 'Same document as the selection.';
  if (related.searching) return 'Looking for the selection…';
  const found = related.byDoc.get(pane.docId) ?? [];
  if (found.length === 0) return 'The selection is not in this document.';
  const counts = (['verbatim', 'near', 'related'] as const)
    .map((kind) => [kind, found.filter((passage) => passage.kind === kind).length] as const)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`);
  return `Selection found here: ${counts.join(', ')}.`;
}
