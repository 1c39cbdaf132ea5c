"""Can the reader read the tables and pictures of a page in the theme it is shown in?

``unreadable(page)`` measures, in the browser, the contrast between each piece of text in
a table or an inline SVG and the colour actually behind it (the nearest backgrounds of its
ancestors, blended), and lists those below ``MIN_CONTRAST``; and it lists pictures drawn
for a light page (SVG files in <img>) that sit on a dark background.
"""

from __future__ import annotations

# WCAG's minimum for large text and graphics: lower than this, text is hard to make out.
MIN_CONTRAST = 3.0

_MEASURE = """minimum => {
  const parse = value => {
    const match = /rgba?\\(([^)]+)\\)/.exec(value || '');
    if (!match) return null;
    const [r, g, b, a = 1] = match[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r, g, b, a};
  };
  const luminance = ({r, g, b}) => {
    const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const over = (top, bottom) => ({r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1});
  const behind = element => {           // the backgrounds under the element, blended
    const layers = [];
    for (let node = element; node; node = node.parentElement) {
      const colour = parse(getComputedStyle(node).backgroundColor);
      if (colour && colour.a > 0) { layers.push(colour); if (colour.a >= 1) break; }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), {r: 255, g: 255, b: 255, a: 1});
  };
  const contrast = (a, b) => {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  };
  const shown = element => element.getClientRects().length > 0
    && getComputedStyle(element).visibility === 'visible';
  const article = document.querySelector('.bd-article') || document.body;
  const problems = [];
  const holders = new Set();
  for (const container of article.querySelectorAll('table, svg')) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const holder = text.parentElement;
      if (text.textContent.trim() && holder && !holder.closest('title, style, script')) holders.add(holder);
    }
  }
  for (const holder of holders) {
    if (!shown(holder)) continue;
    const style = getComputedStyle(holder);
    const ink = parse(holder instanceof SVGElement ? style.fill : style.color);
    if (!ink) continue;                   // a gradient or pattern: not measured
    const paper = behind(holder);
    const ratio = contrast(over(ink, paper), paper);
    if (ratio < minimum) problems.push(`"${holder.textContent.trim().slice(0, 40)}" `
      + `(${holder.tagName.toLowerCase()}): ${style[holder instanceof SVGElement ? 'fill' : 'color']} `
      + `on rgb(${Math.round(paper.r)}, ${Math.round(paper.g)}, ${Math.round(paper.b)}), `
      + `contrast ${ratio.toFixed(2)}`);
  }
  for (const img of article.querySelectorAll('img')) {
    const source = img.currentSrc || img.src;
    if (!/\\.svg(\\?|#|$)|^data:image\\/svg/.test(source) || !shown(img)) continue;
    const paper = behind(img);
    if (luminance(paper) < 0.5) problems.push(`picture ${source.split('/').pop()}: drawn for a light `
      + `page, shown on rgb(${Math.round(paper.r)}, ${Math.round(paper.g)}, ${Math.round(paper.b)})`);
  }
  return problems;
}"""


def unreadable(page) -> list[str]:
    return page.evaluate(_MEASURE, MIN_CONTRAST)
