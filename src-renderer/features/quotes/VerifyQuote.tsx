import { useId, useState, type FormEvent } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import type { QuoteVerification } from '../../../src-main/contract/quotes';
import type { AppError } from '../../../src-main/contract/result';
import { api } from '../../api/client';
import { plural } from '../../components/document-label';
import { ErrorNote } from '../../components/ErrorNote';
import type { Passage } from '../compare/use-workspace';
import { SpeakerName } from './LedgerRow';
import { sourceLabel } from './source-label';
import { WordDiffText } from './WordDiffText';

/** What the verification box needs: the story to look in, the library's names, and how to open a source. */
export interface VerifyQuoteProps {
  story: string;
  summaries: ReadonlyMap<string, DocumentSummary>;
  onOpen(passages: Passage[]): void;
}

type Match = QuoteVerification['matches'][number];

/** "Verify a quote": paste words, see every source that has them verbatim or altered, and whom each credits. */
export function VerifyQuote({ story, summaries, onOpen }: VerifyQuoteProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<QuoteVerification | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const fieldId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const words = text.trim();
    if (words === '' || busy) return;
    setBusy(true);
    const result = await api().verifyQuote(story ? { text: words, story } : { text: words });
    setBusy(false);
    if (result.ok) {
      setAnswer(result.value);
      setError(null);
    } else setError(result.error);
  };

  const matches = answer?.matches ?? [];
  const verbatim = matches.filter((match) => match.kind === 'verbatim').length;
  const passages = (list: readonly Match[]): Passage[] => list.map((match) => ({ docId: match.docId, start: match.start, end: match.end }));

  return (
    <section className="verify-quote" aria-labelledby={`${fieldId}-heading`}>
      <h2 id={`${fieldId}-heading`}>Verify a quote</h2>
      <form onSubmit={(event) => void submit(event)}>
        <label htmlFor={fieldId} className="quiet">
          Paste the words you want to check. Parallax looks for them in {story ? 'the chosen story' : 'every document in the library'}, word for word or altered.
        </label>
        <textarea
          id={fieldId}
          value={text}
          rows={4}
          placeholder="“We reject any form of intervention…”"
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          }}
        />
        <button type="submit" className="primary" disabled={busy || text.trim() === ''}>
          {busy ? 'Checking…' : 'Verify'}
        </button>
      </form>
      {error ? <ErrorNote error={error} /> : null}
      {answer ? (
        <div className="verify-results">
          <p role="status" className={matches.length === 0 ? 'verify-summary not-found' : 'verify-summary'}>
            {matches.length === 0
              ? 'Not found in the library.'
              : `Found in ${plural(new Set(matches.map((match) => match.docId)).size, 'source')}: ${[verbatim ? `${verbatim} verbatim` : '', matches.length > verbatim ? `${matches.length - verbatim} altered` : ''].filter(Boolean).join(', ')}.`}
          </p>
          {matches.length > 1 ? (
            <button type="button" onClick={() => onOpen(passages(matches))} title="Open up to four sources side by side, each at the quote">
              Open {matches.length > 4 ? 'the first four' : 'all'} side by side
            </button>
          ) : null}
          <ol className="verify-list" aria-label="Sources of the quote">
            {matches.map((match) => (
              <VerifyMatch key={`${match.docId}:${match.start}`} match={match} summaries={summaries} onOpen={() => onOpen(passages([match]))} />
            ))}
          </ol>
        </div>
      ) : null}
    </section>
  );
}

/** One source that has the words: verbatim or altered (with the difference), whom it credits, and a way to open it. */
function VerifyMatch({ match, summaries, onOpen }: { match: Match; summaries: ReadonlyMap<string, DocumentSummary>; onOpen(): void }) {
  const label = sourceLabel(match.docId, match.path, summaries);
  return (
    <li className="verify-match">
      <div className="source-line">
        <button type="button" className="link-button" onClick={onOpen} title="Open this source at the quote">
          {label.name}
        </button>
        <span className={`tag${match.kind === 'verbatim' ? ' verbatim' : ' warning'}`}>{match.kind}</span>
      </div>
      {label.credit ? <p className="quiet source-credit">{label.credit}</p> : null}
      <p className="version-text">
        <WordDiffText diff={match.kind === 'altered' ? match.diff : []} text={match.text} />
      </p>
      <p className="credits">
        credits <SpeakerName speaker={match.speaker} />
      </p>
    </li>
  );
}
