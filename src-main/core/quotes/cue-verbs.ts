/** Words that report speech ("said", "told", "according to") and the words that sit around them. */

/** Present participles that report the main clause subject's speech: "…, saying “…”", "calling the plan “…”". */
const PARTICIPLE_LIST = ['saying', 'calling', 'adding', 'describing', 'telling', 'noting', 'warning', 'arguing', 'insisting', 'writing', 'declaring', 'vowing', 'promising'];

/** True when the lowercase word is a participle cue, whose speaker is the subject of the sentence's main clause. */
export function isParticipleCue(word: string): boolean {
  return PARTICIPLE_LIST.includes(word.toLowerCase());
}

const CUES = [
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'added', 'adds', 'asked', 'asks', 'replied', 'replies',
  'wrote', 'writes', 'tweeted', 'posted', 'explained', 'explains', 'noted', 'notes', 'insisted', 'insists', 'argued',
  'argues', 'warned', 'warns', 'claimed', 'claims', 'declared', 'announced', 'announces', 'acknowledged', 'admitted',
  'continued', 'recalled', 'responded', 'pledged', 'promised', 'vowed', 'predicted', 'called', 'described', 'urged',
  'answered', 'conceded', 'confirmed', 'suggested', 'stressed', 'emphasized', 'emphasised', 'remarked', 'shouted',
  'joked', 'quipped', 'testified', 'commented', 'countered', 'cautioned', 'observed', 'boasted', 'complained',
  'reported', 'reports', 'texted', 'emailed', 'messaged', 'whispered', 'yelled', 'mused', 'sighed', 'reiterated', 'concluded',
  ...PARTICIPLE_LIST,
];

const SPEECH_CUES: ReadonlySet<string> = new Set(CUES);

/** Words that may stand between a subject and its cue verb ("he later said", "she also told"). */
export const CUE_ADVERBS: ReadonlySet<string> = new Set([
  'also', 'later', 'then', 'simply', 'quickly', 'again', 'once', 'previously', 'earlier', 'recently', 'repeatedly',
  'publicly', 'privately', 'flatly', 'bluntly', 'angrily', 'calmly', 'quietly', 'has', 'had', 'have', 'would', 'will',
  'did', 'was', 'were', 'reportedly', 'initially', 'first', 'only', 'just', 'pointedly', 'told', 'once',
]);

/** True when the lowercase word reports speech. */
export function isCueVerb(word: string): boolean {
  return SPEECH_CUES.has(word.toLowerCase());
}

/** True when the lowercase word at `index` of `words` begins a two-word cue ("pointed out", "according to"). */
export function cueLength(words: readonly string[], index: number): number {
  const word = (words[index] ?? '').toLowerCase();
  const next = (words[index + 1] ?? '').toLowerCase();
  if (word === 'according' && next === 'to') return 2;
  if ((word === 'pointed' || word === 'points' || word === 'spoke' || word === 'went') && (next === 'out' || next === 'on')) {
    return (words[index + 2] ?? '').toLowerCase() === 'condition' ? 0 : 2;
  }
  if (word === 'wrote' || word === 'posted') return 1;
  return isCueVerb(word) ? 1 : 0;
}
