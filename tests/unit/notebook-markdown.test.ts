// The notebook's Markdown preview: Markdown becomes React elements, and nothing a note contains becomes live HTML.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownPreview, decodeEntities } from '../../src-renderer/features/notebook/MarkdownPreview';
import { noteTitle } from '../../src-renderer/features/notebook/note-text';

/** The preview of a note body as static HTML. */
function render(source: string): string {
  return renderToStaticMarkup(createElement(MarkdownPreview, { source }));
}

/** Every tag name in a piece of HTML. */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<([a-z][a-z0-9]*)/g)].map((match) => match[1]!);
}

/** Tags the preview is allowed to produce. */
const ALLOWED = new Set(['div', 'p', 'span', 'h3', 'h4', 'h5', 'h6', 'strong', 'em', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

test('headings, emphasis, code, lists and block quotes become elements', () => {
  const html = render('# Lead\n\nThe **mayor** said *no* to `budget.xls`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted words\n\n```\nline <b>1</b>\n```');
  assert.match(html, /<h3>Lead<\/h3>/);
  assert.match(html, /<strong>mayor<\/strong>/);
  assert.match(html, /<em>no<\/em>/);
  assert.match(html, /<code>budget.xls<\/code>/);
  assert.match(html, /<ul><li><span>one<\/span><\/li><li><span>two<\/span><\/li><\/ul>/);
  assert.match(html, /<ol><li>/);
  assert.match(html, /<blockquote><p>quoted words<\/p><\/blockquote>/);
  assert.match(html, /<pre><code>line &lt;b&gt;1&lt;\/b&gt;<\/code><\/pre>/);
});

test('a script in a note is shown as text, never as an element', () => {
  const html = render('<script>alert(1)</script>\n\nInline <script>alert(2)</script> too.');
  assert.doesNotMatch(html, /<script/i);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(html, /Inline <span class="raw-html">&lt;script&gt;<\/span>alert\(2\)/);
});

test('HTML with event handlers stays inert text', () => {
  const html = render('<img src=x onerror="alert(1)">\n\nA <b onmouseover="alert(2)">bold</b> claim <iframe src="javascript:alert(3)"></iframe>');
  for (const tag of tagsOf(html)) assert.ok(ALLOWED.has(tag), `unexpected <${tag}>`);
  assert.doesNotMatch(html, /<img|<iframe|<b /);
  // Handlers appear only as escaped text, never as an attribute of an element.
  assert.doesNotMatch(html, /<[^>]*\son[a-z]+=/i);
  assert.match(html, /&lt;img src=x onerror=/);
});

test('links are words with their address and lead nowhere, javascript: included', () => {
  const html = render('See [the minutes](https://example.org/minutes) and [click me](javascript:alert(1)) and <https://example.com>.');
  assert.doesNotMatch(html, /<a[\s>]/);
  assert.doesNotMatch(html, /href=/);
  assert.match(html, /the minutes<span class="note-link-address"> \(https:\/\/example.org\/minutes\)<\/span>/);
  assert.match(html, /click me<span class="note-link-address"> \(javascript:alert\(1\)\)<\/span>/);
  // An address written as a link shows once.
  assert.match(html, /title="https:\/\/example.com">https:\/\/example.com<\/span>\./);
});

test('images are shown as their description, and nothing is fetched', () => {
  const html = render('![harbour at dawn](http://203.0.113.5/pixel.gif "tracker") and ![](x.png)');
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /\[image: harbour at dawn\]/);
  assert.match(html, /\[image: no description\]/);
  for (const tag of tagsOf(html)) assert.ok(ALLOWED.has(tag), `unexpected <${tag}>`);
});

test('character references become characters, as text', () => {
  assert.equal(decodeEntities('Fish &amp; chips &#8212; &#x2014; &lt;b&gt; &bogus;'), 'Fish & chips — — <b> &bogus;');
  const html = render('Tom &amp; Jerry &lt;script&gt;');
  assert.match(html, /Tom &amp; Jerry &lt;script&gt;/);
  assert.doesNotMatch(html, /<script/);
});

test('an empty note says so', () => {
  assert.match(render('  \n\n'), /Nothing written yet/);
});

test('a note is titled by its first line, without Markdown marks', () => {
  assert.equal(noteTitle('# Budget *vote*\n\nmore', []), 'Budget vote');
  assert.equal(noteTitle('\n\n> - quoted [words](http://x.org) here', []), 'quoted words here');
  assert.equal(noteTitle('', [{ selector: { exact: 'We reject any form of intervention' } }]), '“We reject any form of intervention”');
  assert.equal(noteTitle('', []), 'Untitled note');
});
