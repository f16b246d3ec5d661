import { useEffect, useState } from 'react';
import type { Quote } from '../../../src-main/contract/quotes';
import type { Result } from '../../../src-main/contract/result';
import { api } from '../../api/client';
import { speakerName, speakerTone } from '../../components/speaker-tone';
import type { Mark } from './marks';

/** Quotes by document id, shared by every pane (a document in two panes is asked about once). */
const cache = new Map<string, Promise<Result<Quote[]>>>();

/** Forgets every document's quotes (after an import changed texts). */
export function clearDocQuotes(): void {
  cache.clear();
}

/** Fetches a document's quotes once; a failure is not kept, so the next look tries again. */
function load(doc: string): Promise<Result<Quote[]>> {
  let pending = cache.get(doc);
  if (!pending) {
    pending = api().listQuotes({ doc });
    cache.set(doc, pending);
    void pending.then((result) => {
      if (!result.ok) cache.delete(doc);
    });
  }
  return pending;
}

const KIND_WORDS: Record<Quote['kind'], string> = { direct: 'Quote', partial: 'Partial quote', transcript: 'Transcript' };

/** A quote as a reader mark: underlined in its speaker's colour, the speaker named on hover. */
export function quoteMark(quote: Pick<Quote, 'start' | 'end' | 'speaker' | 'kind'>): Mark {
  return { start: quote.start, end: quote.end, kind: 'quote', tone: speakerTone(quote.speaker), note: `${KIND_WORDS[quote.kind]} · ${speakerName(quote.speaker)}` };
}

/** The quote marks of the given documents, by document id; documents still loading (or failing) have none. */
export function useDocQuotes(docIds: readonly string[]): ReadonlyMap<string, Mark[]> {
  const key = [...new Set(docIds)].sort().join('\n');
  const [byDoc, setByDoc] = useState<ReadonlyMap<string, Mark[]>>(new Map());
  useEffect(() => {
    const docs = key === '' ? [] : key.split('\n');
    let current = true;
    void Promise.all(docs.map((doc) => load(doc).then((result) => [doc, result.ok ? result.value.map(quoteMark) : []] as const))).then((entries) => {
      if (current) setByDoc(new Map(entries));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return byDoc;
}
