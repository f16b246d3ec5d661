/**
 * The hits FTS5's highlight() marks in one column of a matching row, found in JS from the compiled query.
 *
 * highlight() tokenises the whole column again, Porter stemming every word: about half of a search's time at 100k
 * documents. Here only the places where a query word's folded stem starts are looked at (indexOf on a folded copy),
 * each candidate word is stemmed (once per search) and a phrase's next words are read after it. The rules are FTS5's:
 * a phrase counts only inside a part of the query that matches the row (an OR's failing branch, a NOT's excluded
 * side mark nothing), a column filter limits where a phrase may match, and instances that share a token make one hit.
 *
 * The JS tokenizer mirrors unicode61 + porter for the text the library holds, not for every character of Unicode. So
 * the whole query is evaluated on the row too: when JS does not find that the row matches, where FTS5 found that it
 * does, the finder answers null and the caller asks highlight() for that row.
 */
import type { SearchHighlight } from '../../contract/search';
import type { FtsExpression } from './query-fts';
import { stemWord } from './fuzzy';
import { continuesToken, foldText, nextTokenStart, tokenEnd, tokensOf } from './index-words';

/** One word of a phrase: the stem the index holds for it, a prefix when it ends a prefix query. */
interface WordMatcher {
  stem: string;
  prefix: boolean;
  /** Folded start every word with this stem starts with: Porter changes at most the stem's last letter. */
  key: string;
}

/** A phrase of the query, ready to look for: its words and the columns it may match in. */
interface PreparedPhrase {
  words: WordMatcher[];
  columns: readonly number[];
}

/** The folded copy of each column of the row being read, made when first needed. */
type FoldedColumns = (string | undefined)[];

/** Finds the hits of one compiled query in rows of the index; null when the row needs highlight() instead. */
export type HitFinder = (row: readonly (string | null)[]) => SearchHighlight[] | null;

/**
 * Prepares a compiled query for reading hits in the `target` column of rows given in the index's column order
 * (`columns`, the names a phrase's column filter uses). Stems are remembered across the rows of one search.
 */
export function createHitFinder(expression: FtsExpression, columns: readonly string[], target: number): HitFinder {
  const phrases = new Map<FtsExpression, PreparedPhrase>();
  let readable = true;
  const everyColumn = columns.map((_, index) => index);
  const prepare = (node: FtsExpression, allowed: readonly number[]): void => {
    switch (node.kind) {
      case 'phrase': {
        const own = node.column === null ? allowed : allowed.filter((index) => columns[index] === node.column);
        const tokens = tokensOf(node.text);
        if (tokens.length === 0) readable = false;
        const words = tokens.map((token, index) => {
          const stem = stemWord(token);
          return { stem, prefix: node.prefix && index === tokens.length - 1, key: stem.slice(0, Math.max(1, stem.length - 2)) };
        });
        phrases.set(node, { words, columns: own });
        return;
      }
      case 'and':
      case 'or':
        for (const child of node.children) prepare(child, allowed);
        return;
      case 'not':
        prepare(node.include, allowed);
        prepare(node.exclude, allowed);
        return;
      case 'column':
        prepare(node.child, allowed.filter((index) => columns[index] === node.column));
        return;
    }
  };
  prepare(expression, everyColumn);
  if (!readable) return () => null;

  const stems = new Map<string, string>();
  const stemOf = (word: string): string => {
    let stem = stems.get(word);
    if (stem === undefined) stems.set(word, (stem = stemWord(word)));
    return stem;
  };
  const accepts = (matcher: WordMatcher, word: string): boolean => {
    const stem = stemOf(word);
    return matcher.prefix ? stem.startsWith(matcher.stem) : stem === matcher.stem;
  };

  /** Each place the phrase occurs in a text, as [first word's start, last word's end]; stops at the first if asked. */
  const occurrences = (phrase: PreparedPhrase, text: string, folded: string, firstOnly: boolean): SearchHighlight[] => {
    const found: SearchHighlight[] = [];
    const [first, ...rest] = phrase.words as [WordMatcher, ...WordMatcher[]];
    for (let at = folded.indexOf(first.key); at >= 0; at = folded.indexOf(first.key, at + 1)) {
      if (continuesToken(text, at)) continue;
      let end = tokenEnd(text, at);
      if (!accepts(first, text.slice(at, end))) continue;
      let complete = true;
      for (const matcher of rest) {
        const start = nextTokenStart(text, end);
        if (start < 0) {
          complete = false;
          break;
        }
        end = tokenEnd(text, start);
        if (!accepts(matcher, text.slice(start, end))) {
          complete = false;
          break;
        }
      }
      if (!complete) continue;
      found.push({ start: at, end });
      if (firstOnly) break;
    }
    return found;
  };

  return (row) => {
    const folded: FoldedColumns = [];
    const foldedAt = (index: number): string => (folded[index] ??= foldText(row[index] ?? ''));
    const targetHits = new Map<PreparedPhrase, SearchHighlight[]>();
    const matched = new Map<FtsExpression, boolean>();

    const matches = (node: FtsExpression): boolean => {
      let result = matched.get(node);
      if (result !== undefined) return result;
      switch (node.kind) {
        case 'phrase': {
          const phrase = phrases.get(node)!;
          // The target column first and in full: its hits are marked even when another column also matches.
          let hits = targetHits.get(phrase);
          if (hits === undefined && phrase.columns.includes(target)) {
            targetHits.set(phrase, (hits = occurrences(phrase, row[target] ?? '', foldedAt(target), false)));
          }
          result =
            (hits !== undefined && hits.length > 0) ||
            phrase.columns.some((index) => index !== target && occurrences(phrase, row[index] ?? '', foldedAt(index), true).length > 0);
          break;
        }
        case 'and':
          result = node.children.every(matches);
          break;
        case 'or':
          // Every branch is looked at, not only up to the first that matches: each matching branch marks its hits.
          result = node.children.map(matches).some(Boolean);
          break;
        case 'not':
          result = matches(node.include) && !matches(node.exclude);
          break;
        case 'column':
          result = matches(node.child);
          break;
      }
      matched.set(node, result);
      return result;
    };

    if (!matches(expression)) return null;
    const instances: SearchHighlight[] = [];
    const collect = (node: FtsExpression): void => {
      switch (node.kind) {
        case 'phrase': {
          const phrase = phrases.get(node)!;
          if (phrase.columns.includes(target)) instances.push(...(targetHits.get(phrase) ?? []));
          return;
        }
        case 'and':
          for (const child of node.children) collect(child);
          return;
        case 'or':
          for (const child of node.children) if (matched.get(child)) collect(child);
          return;
        case 'not':
          collect(node.include);
          return;
        case 'column':
          collect(node.child);
          return;
      }
    };
    collect(expression);
    return mergeInstances(instances);
  };
}

/** Instances sorted and joined where they share a token, as highlight() joins them; touching ones stay apart. */
function mergeInstances(instances: SearchHighlight[]): SearchHighlight[] {
  instances.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: SearchHighlight[] = [];
  for (const { start, end } of instances) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start < last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}
