import { useState } from 'react';
import type { ComparedDocument, UniquePassage } from '../../../src-main/contract/compare';
import { plural } from '../../components/document-label';
import type { Passage } from '../compare/use-workspace';
import { passageExcerpt } from './clip-text';
import { formatShare, type SourceColumn } from './source-columns';

/** How many passages a source shows before "Show all". */
const FIRST_PASSAGES = 3;

/** What the "Only here" lists show and report. */
export interface OnlyHereProps {
  columns: readonly SourceColumn[];
  documents: readonly ComparedDocument[];
  /** The element id of a source's card (the matrix's "only here" links jump to it). */
  idOf(docId: string): string;
  onOpenPassages(passages: Passage[], note: string): void;
}

/** Each source's unique passages: what it reports that no other source of the story has. */
export function OnlyHere({ columns, documents, idOf, onOpenPassages }: OnlyHereProps) {
  const unique = new Map(documents.map((document) => [document.id, document.unique]));
  return (
    <div className="only-here-grid">
      {columns.map((column) => (
        <OnlyHereCard key={column.id} column={column} passages={unique.get(column.id) ?? []} id={idOf(column.id)} onOpenPassages={onOpenPassages} />
      ))}
    </div>
  );
}

/** One source's card: its name, how much it shares, and its own passages (the first few, or all). */
function OnlyHereCard({ column, passages, id, onOpenPassages }: { column: SourceColumn; passages: readonly UniquePassage[]; id: string; onOpenPassages: OnlyHereProps['onOpenPassages'] }) {
  const [expanded, setExpanded] = useState(false);
  const shown = expanded ? passages : passages.slice(0, FIRST_PASSAGES);
  const headingId = `${id}-heading`;
  return (
    <section className="only-here-card" id={id} aria-labelledby={headingId}>
      <h3 id={headingId} title={column.description}>
        {column.label}
      </h3>
      <p className="only-here-credit quiet">
        {column.date || 'Date not known'} · {formatShare(column.sharedShare)} of its text also elsewhere
      </p>
      {passages.length === 0 ? (
        <p className="only-here-none quiet">Nothing of its own: everything it says is also in another source.</p>
      ) : (
        <>
          <ol className="only-here-list" aria-label={`Only in ${column.label}`}>
            {shown.map((passage) => (
              <li key={`${passage.start}:${passage.end}`}>
                <button
                  type="button"
                  className="passage-button"
                  title="Open the source at this passage"
                  onClick={() => onOpenPassages([{ docId: column.id, start: passage.start, end: passage.end }], `Only in ${column.label}`)}
                >
                  <span className="passage-clamp">{passageExcerpt(passage.text)}</span>
                </button>
              </li>
            ))}
          </ol>
          {passages.length > FIRST_PASSAGES ? (
            <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded((value) => !value)}>
              {expanded ? 'Show the first three' : `Show all ${plural(passages.length, 'passage')}`}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
