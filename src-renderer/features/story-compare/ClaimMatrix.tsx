import { useMemo, useState } from 'react';
import type { Claim } from '../../../src-main/contract/compare';
import { plural } from '../../components/document-label';
import type { Passage } from '../compare/use-workspace';
import { ClaimRow } from './ClaimRow';
import { DEFAULT_CLAIM_SORT, nextSort, sortClaims, type ClaimSort, type ClaimSortKey } from './claim-rows';
import { formatShare, type SourceColumn } from './source-columns';
import { useSourceTexts } from './use-source-texts';

/** What the claim matrix shows and reports. */
export interface ClaimMatrixProps {
  claims: readonly Claim[];
  columns: readonly SourceColumn[];
  /** A colour index per origin, shared with the graph. */
  tones: ReadonlyMap<string, number>;
  onOpenPassages(passages: Passage[], note: string): void;
  /** Brings a source's "Only here" list into view. */
  onShowOnlyHere(docId: string): void;
}

/** Widths, in rem: the claim column at least, the two counts, each source. */
const CLAIM_WIDTH = 22;
const COUNT_WIDTH = 5.2;
const SOURCE_WIDTH = 8;

/** The coverage matrix: a row per claim, a column per source, a filled square where the source carries the claim. */
export function ClaimMatrix({ claims, columns, tones, onOpenPassages, onShowOnlyHere }: ClaimMatrixProps) {
  const [sort, setSort] = useState<ClaimSort>(DEFAULT_CLAIM_SORT);
  const rows = useMemo(() => sortClaims(claims, sort), [claims, sort]);
  const texts = useSourceTexts(useMemo(() => columns.map((column) => column.id), [columns]));

  if (claims.length === 0) {
    return <p className="empty-state">No claim turns up in more than one source: these versions do not repeat one another's sentences.</p>;
  }

  const minWidth = `${CLAIM_WIDTH + 2 * COUNT_WIDTH + columns.length * SOURCE_WIDTH}rem`;
  return (
    <div className="matrix-scroller">
      <table className="claim-matrix" aria-label="Claims across sources" style={{ minWidth }}>
        <colgroup>
          <col />
          <col style={{ width: `${COUNT_WIDTH}rem` }} />
          <col style={{ width: `${COUNT_WIDTH}rem` }} />
          {columns.map((column) => (
            <col key={column.id} style={{ width: `${SOURCE_WIDTH}rem` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="claim-head">
              Claim <span className="quiet">({plural(claims.length, 'claim')})</span>
            </th>
            <SortHeader label="Sources" hint="How many sources carry the claim" column="sources" sort={sort} onSort={(key) => setSort(nextSort(sort, key))} />
            <SortHeader
              label="Origins"
              hint="How many independent origins the claim rests on: copies of the same text and sources crediting the same outlet count once"
              column="origins"
              sort={sort}
              onSort={(key) => setSort(nextSort(sort, key))}
            />
            {columns.map((column) => (
              <th key={column.id} scope="col" className="source-head" title={column.description}>
                <span className="source-name">{column.label}</span>
                <span className="source-date">{column.date || 'date not known'}</span>
                <span className="share-meter" aria-hidden="true">
                  <span style={{ width: formatShare(column.sharedShare) }} />
                </span>
                <span className="source-stats">{formatShare(column.sharedShare)} shared</span>
                {column.uniqueCount > 0 ? (
                  <button type="button" className="link-button only-link" onClick={() => onShowOnlyHere(column.id)} title="Show what only this source has">
                    {column.uniqueCount} only here
                  </button>
                ) : (
                  <span className="source-stats">nothing only here</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((claim) => (
            <ClaimRow key={claim.id} claim={claim} columns={columns} tones={tones} texts={texts} onOpenPassages={onOpenPassages} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A sortable column header: a button inside, the direction in aria-sort. */
function SortHeader({ label, hint, column, sort, onSort }: { label: string; hint: string; column: ClaimSortKey; sort: ClaimSort; onSort(key: ClaimSortKey): void }) {
  const current = sort.key === column;
  return (
    <th scope="col" className="count-head" aria-sort={current ? sort.direction : 'none'} title={hint}>
      <button type="button" className="matrix-sort" onClick={() => onSort(column)}>
        {label}
        <span className="matrix-sort-mark" aria-hidden="true">
          {current ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
