import type { Claim, ComparedPassage, ProvenanceEdge } from '../contract/compare';

const oneLine = (text: string, limit = 160): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > limit ? `${flat.slice(0, limit - 1)}…` : flat;
};

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/** Shared passages as reporters read them: each pair of documents, then its passages with similarity. */
export function describePassages(passages: readonly ComparedPassage[]): string {
  return passages.length === 0 ? 'No shared passages.' : describePassagePart(passages, undefined);
}

/**
 * The same for one part of a longer list (pages of comparePassagePage, printed as they come): `previous` is the last
 * passage printed before this part, so a pair running across two parts keeps one heading.
 */
export function describePassagePart(passages: readonly ComparedPassage[], previous: ComparedPassage | undefined): string {
  const lines: string[] = [];
  let pair = previous === undefined ? '' : `${previous.a.id} ${previous.b.id}`;
  for (const passage of passages) {
    const key = `${passage.a.id} ${passage.b.id}`;
    if (key !== pair) {
      pair = key;
      if (lines.length > 0 || previous !== undefined) lines.push('');
      lines.push(`${fileName(passage.a.path)} ↔ ${fileName(passage.b.path)}`);
    }
    const similarity = passage.similarity === 1 ? 'verbatim' : `${Math.round(passage.similarity * 100)}% alike`;
    lines.push(`  [${similarity}] “${oneLine(passage.a.text)}”`);
  }
  return lines.join('\n');
}

/** Claims in words: the claim, how many sources carry it and on how many independent origins they rest. */
export function describeClaims(claims: readonly Claim[]): string {
  if (claims.length === 0) return 'No claim is carried by two sources or more.';
  return claims
    .map((claim) => {
      const origins = [...new Set(claim.sources.map((source) => source.origin))].join(', ');
      const flag = claim.singleOrigin ? '  SINGLE ORIGIN' : '';
      const sources = claim.sources.map((source) => `    ${fileName(source.path)} (${source.start}–${source.end}) rests on ${source.origin}`);
      return [`${claim.id}  ${claim.sources.length} sources, ${claim.origins} origin${claim.origins === 1 ? '' : 's'} (${origins})${flag}`, `  “${oneLine(claim.text)}”`, ...sources].join('\n');
    })
    .join('\n\n');
}

/** Provenance in words: per source, the outlets it credits and how. */
export function describeProvenance(edges: readonly ProvenanceEdge[]): string {
  if (edges.length === 0) return 'No source credits another outlet.';
  const lines: string[] = [];
  let source = '';
  for (const edge of edges) {
    if (edge.from.id !== source) {
      source = edge.from.id;
      if (lines.length > 0) lines.push('');
      lines.push(`${fileName(edge.from.path)}`);
    }
    lines.push(`  → ${edge.to}: “${oneLine(edge.text, 100)}” (${edge.start}–${edge.end})`);
  }
  return lines.join('\n');
}
