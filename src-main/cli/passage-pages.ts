import type { ComparedPassage, ComparedPassagePage } from '../contract/compare';
import { describePassagePart, describePassages } from './describe-compare';
import type { Output } from './output';

/**
 * Prints a scope's shared passages page by page as they come (a story of 100k articles has close to a million), as
 * JSON exactly as `JSON.stringify(list, null, 2)` would print the whole list, or as describePassages would word it.
 */
export async function printPassagePages(pageAt: (offset: number) => Promise<ComparedPassagePage>, json: boolean, output: Output): Promise<void> {
  let page = await pageAt(0);
  if (page.total === 0) {
    output.out(json ? '[]' : describePassages([]));
    return;
  }
  if (json) output.out('[');
  let previous: ComparedPassage | undefined;
  let printed = 0;
  while (page.passages.length > 0) {
    if (json) {
      for (const passage of page.passages) {
        printed++;
        output.out(`  ${JSON.stringify(passage, null, 2).replace(/\n/g, '\n  ')}${printed < page.total ? ',' : ''}`);
      }
    } else {
      output.out(describePassagePart(page.passages, previous));
      printed += page.passages.length;
    }
    previous = page.passages.at(-1);
    if (printed >= page.total) break;
    page = await pageAt(printed);
  }
  if (json) output.out(']');
}
