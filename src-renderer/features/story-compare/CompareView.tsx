import { useMemo, useState } from 'react';
import type { StoryComparison } from '../../../src-main/contract/compare';
import type { DocumentSummary } from '../../../src-main/contract/library';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import type { Passage } from '../compare/use-workspace';
import type { StorySummary } from '../library/use-documents';
import { ClaimMatrix } from './ClaimMatrix';
import { originTones, sourceCount } from './claim-rows';
import { OnlyHere } from './OnlyHere';
import { ProvenanceGraph } from './ProvenanceGraph';
import { sourceColumns } from './source-columns';
import { useStoryComparison } from './use-story-comparison';
import './story-compare.css';

/** What the Compare view needs from the app. */
export interface CompareViewProps {
  /** Whether the view is showing (it fetches only then). */
  active: boolean;
  /** The library's documents: a new list means texts may have changed, so the comparison is made again. */
  documents: readonly DocumentSummary[];
  stories: readonly StorySummary[];
  /** Opens passages in the reader, side by side, each outlined and scrolled into view. */
  onOpenPassages(passages: Passage[], note: string): void;
}

/** The parts of the view, for the jump links under the title. */
const PARTS = [
  { id: 'compare-claims', label: 'Claims' },
  { id: 'compare-provenance', label: 'Who cites whom' },
  { id: 'compare-only-here', label: 'Only here' },
] as const;

/** One story's sources compared: who carries which claim and on what origin, who cites whom, and what only one has. */
export function CompareView({ active, documents, stories, onOpenPassages }: CompareViewProps) {
  const [chosen, setChosen] = useState('');
  const story = stories.some((item) => item.name === chosen) ? chosen : (stories[0]?.name ?? '');
  const data = useStoryComparison(story, active, documents);
  const comparison = data.comparison;
  const columns = useMemo(() => sourceColumns(comparison?.documents ?? []), [comparison]);
  const tones = useMemo(() => originTones(comparison?.claims ?? []), [comparison]);
  const scope = story ? `“${story}”` : 'the library';

  return (
    <section className="story-compare" aria-labelledby="compare-heading">
      <header className="view-header compare-header">
        <div className="view-title">
          <h1 id="compare-heading">Compare</h1>
          <p className="quiet" role="status">
            {data.loading && !comparison ? `Comparing the sources of ${scope}…` : comparison ? summary(comparison) : ''}
          </p>
        </div>
        <div className="compare-controls">
          {stories.length > 0 ? (
            <label className="story-picker">
              <span>Story</span>
              <select value={story} onChange={(event) => setChosen(event.target.value)}>
                {stories.map((item) => (
                  <option key={item.name} value={item.name}>
                    {item.name} ({plural(item.documents, 'document')})
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <nav className="compare-jumps" aria-label="Parts of the comparison">
            {PARTS.map((part) => (
              <button key={part.id} type="button" className="ghost" onClick={() => document.getElementById(part.id)?.scrollIntoView({ block: 'start' })}>
                {part.label}
              </button>
            ))}
          </nav>
        </div>
      </header>

      {data.error ? (
        <div className="compare-error">
          <ErrorNote error={`The sources of ${scope} could not be compared. ${data.error.message}`} />
          <button type="button" onClick={data.retry}>
            Try again
          </button>
        </div>
      ) : null}
      {data.loading && !comparison ? <p className="empty-state">Reading every source of {scope} and lining up what they say. A big story can take a few seconds.</p> : null}
      {!data.loading && !data.error && comparison && comparison.documents.length < 2 ? (
        <p className="empty-state">
          {comparison.documents.length === 0
            ? `There are no documents in ${scope} yet. Import the versions of a story to compare them.`
            : `${scope} has only one source so far. Import another version of the story to compare them.`}
        </p>
      ) : null}

      {comparison && comparison.documents.length >= 2 ? (
        <div className={`compare-parts${data.loading ? ' refreshing' : ''}`} aria-busy={data.loading}>
          <section id="compare-claims" className="compare-part" aria-labelledby="compare-claims-heading">
            <h2 id="compare-claims-heading">Who carries which claim</h2>
            <p className="part-hint quiet">
              Each row is a claim several sources make; a square marks each source that carries it, coloured by the origin its version rests on. Fewer
              origins than sources means they repeat one another. Click a claim to read its sources side by side, a square to open one source there.
            </p>
            {comparison.claimsSkipped ? <p className="compare-claims-skipped notice">{comparison.claimsSkipped}</p> : null}
            <ClaimMatrix
              claims={comparison.claims}
              columns={columns}
              tones={tones}
              onOpenPassages={onOpenPassages}
              onShowOnlyHere={(id) => document.getElementById(onlyHereId(id))?.scrollIntoView({ block: 'start' })}
            />
          </section>
          <section id="compare-provenance" className="compare-part" aria-labelledby="compare-provenance-heading">
            <h2 id="compare-provenance-heading">Who cites whom</h2>
            <p className="part-hint quiet">
              Lines join each source (left) to the outlets it credits (right), such as “according to NBC News”. Thicker lines mean more credits; bigger circles,
              more sources citing that outlet; a coloured outlet is the origin of claims above in the same colour. Point at or tab to a line to read the
              exact words.
            </p>
            <ProvenanceGraph columns={columns} edges={comparison.provenance} tones={tones} onOpenPassages={onOpenPassages} />
          </section>
          <section id="compare-only-here" className="compare-part" aria-labelledby="compare-only-here-heading">
            <h2 id="compare-only-here-heading">Only here</h2>
            <p className="part-hint quiet">What each source reports that none of the others has, verbatim or nearly. Click a passage to read it in place.</p>
            <OnlyHere columns={columns} documents={comparison.documents} idOf={onlyHereId} onOpenPassages={onOpenPassages} />
          </section>
        </div>
      ) : null}
    </section>
  );
}

/** The element id of a source's "Only here" card. */
function onlyHereId(docId: string): string {
  return `only-here-${docId.replace(/[^\w-]/g, '_')}`;
}

/** The status line under the title. */
function summary(comparison: StoryComparison): string {
  const repeated = comparison.claims.filter((claim) => sourceCount(claim) > 1);
  const single = repeated.filter((claim) => claim.singleOrigin).length;
  const outlets = new Set(comparison.provenance.map((edge) => edge.to)).size;
  const claims = comparison.claimsSkipped
    ? 'claims not grouped'
    : single === 0
      ? plural(comparison.claims.length, 'claim')
      : single === comparison.claims.length
        ? `${plural(comparison.claims.length, 'claim')}, ${single === 1 ? 'it rests' : 'every one resting'} on a single origin`
        : `${plural(comparison.claims.length, 'claim')}, ${single} resting on a single origin`;
  return [plural(comparison.documents.length, 'source'), claims, `${plural(outlets, 'outlet')} credited`].join(' · ');
}
