"""Which characters of an element the browser cannot draw with the fonts it has.

A character no installed font has is drawn as the font's "missing glyph" box (tofu), and
the browser does not say so (the DevTools protocol still names the font it asked). So each
character is drawn on a canvas in the element's own font and compared with a code point
that no font has (U+0378, unassigned): the same pixels mean the same empty box.
"""

from __future__ import annotations

_MISSING = """selector => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 64;
  const context = canvas.getContext('2d', {willReadFrequently: true});
  const draw = (character, font) => {
    context.clearRect(0, 0, 64, 64);
    context.font = font;
    context.fillText(character, 8, 44);
    return context.getImageData(0, 0, 64, 64).data.join(',');
  };
  const missing = [];
  for (const element of document.querySelectorAll(selector)) {
    const style = getComputedStyle(element);
    const font = `${style.fontWeight} 32px ${style.fontFamily}`;
    const box = draw('\\u0378', font);
    for (const character of new Set(element.textContent.replace(/\\s/g, ''))) {
      if (draw(character, font) === box)
        missing.push(`U+${character.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')} in "${element.textContent.trim()}"`);
    }
  }
  return missing;
}"""


def missing_glyphs(page, selector: str) -> list[str]:
    return page.evaluate(_MISSING, selector)
