/** Where a PDF's page numbers stand in the reader: before the paragraph each page begins in. */

/** A page number shown before a paragraph; `inside` when the page begins within it (the paragraph runs on from the page before). */
export interface PageMark {
  page: number;
  inside: boolean;
}

/**
 * The page marks of each paragraph (by index), from the pages' reading-text offsets: a page is marked before the
 * paragraph that holds its first character, or before the next paragraph when it begins in the gap between two.
 */
export function pageMarksByParagraph(pages: readonly { page: number; at: number }[], paragraphs: readonly { start: number; end: number }[]): Map<number, PageMark[]> {
  const marks = new Map<number, PageMark[]>();
  let index = 0;
  for (const { page, at } of [...pages].sort((left, right) => left.at - right.at || left.page - right.page)) {
    while (index < paragraphs.length && paragraphs[index]!.end <= at) index++;
    if (index >= paragraphs.length) break;
    const paragraph = paragraphs[index]!;
    const list = marks.get(index) ?? [];
    list.push({ page, inside: at > paragraph.start });
    marks.set(index, list);
  }
  return marks;
}
