import type { Quote, QuoteVerification, WordDiff } from '../contract/quotes';

/** Quotes as reporters read them: grouped by document, each with its speaker, kind and cluster. */
export function describeQuotes(quotes: readonly Quote[]): string {
  if (quotes.length === 0) return 'No quotes.';
  const lines: string[] = [];
  let document: string | null = null;
  for (const quote of quotes) {
    if (quote.docId !== document) {
      document = quote.docId;
      if (lines.length > 0) lines.push('');
      lines.push(`${quote.docId}  ${quote.path}`);
    }
    const cluster = quote.clusterId ? `, cluster ${quote.clusterId}` : '';
    lines.push(`  “${quote.text.replace(/\s+/g, ' ')}” — ${quote.speaker ?? 'unattributed'}  [${quote.kind}${cluster}, ${quote.start}–${quote.end}]`);
  }
  return lines.join('\n');
}

/** A word diff in words: removed words as [-…-], added ones as {+…+}. */
export function describeDiff(diff: readonly WordDiff[]): string {
  return diff
    .map((part) => {
      const text = part.text.replace(/\s+/g, ' ');
      return part.op === 'same' ? text : part.op === 'removed' ? `[-${text}-]` : `{+${text}+}`;
    })
    .join(' ');
}

/** A verification in words: where the quote is verbatim, where altered (with the diff), and whom each credits. */
export function describeVerification(verification: QuoteVerification, story?: string): string {
  if (verification.matches.length === 0) return story ? `Not found in the story "${story}".` : 'Not found in the library.';
  return verification.matches
    .map((match) => {
      const credit = match.speaker ? `credited to ${match.speaker}` : 'credited to nobody';
      const where = `${match.kind === 'verbatim' ? 'Verbatim' : 'Altered'} in ${match.path} (${match.docId}, ${match.start}–${match.end}), ${credit}`;
      return match.kind === 'verbatim' ? `${where}.` : `${where}:\n    ${describeDiff(match.diff)}`;
    })
    .join('\n');
}
