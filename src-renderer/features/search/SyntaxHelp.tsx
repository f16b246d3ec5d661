/** The query syntax, row by row: what to type and what it finds. */
const SYNTAX: [string, string][] = [
  ['cartel mission', 'documents with both words'],
  ['"Title 50"', 'the exact phrase'],
  ['+troops -Venezuela', 'must have troops, must not have Venezuela'],
  ['CIA OR JSOC', 'either word (also AND, NOT, parentheses)'],
  ['title:mexico', 'in one field: title, outlet, byline or text'],
  ['outlet:"Tampa Free Press"', 'a phrase in a field'],
  ['cartel*', 'words starting with cartel'],
  ['Sheinbam~1', 'within one typo (~2: two)'],
  ['drone^2 strike', 'drone counts twice as much'],
];

/** The "?" beside the search box: the syntax explained on hover or focus. */
export function SyntaxHelp() {
  return (
    <span className="syntax-help">
      <button type="button" className="icon-button syntax-button" aria-describedby="search-syntax" aria-label="Search syntax">
        ?
      </button>
      <span role="tooltip" id="search-syntax" className="syntax-tooltip">
        <strong>Search syntax</strong>
        <span className="syntax-table">
          {SYNTAX.map(([example, meaning]) => (
            <span key={example} className="syntax-row">
              <code>{example}</code>
              <span>{meaning}</span>
            </span>
          ))}
        </span>
      </span>
    </span>
  );
}

/** The same syntax as one line of plain text, for the search box's native tooltip. */
export const SYNTAX_SUMMARY = `Words, "phrases", +must, -not, AND/OR/NOT, field:term (title, outlet, byline, text), prefix*, fuzzy~1, term^2`;
