import { Lexer, type Token, type Tokens } from 'marked';
import { createElement, type ReactNode } from 'react';

/**
 * A note's Markdown as React elements, built from `marked`'s tokens and never from HTML: raw HTML in a note stays
 * visible text, links show their address beside their words and lead nowhere, images show their description.
 */
export function MarkdownPreview({ source }: { source: string }) {
  const tokens = lex(source);
  if (tokens.every((token) => token.type === 'space')) return <div className="markdown-preview empty">Nothing written yet.</div>;
  return <div className="markdown-preview">{blocks(tokens)}</div>;
}

/** The block tokens of a text; a text the lexer cannot read is shown as it stands. */
function lex(source: string): Token[] {
  try {
    return new Lexer({ gfm: true, breaks: true }).lex(source);
  } catch {
    return [{ type: 'paragraph', raw: source, text: source, tokens: [{ type: 'text', raw: source, text: source }] }];
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Turns the character references a note may contain (&amp;, &#39;, &#x2014;) into their characters, as text. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Block tokens as elements, keyed by position. */
function blocks(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((token, index) => block(token, index));
}

/** One block token as an element. */
function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'space':
    case 'def':
      return null;
    case 'heading': {
      const heading = token as Tokens.Heading;
      // Headings inside a note sit under the panel's own: h1 becomes h3, and so on.
      return createElement(`h${Math.min(6, heading.depth + 2)}`, { key }, inline(heading.tokens));
    }
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'text': {
      const text = token as Tokens.Text;
      return <p key={key}>{text.tokens ? inline(text.tokens) : decodeEntities(text.text)}</p>;
    }
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{blocks((token as Tokens.Blockquote).tokens)}</blockquote>;
    case 'list':
      return list(token as Tokens.List, key);
    case 'hr':
      return <hr key={key} />;
    case 'table':
      return table(token as Tokens.Table, key);
    case 'html':
      // Raw HTML is shown as the characters typed, never interpreted.
      return (
        <p key={key} className="raw-html">
          {(token as Tokens.HTML).text.replace(/\s+$/, '')}
        </p>
      );
    default:
      return <p key={key}>{'raw' in token ? String(token.raw) : ''}</p>;
  }
}

/** A list, ordered or not, with task boxes shown as ☐/☑ characters. */
function list(token: Tokens.List, key: number): ReactNode {
  const items = token.items.map((item, index) => (
    <li key={index}>
      {item.task ? <span className="task-box">{item.checked ? '☑ ' : '☐ '}</span> : null}
      {item.loose ? blocks(item.tokens) : tight(item.tokens)}
    </li>
  ));
  if (token.ordered) return <ol key={key} start={typeof token.start === 'number' && token.start !== 1 ? token.start : undefined}>{items}</ol>;
  return <ul key={key}>{items}</ul>;
}

/** The content of a tight list item: its text inline, any nested block (a sub-list) as a block. */
function tight(tokens: readonly Token[]): ReactNode[] {
  return tokens.map((token, index) => {
    if (token.type === 'text') {
      const text = token as Tokens.Text;
      return <span key={index}>{text.tokens ? inline(text.tokens) : decodeEntities(text.text)}</span>;
    }
    return block(token, index);
  });
}

/** A table, its cells as inline text. */
function table(token: Tokens.Table, key: number): ReactNode {
  const align = (index: number) => token.align[index] ?? undefined;
  return (
    <table key={key}>
      <thead>
        <tr>
          {token.header.map((cell, index) => (
            <th key={index} style={{ textAlign: align(index) }}>
              {inline(cell.tokens)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {token.rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            {row.map((cell, index) => (
              <td key={index} style={{ textAlign: align(index) }}>
                {inline(cell.tokens)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Inline tokens as elements and text. */
function inline(tokens: readonly Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, index) => inlineToken(token, index));
}

/** One inline token: emphasis, code, links as words plus their address, images as their description. */
function inlineToken(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? <span key={key}>{inline(text.tokens)}</span> : decodeEntities(text.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
    case 'em':
      return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
    case 'del':
      return <del key={key}>{inline((token as Tokens.Del).tokens)}</del>;
    case 'codespan':
      return <code key={key}>{(token as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link': {
      const link = token as Tokens.Link;
      const words = inline(link.tokens);
      const same = link.text === link.href || link.href === `mailto:${link.text}`;
      return (
        <span key={key} className="note-link" title={link.href}>
          {words}
          {same ? null : <span className="note-link-address"> ({link.href})</span>}
        </span>
      );
    }
    case 'image': {
      const image = token as Tokens.Image;
      return (
        <span key={key} className="note-image" title={image.href}>
          [image: {image.text || 'no description'}]
        </span>
      );
    }
    case 'html':
      return (
        <span key={key} className="raw-html">
          {(token as Tokens.Tag).text}
        </span>
      );
    default:
      return 'raw' in token ? String(token.raw) : '';
  }
}
