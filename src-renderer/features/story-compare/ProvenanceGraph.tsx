import { useMemo, useState, type KeyboardEvent } from 'react';
import type { ProvenanceEdge } from '../../../src-main/contract/compare';
import { plural } from '../../components/document-label';
import type { Passage } from '../compare/use-workspace';
import { GRAPH, layoutProvenance, type GraphLayout, type GraphLink } from './provenance-layout';
import type { SourceColumn } from './source-columns';

/** What the provenance graph shows and reports. */
export interface ProvenanceGraphProps {
  columns: readonly SourceColumn[];
  edges: readonly ProvenanceEdge[];
  /** Colours of origins, so an outlet looks the same here as in the matrix. */
  tones: ReadonlyMap<string, number>;
  onOpenPassages(passages: Passage[], note: string): void;
}

/** Above this many curves, the "×3" credit counts show only on the curves pointed at. */
const CROWDED_LINKS = 24;

/** What the reporter points at: a curve, or a node whose curves stand out. */
type Focus = { kind: 'link'; key: string } | { kind: 'source'; id: string } | { kind: 'outlet'; name: string };

/** Who cites whom, drawn: the story's sources on the left, the outlets they credit on the right, one curve per pair. */
export function ProvenanceGraph({ columns, edges, tones, onOpenPassages }: ProvenanceGraphProps) {
  const layout = useMemo(
    () => layoutProvenance(columns.map((column) => ({ id: column.id, label: column.label, date: column.date, outlet: column.outlet })), edges),
    [columns, edges],
  );
  // What the pointer is on (passing), and what was clicked or tabbed to (kept until another is chosen or cleared).
  const [pointed, setPointed] = useState<Focus | null>(null);
  const [chosen, setChosen] = useState<Focus | null>(null);
  const focus = pointed ?? chosen;
  const labels = useMemo(() => new Map(columns.map((column) => [column.id, column.label])), [columns]);

  if (layout.links.length === 0) {
    return <p className="empty-state">None of these sources credits another outlet or agency: no “according to …”, “… reported” or “(AP)” was found.</p>;
  }

  const lit = (link: GraphLink) =>
    focus === null ||
    (focus.kind === 'link' && focus.key === link.key) ||
    (focus.kind === 'source' && focus.id === link.from) ||
    (focus.kind === 'outlet' && focus.name === link.to);
  // Many curves: credit counts show only for what the reporter points at, so the picture does not fill with badges.
  const crowded = layout.links.length > CROWDED_LINKS;
  const isChosen = (item: Focus) => chosen !== null && sameFocus(chosen, item);
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || chosen === null) return;
    event.stopPropagation();
    setChosen(null);
  };
  const describe = (link: GraphLink) => `${labels.get(link.from) ?? link.from} credits ${link.to} ${link.phrases.length === 1 ? 'once' : `${link.phrases.length} times`}`;

  return (
    <div className="provenance">
      <p className="graph-summary">{graphSummary(layout, columns.length)}</p>
      <div className="graph-body" onKeyDown={onKey}>
        <div className="graph-scroller">
          <svg
            className={`provenance-graph${focus ? ' has-focus' : ''}`}
            role="group"
            aria-label="Who cites whom: the sources of the story on the left, the outlets they credit on the right"
            width={layout.width}
            height={layout.height + 22}
            viewBox={`0 -22 ${layout.width} ${layout.height + 22}`}
            onMouseLeave={() => setPointed(null)}
          >
            <rect className="graph-background" x={0} y={-22} width={layout.width} height={layout.height + 22} onMouseEnter={() => setPointed(null)} />
            <text className="graph-heading" x={GRAPH.sourceX} y={-6} textAnchor="end">
              Sources in this story
            </text>
            <text className="graph-heading" x={GRAPH.outletX} y={-6} textAnchor="start">
              Outlets they credit
            </text>
            <g className="graph-links">
              {layout.links.map((link) => {
                const linkFocus: Focus = { kind: 'link', key: link.key };
                return (
                  <g
                    key={link.key}
                    className={`graph-link${lit(link) ? ' lit' : ' dimmed'}${isChosen(linkFocus) ? ' chosen' : ''}`}
                    data-from={link.from}
                    data-to={link.to}
                    role="button"
                    tabIndex={0}
                    aria-label={describe(link)}
                    aria-pressed={isChosen(linkFocus)}
                    onMouseEnter={() => setPointed(linkFocus)}
                    onFocus={() => setChosen(linkFocus)}
                    onClick={() => setChosen(linkFocus)}
                  >
                    <title>{`${describe(link)}: ${link.phrases.map((phrase) => `“${flat(phrase.text)}”`).join(', ')}`}</title>
                    <path className="link-hit" d={link.path} />
                    <path className="link-line" d={link.path} style={{ strokeWidth: link.width }} />
                  </g>
                );
              })}
            </g>
            <g className="graph-counts" aria-hidden="true">
              {layout.links.map((link) =>
                link.label && (crowded ? focus !== null && lit(link) : true) ? (
                  <g key={link.key} className={`link-count${lit(link) ? '' : ' dimmed'}`} transform={`translate(${link.label.x} ${link.label.y})`}>
                    <rect x={-(5 + 3.5 * link.label.text.length)} y={-8} width={10 + 7 * link.label.text.length} height={16} rx={8} />
                    <text y={4} textAnchor="middle">
                      {link.label.text}
                    </text>
                  </g>
                ) : null,
              )}
            </g>
            <g className="graph-sources">
              {layout.sources.map((node) => (
                <g
                  key={node.id}
                  className={`graph-source${node.outlets === 0 ? ' silent' : ''}`}
                  data-source={node.id}
                  transform={`translate(${node.x} ${node.y})`}
                  onMouseEnter={() => setPointed({ kind: 'source', id: node.id })}
                  onClick={() => setChosen({ kind: 'source', id: node.id })}
                >
                  <title>{`${node.label}: ${node.outlets === 0 ? 'credits no outlet' : `credits ${plural(node.outlets, 'outlet')} (${plural(node.credits, 'credit')})`}`}</title>
                  <rect className="node-hit" x={-GRAPH.sourceX + 8} y={-GRAPH.row / 2} width={GRAPH.sourceX} height={GRAPH.row} />
                  <circle r={5} />
                  <text x={-12} y={4.5} textAnchor="end">
                    {node.shortLabel}
                  </text>
                </g>
              ))}
            </g>
            <g className="graph-outlets">
              {layout.outlets.map((node) => (
                <g
                  key={node.name}
                  className={`graph-outlet${tones.has(node.name) ? ` origin-tone-${tones.get(node.name)} is-origin` : ''}`}
                  data-outlet={node.name}
                  role="img"
                  aria-label={`${node.name}: credited by ${plural(node.sources, 'source')}${node.inStory ? ', and one of the sources itself' : ''}`}
                  transform={`translate(${node.x} ${node.y})`}
                  onMouseEnter={() => setPointed({ kind: 'outlet', name: node.name })}
                  onClick={() => setChosen({ kind: 'outlet', name: node.name })}
                >
                  <title>{`${node.name}: credited by ${plural(node.sources, 'source')}, ${plural(node.credits, 'time')} in all${node.inStory ? '. Its own article is one of the sources.' : ''}`}</title>
                  <circle r={node.r} />
                  <text className="outlet-name" x={node.r + 9} y={-1}>
                    {node.shortName}
                  </text>
                  <text className="outlet-note" x={node.r + 9} y={14}>
                    {`cited by ${plural(node.sources, 'source')}${node.inStory ? ' · also a source' : ''}`}
                  </text>
                </g>
              ))}
            </g>
          </svg>
        </div>
        <GraphDetails focus={focus} chosen={chosen !== null && focus === chosen} layout={layout} labels={labels} onClear={() => setChosen(null)} onOpenPassages={onOpenPassages} />
      </div>
    </div>
  );
}

/** The panel beside the picture: the exact words of the credits the reporter points at, each opening the reader. */
function GraphDetails({
  focus,
  chosen,
  layout,
  labels,
  onClear,
  onOpenPassages,
}: {
  focus: Focus | null;
  /** Whether what is shown was clicked or tabbed to (and can be cleared), not merely pointed at. */
  chosen: boolean;
  layout: GraphLayout;
  labels: ReadonlyMap<string, string>;
  onClear(): void;
  onOpenPassages(passages: Passage[], note: string): void;
}) {
  const links =
    focus === null
      ? []
      : layout.links.filter((link) =>
          focus.kind === 'link' ? link.key === focus.key : focus.kind === 'source' ? link.from === focus.id : link.to === focus.name,
        );
  const title =
    focus === null
      ? null
      : focus.kind === 'link'
        ? null
        : focus.kind === 'source'
          ? `${labels.get(focus.id) ?? focus.id} credits ${links.length === 0 ? 'no outlet' : plural(links.length, 'outlet')}`
          : `${focus.name} is credited by ${plural(links.length, 'source')}`;
  return (
    <aside className="graph-details" aria-label="Credits" aria-live="polite">
      {focus === null ? (
        <p className="quiet">Point at a line, a source or an outlet to read the words each source uses to credit the outlet. Click one (or tab to it) to keep them here.</p>
      ) : (
        <>
          {title ? <h3>{title}</h3> : null}
          {links.map((link) => (
            <div key={link.key} className="credit-group">
              <p className="credit-line">
                <strong>{labels.get(link.from) ?? link.from}</strong> credits <strong>{link.to}</strong>{' '}
                <span className="quiet">{link.phrases.length === 1 ? 'once' : `${link.phrases.length} times`}</span>
              </p>
              <ol className="credit-phrases" aria-label={`How ${labels.get(link.from) ?? link.from} credits ${link.to}`}>
                {link.phrases.map((phrase) => (
                  <li key={`${phrase.start}:${phrase.end}`}>
                    <button
                      type="button"
                      className="phrase-button"
                      title="Open the source at these words"
                      onClick={() => onOpenPassages([{ docId: phrase.from.id, start: phrase.start, end: phrase.end }], `Credit to ${link.to}`)}
                    >
                      “{flat(phrase.text)}”
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          ))}
          {chosen ? (
            <button type="button" className="link-button" onClick={onClear} title="Esc">
              Clear
            </button>
          ) : null}
        </>
      )}
    </aside>
  );
}

/** Two focuses name the same thing. */
function sameFocus(left: Focus, right: Focus): boolean {
  if (left.kind === 'link' && right.kind === 'link') return left.key === right.key;
  if (left.kind === 'source' && right.kind === 'source') return left.id === right.id;
  if (left.kind === 'outlet' && right.kind === 'outlet') return left.name === right.name;
  return false;
}

/** A phrase on one line. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** One sentence on who is cited most, for a reporter skimming. */
function graphSummary(layout: GraphLayout, sourceTotal: number): string {
  const [top, ...rest] = layout.outlets;
  if (!top) return '';
  const silent = layout.sources.filter((node) => node.outlets === 0).length;
  const lead = top.sources === sourceTotal ? `All ${sourceTotal} sources credit ${top.name}.` : `${top.name} is credited by ${top.sources} of the ${sourceTotal} sources.`;
  const others = rest.length > 0 ? ` ${plural(rest.length, 'other outlet is', 'other outlets are')} credited too.` : '';
  const none = silent > 0 ? ` ${plural(silent, 'source credits', 'sources credit')} no outlet at all.` : '';
  return `${lead}${others}${none}`;
}
