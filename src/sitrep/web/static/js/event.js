// The event page: the event panel on its own, at a link that can be shared.
import { fail, getJSON, show, twinUrl } from "./dom.js";
import { renderEvent } from "./panel.js";

async function main() {
  const ev = await getJSON(twinUrl());
  document.title = `${ev.kind} · ${(ev.place && ev.place.name) || ""} · sitrep`;
  show(renderEvent(ev, { heading: "h1" }));
  document.body.dataset.ready = "1";
}

main().catch(fail);
