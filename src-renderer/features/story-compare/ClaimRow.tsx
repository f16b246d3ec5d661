import type { Claim } from '../../../src-main/contract/compare';
import { plural } from '../../components/document-label';
import type { Passage } from '../compare/use-workspace';
import { originsOf, placesToOpen, sentenceOf, sourceCount, sourcesByDocument } from './claim-rows';
import { clipText, passageExcerpt } from './clip-text';
import { originName, type SourceColumn } from './source-columns';

/** What one row of the matrix shows and reports. */
export interface ClaimRowProps {
  claim: Claim;
  columns: readonly SourceColumn[];
  tones: ReadonlyMap<string, number>;
  /** Reading texts by document id, for each source's own sentence (the claim's text until they arrive). */
  texts: ReadonlyMap<string, string>;
  onOpenPassages(passages: Passage[], note: string): void;
}

/** How many origin names the row spells out before "and N more". */
const NAMED_ORIGINS = 2;

/** One claim: its text, counts and origins, then a cell per source (filled in its origin's colour where it carries it). */
export function ClaimRow({ claim, columns, tones, texts, onOpenPassages }: ClaimRowProps) {
  const byDocument = sourcesByDocument(claim);
  const sources = sourceCount(claim);
  const origins = originsOf(claim).map((origin) => ({ origin, name: originName(origin, columns) }));
  const single = claim.singleOrigin && sources > 1;
  const note = `Claim: ${clipText(claim.text, 90)}`;
  const order = columns.map((column) => column.id);
  const open = () => onOpenPassages(placesToOpen(claim, order), note);
  const openTitle =
    sources === 1
      ? 'Open the source at this claim'
      : sources <= 4
        ? `Open the ${plural(sources, 'source')} side by side at this claim`
        : `Open 4 of the ${sources} sources side by side at this claim (one per origin first)`;

  return (
    <tr className={`claim-row${single ? ' single-origin' : ''}`} data-claim={claim.id}>
      <th scope="row" className="claim-cell">
        <button type="button" className="claim-text" onClick={open} title={`${claim.text}\n\n${openTitle}`}>
          <span className="claim-clamp">{passageExcerpt(claim.text, 400)}</span>
        </button>
        <span className="claim-meta">
          <span className="claim-origins">
            rests on{' '}
            {origins.slice(0, NAMED_ORIGINS).map(({ origin, name }, index) => (
              <span key={origin} className={`origin-name origin-tone-${tones.get(origin) ?? 0}`}>
                {index > 0 ? ', ' : ''}
                <span className="origin-dot" aria-hidden="true" />
                {name}
              </span>
            ))}
            {origins.length > NAMED_ORIGINS ? (
              <span title={origins.slice(NAMED_ORIGINS).map((entry) => entry.name).join(', ')}> and {origins.length - NAMED_ORIGINS} more</span>
            ) : null}
          </span>
          {single ? (
            <span className="tag warning origin-badge" title={`All sources carrying this claim rest on one origin: ${origins[0]?.name ?? 'one outlet'}. Repeating it is not independent confirmation.`}>
              single origin<span className="visually-hidden">: {origins[0]?.name}</span>
            </span>
          ) : null}
        </span>
      </th>
      <td className="count-cell">{sources}</td>
      <td className="count-cell" title={origins.map((entry) => entry.name).join(', ')}>
        {claim.origins}
      </td>
      {columns.map((column) => {
        const places = byDocument.get(column.id);
        if (!places) return <td key={column.id} className="source-cell" />;
        const first = places[0]!;
        const origin = originName(first.origin, columns);
        const sentence = sentenceOf(texts.get(column.id), first.start, first.end, claim.text);
        const repeat = places.length > 1 ? `\n(It says this ${places.length} times.)` : '';
        return (
          <td key={column.id} className="source-cell filled">
            <button
              type="button"
              className={`cell-button origin-tone-${tones.get(first.origin) ?? 0}`}
              aria-label={`Open ${column.label} at this claim (rests on ${origin})`}
              title={`${column.label}: “${sentence}”\nRests on: ${origin}${repeat}\nClick to read it in place.`}
              onClick={() => onOpenPassages([{ docId: column.id, start: first.start, end: first.end }], note)}
            >
              <span className="cell-square" aria-hidden="true" />
            </button>
          </td>
        );
      })}
    </tr>
  );
}
