import { useEffect, useRef, useState } from 'react';
import type { DocumentSummary } from '../../../src-main/contract/library';
import { api } from '../../api/client';

/** How long the list must rest before the rows in view are checked. */
const SETTLE_MS = 150;

/** A summary that may already say whether its file is missing. */
type MaybeMissing = DocumentSummary & { missing?: boolean };

/**
 * Whether each visible document's file is missing. The list's summaries do not carry it, so the rows in view are
 * asked about once the list rests (a few local calls), and the answers are remembered.
 */
export function useMissingFiles(visible: readonly DocumentSummary[], library: readonly DocumentSummary[]): ReadonlyMap<string, boolean> {
  const [known, setKnown] = useState<ReadonlyMap<string, boolean>>(new Map());
  const asked = useRef(new Set<string>());

  // A reloaded library (after an import) may have found or lost files: ask again, keeping old answers meanwhile.
  useEffect(() => {
    asked.current = new Set();
  }, [library]);
  const key = visible.map((document) => document.id).join(',');

  useEffect(() => {
    const direct = visible.filter((document) => typeof (document as MaybeMissing).missing === 'boolean');
    if (direct.length > 0) {
      setKnown((current) => {
        const next = new Map(current);
        for (const document of direct) next.set(document.id, (document as MaybeMissing).missing === true);
        return next;
      });
    }
    const unknown = visible.filter((document) => typeof (document as MaybeMissing).missing !== 'boolean' && !asked.current.has(document.id));
    if (unknown.length === 0) return;
    const timer = setTimeout(async () => {
      for (const document of unknown) asked.current.add(document.id);
      const answers = await Promise.all(unknown.map((document) => api().getDocument({ doc: document.id })));
      setKnown((current) => {
        const next = new Map(current);
        answers.forEach((answer, index) => {
          if (answer.ok) next.set(unknown[index]!.id, answer.value.missing);
        });
        return next;
      });
    }, SETTLE_MS);
    return () => clearTimeout(timer);
    // `key` stands for the visible ids (the array changes identity on every render); `library` for a reload.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, library]);

  return known;
}
