// The map pages' layout: Leaflet measures its container once, so it is told whenever the
// layout changes (the container resized by the timeline, the filters, the window, the side
// panel opening or closing); under NARROW pixels the side panel is a drawer over the map.
import { el } from "./dom.js";

/** The width (px) under which the side panel is a drawer (sitrep.css uses the same number). */
export const NARROW = 900;
const narrowQuery = () => window.matchMedia(`(max-width: ${NARROW - 0.02}px)`);

/** Keep `map` sized to its container: a ResizeObserver on it, and the window's resizes. */
export function keepSized(map) {
  const box = map.getContainer();
  let frame = 0;
  const check = () => {
    frame = 0;
    const size = map.getSize();
    if (size.x !== box.clientWidth || size.y !== box.clientHeight) map.invalidateSize({ pan: false });
  };
  const soon = () => { if (!frame) frame = requestAnimationFrame(check); };
  new ResizeObserver(soon).observe(box);
  window.addEventListener("resize", soon);
  document.addEventListener("sitrep:layout", soon);
  map.whenReady(check);
  return check;
}

/** Say that the layout changed (a panel opened, the timeline drew): the maps check their size. */
export function layoutChanged() {
  document.dispatchEvent(new Event("sitrep:layout"));
}

/**
 * The side panel as a column beside the map on wide screens and as a drawer over it on
 * narrow ones; open at first on wide screens, closed on narrow ones. Returns the toggle
 * button (for the filters bar), the close button (put in the panel) and open, hide, isOpen,
 * isDrawer, relabel. `label(open)`: the toggle's text.
 */
export function sidePanel(main, side, { label = (open) => (open ? "Hide list" : "List") } = {}) {
  side.id = side.id || "side";
  const query = narrowQuery();
  const button = el("button", { type: "button", class: "panel-toggle", "aria-controls": side.id });
  const close = el("button", { type: "button", class: "drawer-close", title: "Close", "aria-label": "Close the panel" }, "×");
  let open = !query.matches;

  function set(value, focus = false) {
    open = value;
    main.classList.toggle("panel-open", open);
    main.classList.toggle("panel-closed", !open);
    button.setAttribute("aria-expanded", String(open));
    button.textContent = label(open);
    side.inert = !open;
    if (focus && open && query.matches) close.focus();
    layoutChanged();
  }
  button.addEventListener("click", () => set(!open, true));
  close.addEventListener("click", () => { set(false); button.focus(); });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && open && query.matches) { set(false); button.focus(); }
  });
  // Crossing the width: each layout starts in its own default.
  query.addEventListener("change", () => set(!query.matches));
  side.prepend(close);
  set(open);
  return {
    button,
    close,
    open: () => set(true),
    hide: () => set(false),
    isOpen: () => open,
    isDrawer: () => query.matches,
    /** Relabel the button (the count in it changed). */
    relabel: () => { button.textContent = label(open); },
  };
}

/** A drop-down of the filters bar (legend, export): a <details> whose panel floats over the map. */
export function dropdown(name, summary, ...content) {
  const box = el("details", { class: `dropdown ${name}` }, el("summary", {}, summary), el("div", { class: "menu" }, ...content));
  // One open at a time, and a click elsewhere closes it.
  const menu = box.querySelector(".menu");
  box.addEventListener("toggle", () => {
    if (!box.open) return;
    for (const other of document.querySelectorAll("details.dropdown[open]")) if (other !== box) other.open = false;
    // Kept inside the window: moved left as far as it would stick out on the right.
    menu.style.left = "0px";
    const out = menu.getBoundingClientRect().right - (document.documentElement.clientWidth - 8);
    if (out > 0) menu.style.left = `${-Math.min(out, box.getBoundingClientRect().left - 8)}px`;
  });
  box.addEventListener("keydown", (e) => {
    if (e.key !== "Escape" || !box.open) return;
    e.stopPropagation(); // the menu closes, not the drawer behind it
    box.open = false;
    box.querySelector("summary").focus();
  });
  // Captured: the map's controls stop their clicks before they reach the document.
  document.addEventListener("pointerdown", (e) => { if (box.open && !box.contains(e.target)) box.open = false; }, true);
  return box;
}
