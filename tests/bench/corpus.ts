import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { mulberry32 as seededRandom } from '../support/mulberry32';

/** The seeded generator the corpus is drawn with: the same seed gives the same corpus on every machine. */
export { seededRandom };

const FUNCTION_WORDS = 'the of and to a in that is was he for it with as his on be at by i this had not are but from or have an they which one you were her all she there would their we him been has when who will more no if out so said what up its about into than them can only other new some could time these two may then do first any my now such like our over man me even most made after also did many before must through back years where much your way well down should because each just those people how too little state good very make world still own see men work long get here between both life being under never day same another know while last might us great old year off come since against go came right used take three'.split(' ');
const SYLLABLES = 'ba be bi bo bu ca ce ci co cu da de di do du fa fe fi fo ga ge gi go ha he hi ho ka ke ki ko la le li lo lu ma me mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so su ta te ti to tu va ve vi vo za ze zi zo tra tre tri pro pre stra ment tion ing er al an en on or ar ist ism ate ive ous'.split(' ');
const FIRST_NAMES = ['Ana', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Marta', 'Nikhil', 'Olga', 'Pedro', 'Rosa', 'Samir', 'Tomas', 'Yuki'];
const LAST_NAMES = ['Alvarez', 'Brennan', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Nakamura', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka'];
const OUTLETS = ['The Harbour Herald', 'Daily Ledger', 'Northern Wire', 'Capital Times', 'Evening Post', 'Coastal Courier'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A vocabulary whose word frequencies follow Zipf's law, as news text does. */
function zipfVocabulary(random: () => number, size: number): () => string {
  const words = new Set<string>(FUNCTION_WORDS);
  while (words.size < size) {
    const length = 2 + Math.floor(random() * 3);
    let word = '';
    for (let index = 0; index < length; index++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(word);
  }
  const list = [...words];
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= list.length; rank++) cumulative.push((total += 1 / rank));
  return () => {
    const target = random() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return list[low]!;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)]!;
}

function sentence(random: () => number, word: () => string): string {
  const length = 8 + Math.floor(random() * 18);
  const words = Array.from({ length }, word);
  words[0] = words[0]!.charAt(0).toUpperCase() + words[0]!.slice(1);
  return `${words.join(' ')}.`;
}

/** Writes `count` synthetic ~5 KB articles (headline, byline, date, paragraphs, quotes, shared passages, an ad marker). */
export function writeCorpus(folder: string, count: number, seed = 20251103): void {
  if (existsSync(folder) && readdirSync(folder).length === count) return;
  mkdirSync(folder, { recursive: true });
  const random = seededRandom(seed);
  const word = zipfVocabulary(random, 30000);
  const shared = Array.from({ length: Math.max(20, Math.floor(count / 20)) }, () =>
    Array.from({ length: 3 }, () => sentence(random, word)).join(' '),
  );
  for (let index = 0; index < count; index++) {
    const speaker = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const author = `${pick(random, FIRST_NAMES)} ${pick(random, LAST_NAMES)}`;
    const paragraphs: string[] = [];
    paragraphs.push(Array.from({ length: 8 }, word).join(' ').replace(/^./, (c) => c.toUpperCase()));
    paragraphs.push(`By ${author}, ${pick(random, OUTLETS)}`);
    paragraphs.push(`Published ${pick(random, MONTHS)} ${1 + Math.floor(random() * 28)}, ${2020 + Math.floor(random() * 6)}`);
    let size = paragraphs.join('\n\n').length;
    while (size < 4800) {
      const roll = random();
      let paragraph: string;
      if (roll < 0.15) paragraph = `“${sentence(random, word).slice(0, -1)},” said ${speaker}. “${sentence(random, word)}”`;
      else if (roll < 0.22) paragraph = pick(random, shared);
      else if (roll < 0.24) paragraph = 'Advertisement';
      else paragraph = Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(random, word)).join(' ');
      paragraphs.push(paragraph);
      size += paragraph.length + 2;
    }
    writeFileSync(join(folder, `article-${String(index).padStart(6, '0')}.txt`), `${paragraphs.join('\n\n')}\n`);
  }
}

/** Twenty mixed queries over the synthetic vocabulary: words, phrases, boolean, fields, prefix, fuzzy, boost. */
export function benchmarkQueries(seed = 20251103): string[] {
  const word = zipfVocabulary(seededRandom(seed), 30000);
  const middle = () => {
    let candidate = word();
    while (candidate.length < 6 || FUNCTION_WORDS.includes(candidate)) candidate = word();
    return candidate;
  };
  return [
    middle(),
    `${middle()} ${middle()}`,
    `"${FUNCTION_WORDS[1]} ${FUNCTION_WORDS[0]}"`,
    `${middle()} OR ${middle()}`,
    `${middle()} -${middle()}`,
    `+${middle()} ${middle()}`,
    `(${middle()} OR ${middle()}) AND ${middle()}`,
    `byline:${LAST_NAMES[3]}`,
    `outlet:"Northern Wire" ${middle()}`,
    `title:${middle()}`,
    `${middle().slice(0, 4)}*`,
    `${middle().slice(0, 3)}*`,
    `${middle()}~1`,
    `${middle()}~2`,
    `${middle()}^3 ${middle()}`,
    `said ${FIRST_NAMES[2]}`,
    `"${LAST_NAMES[5]} said"`,
    `${middle()} NOT ${middle()}`,
    `text:${middle()} title:${middle()}`,
    `${middle()} ${middle()} ${middle()}`,
  ];
}
