import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseHtml } from '../../src-main/core/extract/html';
import { limitNesting } from '../../src-main/core/extract/html-nesting';
import { normalizeText } from '../../src-main/core/extract/normalize';

const PARAGRAPH_ONE =
  'The Trump administration is reportedly planning military action in Mexico to combat drug cartels, officials said.';
const PARAGRAPH_TWO = 'President Donald Trump has been ramping up military operations against the cartels this autumn.';
const PARAGRAPH_THREE =
  'But now, it appears the administration will be taking further action in Mexico, according to NBC News reporting.';

const NEWS_PAGE = `<!doctype html>
<html lang="en"><head>
<title>US weighs troops in Mexico | The Daily</title>
<meta charset="utf-8">
<meta property="og:title" content="US weighs sending troops to Mexico">
<meta property="og:site_name" content="The Daily">
<meta property="og:url" content="https://daily.example/og-url">
<meta name="author" content="By Jane Doe">
<meta property="article:published_time" content="2025-11-03T14:05:00Z">
<link rel="canonical" href="https://daily.example/world/mexico-troops">
<style>.hidden { display: none } body::after { content: "STYLETEXT" }</style>
<script>window.leak = "SCRIPTTEXT";</script>
</head><body>
<header class="site-header"><a href="/">The Daily</a>
  <nav><ul><li><a href="/world">World NAVTEXT</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<div id="cookie-consent" class="cookie-banner"><p>We use cookies COOKIETEXT to improve your experience.</p><button>Accept all</button></div>
<main><article>
  <h1>US weighs sending troops to Mexico</h1>
  <p class="byline">By Jane Doe</p>
  <p>${PARAGRAPH_ONE}</p>
  <figure><img src="border.jpg" alt="ALTTEXT"><figcaption>Soldiers at the border. (Reuters/File)</figcaption></figure>
  <p>${PARAGRAPH_TWO.replace('military operations', '<a href="/ops">military <em>operations</em></a>')}</p>
  <div class="newsletter-box"><h3>Get our morning briefing NEWSLETTERTEXT</h3><form><input type="email"><button>Sign up</button></form></div>
  <ul><li>First point</li><li>Second point</li></ul>
  <p>Line one<br>Line two</p>
  <p>${PARAGRAPH_THREE}</p>
  <aside class="related-stories"><h4>Related RELATEDTEXT</h4><ul><li><a href="/x">Other story</a></li></ul></aside>
  <div class="share-tools"><a href="#">Share on X SHARETEXT</a></div>
</article></main>
<section class="more-stories"><h2>More stories MORETEXT</h2><p><a href="/y">Another headline that is long enough</a></p></section>
<footer><p>Copyright 2025 The Daily FOOTERTEXT</p></footer>
<script>document.write("WRITTENTEXT")</script>
</body></html>`;

test('news page: the article text, and nothing from the page chrome', () => {
  const parsed = parseHtml(NEWS_PAGE);
  assert.equal(parsed.format, 'html');
  for (const paragraph of [PARAGRAPH_ONE, PARAGRAPH_TWO, PARAGRAPH_THREE]) assert.ok(parsed.rawText.includes(paragraph), paragraph);
  for (const marker of ['NAVTEXT', 'COOKIETEXT', 'NEWSLETTERTEXT', 'RELATEDTEXT', 'SHARETEXT', 'MORETEXT', 'FOOTERTEXT', 'SCRIPTTEXT', 'STYLETEXT', 'WRITTENTEXT', 'ALTTEXT']) {
    assert.ok(!parsed.rawText.includes(marker), `${marker} leaked into the text`);
  }
  assert.ok(!/<\/?[a-z][^>]*>/i.test(parsed.rawText), 'markup in the text');
  assert.ok(!parsed.rawText.includes('&'), 'entities or markup left');
});

test('news page: paragraphs, line breaks, list items and captions', () => {
  const parsed = parseHtml(NEWS_PAGE);
  const paragraphs = parsed.rawText.split('\n\n');
  assert.ok(paragraphs.includes(PARAGRAPH_ONE));
  assert.ok(paragraphs.includes('First point\nSecond point'));
  assert.ok(paragraphs.includes('Line one\nLine two'));
  assert.equal(normalizeText(parsed.rawText), parsed.rawText);
  assert.equal(parsed.boilerplate.length, 1);
  const caption = parsed.boilerplate[0];
  assert.ok(caption !== undefined);
  assert.equal(caption.reason, 'photo-credit');
  assert.equal(parsed.rawText.slice(caption.start, caption.end), 'Soldiers at the border. (Reuters/File)');
});

test('news page: metadata from og, meta author, article:published_time and rel=canonical', () => {
  assert.deepEqual(parseHtml(NEWS_PAGE).metadata, {
    title: 'US weighs sending troops to Mexico',
    outlet: 'The Daily',
    byline: 'Jane Doe',
    published: '2025-11-03T14:05:00+00:00',
    url: 'https://daily.example/world/mexico-troops',
  });
});

const LONG_BODY = `<p>${PARAGRAPH_ONE} ${PARAGRAPH_TWO}</p><p>${PARAGRAPH_THREE} ${PARAGRAPH_ONE}</p>`;

test('JSON-LD gives headline, date, authors, publisher and url when meta tags are missing', () => {
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebSite', name: 'Not the outlet' },
      {
        '@type': 'NewsArticle',
        headline: 'Headline from JSON-LD',
        datePublished: '2025-11-03T09:30:00-05:00',
        author: [{ '@type': 'Person', name: 'Ana Ruiz' }, { name: 'Bo Li' }],
        publisher: { '@type': 'Organization', name: 'El Diario' },
        url: 'https://diario.example/a',
      },
    ],
  });
  const parsed = parseHtml(`<html><head><title>x</title><script type="application/ld+json">${jsonLd}</script></head><body><article>${LONG_BODY}</article></body></html>`);
  assert.deepEqual(parsed.metadata, {
    title: 'Headline from JSON-LD',
    outlet: 'El Diario',
    byline: 'Ana Ruiz, Bo Li',
    published: '2025-11-03T09:30:00-05:00',
    url: 'https://diario.example/a',
  });
});

test('fallbacks: <title> without the outlet suffix, <time datetime>, application-name, og:url, relative canonical', () => {
  const page = (head: string, body = ''): string => `<html><head>${head}</head><body><article>${LONG_BODY}${body}</article></body></html>`;
  const titled = parseHtml(page('<title>Mission planned in Mexico | The Daily</title><meta property="og:site_name" content="The Daily">'));
  assert.equal(titled.metadata.title, 'Mission planned in Mexico');
  const timed = parseHtml(page('<meta name="date" content="2025-01-01">', '<p>Posted <time datetime="2025-11-04">Nov 4</time></p>'));
  assert.equal(timed.metadata.published, '2025-11-04');
  const dated = parseHtml(page('<meta name="date" content="November 3, 2025">'));
  assert.equal(dated.metadata.published, '2025-11-03');
  const app = parseHtml(page('<meta name="application-name" content="Daily App">'));
  assert.equal(app.metadata.outlet, 'Daily App');
  const og = parseHtml(page('<meta property="og:url" content="https://x.example/og">'));
  assert.equal(og.metadata.url, 'https://x.example/og');
  const relative = parseHtml(page('<link rel="canonical" href="/world/a">'), { url: 'https://news.example/page?x=1' });
  assert.equal(relative.metadata.url, 'https://news.example/world/a');
  const hostile = parseHtml(page('<link rel="canonical" href="javascript:alert(1)">'));
  assert.equal(hostile.metadata.url, null);
});

test('short pages fall back to the body text without chrome', () => {
  const parsed = parseHtml('<html><body><nav><a href="/">Home</a></nav><p>Short note from the desk.</p><footer>Footer</footer></body></html>');
  assert.equal(parsed.rawText, 'Short note from the desk.');
  assert.equal(parseHtml('<p>A fragment &amp; no shell</p>').rawText, 'A fragment & no shell');
  assert.equal(parseHtml('<html><body><nav>Only navigation</nav></body></html>').rawText, '');
});

test('a page wrapped in a <form> (ASP.NET) keeps its article', () => {
  const parsed = parseHtml(`<html><body><form id="aspnetForm"><div id="content">${LONG_BODY}</div></form></body></html>`);
  assert.ok(parsed.rawText.includes(PARAGRAPH_THREE));
});

test('data tables become rows of cells, layout tables become paragraphs', () => {
  const text = parseHtml(
    '<table><tr><td><p>Layout paragraph one.</p></td><td><p>Layout two.</p></td></tr></table>' +
      '<table><tr><th>Name</th><th>Votes</th></tr><tr><td>Ana</td><td>12</td></tr></table>',
  ).rawText;
  assert.equal(text, 'Layout paragraph one.\n\nLayout two.\n\nName | Votes\nAna | 12');
});

test('scripts never run and nothing is fetched', () => {
  const global = globalThis as Record<string, unknown>;
  delete global.parallaxPwned;
  const parsed = parseHtml(
    '<p>Safe text.</p><script>globalThis.parallaxPwned = true</script><img src="x" onerror="globalThis.parallaxPwned = true"><iframe src="https://example.com"></iframe>',
  );
  assert.equal(global.parallaxPwned, undefined);
  assert.equal(parsed.rawText, 'Safe text.');
});

test('100k-deep nesting neither hangs nor blows the stack', () => {
  const depth = 100_000;
  const started = Date.now();
  const parsed = parseHtml(`<html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}hello deep world${'</div>'.repeat(depth)}</body></html>`);
  assert.equal(parsed.rawText, 'hello deep world');
  const lists = parseHtml(`<p>start</p>${'<ul><li>'.repeat(depth)}bottom`);
  assert.ok(lists.rawText.startsWith('start') && lists.rawText.endsWith('bottom'));
  const spans = parseHtml(`<p>${'<span>'.repeat(depth)}unclosed`);
  assert.equal(spans.rawText, 'unclosed');
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`);
});

test('limitNesting flattens only what is too deep, and keeps all text', () => {
  assert.equal(limitNesting('<div><div><div>x</div></div></div>', 2), '<div><div> x </div></div>');
  const shallow = '<div><p>a<br>b</p><svg><path/><path/></svg></div>';
  assert.equal(limitNesting(shallow, 2), shallow);
});

test('property: parseHtml never throws and returns normalized text', () => {
  const htmlish = fc
    .array(
      fc.oneof(
        fc.constantFrom('<div>', '</div>', '<p>', '<li>', '<ul>', '</ul>', '<br>', '<table><tr><td>', '<script>', '</script>', '<!--', '-->', '<figure><figcaption>', '&amp;', '&#', ' ', '\n'),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));
  fc.assert(
    fc.property(htmlish, (html) => {
      const parsed = parseHtml(html);
      assert.equal(normalizeText(parsed.rawText), parsed.rawText);
      for (const span of parsed.boilerplate) assert.ok(span.start >= 0 && span.end <= parsed.rawText.length && span.start < span.end);
    }),
    { numRuns: 300 },
  );
});
