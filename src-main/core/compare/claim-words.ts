/**
 * The words of a story's texts as claim units need them: numbered once for all the texts (the passage finder's
 * dictionary and tokenizer), each distinct word's content term and flags worked out once, terms numbered too. Units of
 * many texts are thus cut without stemming, hashing or looking up a word twice. Pure.
 */
import { termOf } from '../reader/related-paragraphs';
import { WordDictionary } from './word-scan';

/** Negations, the words that turn a claim around: all one term, so "not imminent" and "never imminent" agree. */
const NEGATIONS = new Set([
  'not', 'no', 'never', 'nor', 'neither', 'none', 'nothing', 'nobody', 'cannot', 'cant', 'dont', 'doesnt', 'didnt',
  'isnt', 'arent', 'wasnt', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'hasnt', 'havent', 'hadnt', 'aint',
]);
/** Reporting words: who said a thing is not what was said, so they never make two units alike. */
const REPORTING = new Set([
  'said', 'say', 'says', 'saying', 'told', 'tell', 'tells', 'according', 'report', 'reports', 'reported', 'reportedly',
  'citing', 'cited', 'added', 'stated', 'noted',
]);

/**
 * Words one of which every speech tag holding a word contains (as part of a word, in any case; or an em dash): a unit
 * none of whose normalized words contains one has no tag to leave out. See SPEECH_VERB and the tags in clauses.ts.
 */
const TAG_WORDS = ['said', 'say', 'told', 'reported', 'added', 'stated', 'noted', 'emphasi', 'highlighted', 'insisted', 'stressed', 'confirmed', 'pointed', 'according', 'citing'];
/** Likewise for clause boundaries (besides a semicolon): a sentence without them is one clause. See CLAUSE_BOUNDARY. */
const CLAUSE_WORDS = ['but', 'though', 'whereas', 'while', 'that'];

/** The word may belong to a speech tag. */
export const TAG_FLAG = 1;
/** The word may belong to a clause boundary. */
export const CLAUSE_FLAG = 2;
/** The word has a content term. */
export const TERM_FLAG = 4;

const termCache = new Map<string, string | undefined>();

/** The content term of a normalized word: "not" for a negation, undefined for a stop or reporting word, else its stem. */
export function contentTerm(word: string): string | undefined {
  if (termCache.has(word)) return termCache.get(word);
  const term = NEGATIONS.has(word) ? 'not' : REPORTING.has(word) ? undefined : termOf(word);
  if (termCache.size < 100_000) termCache.set(word, term);
  return term;
}

/** A story's words: the dictionary its texts are tokenized with, and per word its flags and term id (-1: none). */
export class StoryWords {
  readonly dictionary = new WordDictionary();
  /** Term strings by term id; ids number distinct terms in the order their words were first met. */
  readonly terms: string[] = [];
  private readonly termIds = new Map<string, number>();
  private wordTerms = new Int32Array(1024);
  private flags = new Uint8Array(1024);
  private known = 0;

  /** TAG_FLAG, CLAUSE_FLAG and TERM_FLAG of the word with this identifier. */
  flagsOf(identifier: number): number {
    if (identifier >= this.known) this.learn();
    return this.flags[identifier]!;
  }

  /** The term id of the word with this identifier, or -1 when it has no content term. */
  termOf(identifier: number): number {
    if (identifier >= this.known) this.learn();
    return this.wordTerms[identifier]!;
  }

  /** Works out the words the dictionary gained since. */
  private learn(): void {
    const words = this.dictionary.words;
    if (this.flags.length < words.length) {
      this.flags = grown(this.flags, new Uint8Array(words.length * 2));
      this.wordTerms = grown(this.wordTerms, new Int32Array(words.length * 2));
    }
    for (; this.known < words.length; this.known++) {
      const word = words[this.known]!;
      const term = contentTerm(word);
      let id = -1;
      if (term !== undefined) {
        id = this.termIds.get(term) ?? this.terms.length;
        if (id === this.terms.length) {
          this.termIds.set(term, id);
          this.terms.push(term);
        }
      }
      this.wordTerms[this.known] = id;
      this.flags[this.known] =
        (TAG_WORDS.some((part) => word.includes(part)) ? TAG_FLAG : 0) |
        (CLAUSE_WORDS.some((part) => word.includes(part)) ? CLAUSE_FLAG : 0) |
        (term === undefined ? 0 : TERM_FLAG);
    }
  }
}

function grown<T extends Uint8Array | Int32Array>(array: T, larger: T): T {
  larger.set(array);
  return larger;
}
