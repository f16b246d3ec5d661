/**
 * The hits the library search marks in a row's text, computed with FTS5 alone, as the reference for the JS hit finder
 * (src-main/core/search/text-hits.ts). The rule: a part of the query marks its phrases only when it matches the row
 * (an OR's failing branch and a NOT's excluded side mark nothing). Which parts match is asked of FTS5 (the part's MATCH
 * limited to the row); the marks are highlight() of an OR of the phrases that are left, so FTS5 does the tokenising,
 * the stemming and the joining of instances.
 *
 * `rowid = CAST(? AS INTEGER)`: FTS5 ignores `rowid = ?` bound to a JS number and answers every matching row.
 *
 * highlight() of the whole query is not the reference: it marks the phrases whose FTS5 cursors rest on the row, and a
 * failing part's cursor can rest there (`(a "no such phrase") OR b` marks a in the first row holding a).
 */
import type Database from 'better-sqlite3';
import { renderFts, type FtsExpression } from '../../src-main/core/search/query-fts';
import { HIT_CLOSE, HIT_OPEN, readMarkedText, type MarkedText } from '../../src-main/core/search/snippets';

/** The text of `column` in row `rowid` of the FTS5 `table` and the hits the search marks in it for `expression`. */
export function referenceHits(db: Database.Database, table: string, expression: FtsExpression, rowid: number, column: number, columnName: string): MarkedText {
  const matchesRow = db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ? AND rowid = CAST(? AS INTEGER)`).pluck();
  const live: FtsExpression[] = [];
  const visit = (node: FtsExpression, within: string | null): void => {
    const limited: FtsExpression = within === null ? node : { kind: 'column', column: within, child: node };
    if ((matchesRow.get(renderFts(limited), rowid) as number) === 0) return;
    switch (node.kind) {
      case 'phrase':
        live.push(limited);
        return;
      case 'and':
      case 'or':
        for (const child of node.children) visit(child, within);
        return;
      case 'not':
        visit(node.include, within);
        return;
      case 'column':
        visit(node.child, node.column);
        return;
    }
  };
  visit(expression, null);
  if (live.length === 0) {
    const text = db.prepare(`SELECT ${columnName} FROM ${table} WHERE rowid = ?`).pluck().get(rowid) as string | null;
    return { text: text ?? '', hits: [] };
  }
  const marked = db
    .prepare(`SELECT highlight(${table}, ${column}, '${HIT_OPEN}', '${HIT_CLOSE}') FROM ${table} WHERE ${table} MATCH ? AND rowid = CAST(? AS INTEGER)`)
    .pluck()
    .get(renderFts({ kind: 'or', children: live }), rowid) as string | null;
  return readMarkedText(marked ?? '');
}
