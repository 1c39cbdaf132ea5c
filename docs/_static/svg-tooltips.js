// Pictures drawn in SVG explain their parts in <title> elements: a waterfall bar names its
// span and how long it took. Browsers show such a title only after a pause, and never on a
// touch screen; this shows it at once, next to the pointer, for every part that has one.
(() => {
  const tip = document.createElement("div");
  tip.className = "svg-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;

  const place = (event) => {
    tip.style.left = `${event.clientX + 12}px`;
    tip.style.top = `${event.clientY + 14}px`;
  };

  const explain = (part, title) => {
    part.addEventListener("pointerenter", (event) => {
      tip.textContent = title.textContent;
      tip.hidden = false;
      place(event);
    });
    part.addEventListener("pointermove", place);
    part.addEventListener("pointerleave", () => { tip.hidden = true; });
  };

  const start = () => {
    document.body.append(tip);
    for (const title of document.querySelectorAll(".bd-article svg :not(svg) > title")) {
      explain(title.parentElement, title);
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
