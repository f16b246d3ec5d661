import { useEffect, useState } from 'react';
import { api } from '../../api/client';

/** Reading texts by document id, fetched once each (a failure is forgotten so the next look tries again). */
const cache = new Map<string, Promise<string | null>>();

/** Forgets every fetched text (after an import changed the library). */
export function clearSourceTexts(): void {
  cache.clear();
}

/** Fetches one document's reading text once. */
function load(doc: string): Promise<string | null> {
  let pending = cache.get(doc);
  if (!pending) {
    pending = api()
      .getDocumentText({ doc })
      .then((result) => (result.ok ? result.value.text : null));
    cache.set(doc, pending);
    void pending.then((text) => {
      if (text === null) cache.delete(doc);
    });
  }
  return pending;
}

/** The reading texts of the given documents as they arrive (for the claim sentences in the matrix's tooltips). */
export function useSourceTexts(ids: readonly string[]): ReadonlyMap<string, string> {
  const key = [...new Set(ids)].sort().join(',');
  const [texts, setTexts] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    const docs = key === '' ? [] : key.split(',');
    let current = true;
    void Promise.all(docs.map(async (doc) => [doc, await load(doc)] as const)).then((entries) => {
      if (!current) return;
      setTexts(new Map(entries.filter((entry): entry is readonly [string, string] => entry[1] !== null)));
    });
    return () => {
      current = false;
    };
  }, [key]);

  return texts;
}
