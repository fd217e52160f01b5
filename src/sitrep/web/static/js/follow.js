// Following the database while `sitrep run` adds to it from another process: poll the cheap
// stamp of /api/version every few seconds (not while the tab is hidden), let the page reload
// its data in place when the stamp changed, and say how many events are new in a small
// notice. Only numbers reach the notice, as text.
import { el, getJSON } from "./dom.js";

/** Seconds between two polls; a page's `?poll=N` asks for another pace (the browser tests use 1). */
export const POLL_SECONDS = 30;
const MIN_POLL_SECONDS = 0.2;

/** The pace asked for in the page's address, else POLL_SECONDS. */
export function pollSeconds(search = location.search) {
  const asked = Number(new URLSearchParams(search).get("poll"));
  return Number.isFinite(asked) && asked > 0 ? Math.max(MIN_POLL_SECONDS, asked) : POLL_SECONDS;
}

/** The database's version now, or null when the server cannot say (the page still works). */
export async function readVersion() {
  try {
    return await getJSON("/api/version", { cache: "no-store" });
  } catch (e) {
    console.warn("not following the database:", e);
    return null;
  }
}

/**
 * Poll from `first` (read before the page's data, so that no commit falls between the two)
 * and await onChange(version) when the stamp differs. A failed onChange is tried again at
 * the next poll; polls never overlap. `document.body.dataset.follow` says on, paused or error.
 */
export function follow(first, onChange, seconds = pollSeconds()) {
  const body = document.body;
  let current = first;
  let timer = null;
  let busy = false;
  const hidden = () => document.visibilityState === "hidden";
  body.dataset.stamp = first.stamp;

  function schedule() {
    clearTimeout(timer);
    timer = null;
    if (hidden()) {
      body.dataset.follow = "paused";
      return;
    }
    timer = setTimeout(poll, seconds * 1000);
  }

  async function poll() {
    // Called by the timer or at once when the tab shows again: either way, one chain of polls.
    clearTimeout(timer);
    timer = null;
    if (busy || hidden()) return schedule();
    busy = true;
    try {
      const next = await getJSON("/api/version", { cache: "no-store" });
      if (next.stamp !== current.stamp) {
        await onChange(next, current);
        current = next; // only once the page holds it: a failed reload is retried
        body.dataset.stamp = next.stamp;
      }
      body.dataset.follow = "on";
    } catch (e) {
      body.dataset.follow = "error"; // a server restarting, say: try again at the next poll
      console.warn("follow:", e);
    } finally {
      busy = false;
    }
    schedule();
  }

  // A hidden tab costs the server nothing; shown again, it catches up at once.
  document.addEventListener("visibilitychange", () => (hidden() ? schedule() : busy || poll()));
  body.dataset.follow = "on";
  schedule();
}

/**
 * "12 new events": how many events the database gained since the page loaded or since the
 * reader last dismissed the notice. With `onShow`, the count is a button (the map highlights
 * the new pins); the × dismisses it and calls `onDismiss`.
 */
export class Notice {
  constructor(first, { onShow = null, onDismiss = null } = {}) {
    this.seen = first.events;
    this.latest = first;
    this.onDismiss = onDismiss;
    this.label = onShow
      ? el("button", { type: "button", class: "show", "aria-pressed": "false", onclick: () => { this.label.setAttribute("aria-pressed", "true"); onShow(); } })
      : el("span", { class: "show" });
    const close = el("button", { type: "button", class: "dismiss", title: "Dismiss", "aria-label": "Dismiss", onclick: () => this.dismiss() }, "×");
    this.node = el("div", { class: "follow-notice", role: "status", "aria-live": "polite" }, this.label, close);
    this.node.hidden = true;
  }

  /** How many events are new by `version` (never below zero: merges can lower the count). */
  newSince(version) {
    return Math.max(0, version.events - this.seen);
  }

  /** Show the count `version` brings, or nothing when no event is new. `detail`: a tooltip. */
  update(version, detail = "") {
    this.latest = version;
    const n = this.newSince(version);
    this.node.dataset.new = String(n);
    this.node.hidden = n === 0;
    this.label.textContent = `${n} new event${n === 1 ? "" : "s"}`;
    this.label.title = detail;
  }

  /** The reader has seen them: count from here on. */
  dismiss() {
    this.seen = this.latest.events;
    this.node.hidden = true;
    this.node.dataset.new = "0";
    this.label.setAttribute("aria-pressed", "false");
    if (this.onDismiss) this.onDismiss();
  }
}

/**
 * A list page that follows the database: `render()` fetches its data and builds the page;
 * on a change it runs again in place (the scroll position kept) and the notice, in a
 * corner under the header, says how many events are new.
 */
export async function followList(render) {
  const first = await readVersion();
  await render();
  document.body.dataset.ready = "1";
  if (!first) return;
  const notice = new Notice(first);
  notice.node.classList.add("floating");
  document.body.append(notice.node);
  follow(first, async (version) => {
    const [x, y] = [window.scrollX, window.scrollY];
    await render();
    window.scrollTo(x, y);
    notice.update(version);
  });
}
