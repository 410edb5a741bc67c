// The Ikosa table: draws what the app sends (server-sent events "map" and "state") on a canvas, and turns clicks into
// the app's small JSON requests. Nothing here decides a rule: previews come from the app, the host decides.
"use strict";

const $ = id => document.getElementById(id);
const canvas = $("map");
const ctx = canvas.getContext("2d");
const colors = {
  F: "#8a8174", W: "#3a3a40", C: "#a0522d", O: "#c58c5c", D: "#6f7d4f", X: "#777",
  f: "#4a4540", w: "#26262b", c: "#5e3520", o: "#6e5038", d: "#3f4630", x: "#444", "-": "#0b0c0e",
};
const teams = { heroes: "#2a6fdb", monsters: "#c62828" };

let map = null;          // {width, height, squares, version}
let state = null;        // the app's PageState
let scale = 32;          // pixels per square
let origin = { x: 8, y: 8 }; // where square (0,0) is drawn, in canvas pixels
let centered = false;
let selected = [];       // ids of selected tokens (the game master may select several)
let aim = null;          // {action} while an action waits for its target
let armed = null;        // a game master's tool waiting for clicks on the map (see arm)
let preview = null;      // {path, feet} or {squares, caught}
let pending = null;      // the request waiting for Confirm
let drawnTokens = [];
let lastConnection = "ok";
const images = {};
const rulers = 18;

// For tests and the benchmark: what was drawn and when, and where a square is on the canvas.
window.ikosa = {
  renders: [],
  state: () => state,
  map: () => map,
  drawnTokens: () => drawnTokens.slice(),
  cellCenter(x, y) { return { x: origin.x + (x + 0.5) * scale, y: origin.y + (y + 0.5) * scale }; },
  centerOn(x, y) { centerOn(x, y); draw(); },
  setScale(s) { scale = s; draw(); },
};

// ---- requests -----------------------------------------------------------------------------------------------------

async function post(path, body) {
  try {
    const response = await fetch(path, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });
    const result = await response.json();
    say(result.text, result.ok);
    return result;
  } catch (error) {
    say("the app did not answer: " + error.message, false);
    return { ok: false, text: error.message };
  }
}

async function get(path) {
  const response = await fetch(path);
  return response.json();
}

function say(text, ok) {
  const status = $("status");
  status.textContent = text || "";
  status.className = ok ? "" : "bad";
}

// ---- the events from the app --------------------------------------------------------------------------------------

let tokens = new Map(), tokensVersion = 0, tokenList = [];

function connect() {
  const events = new EventSource("events");
  events.addEventListener("map", e => {
    map = JSON.parse(e.data);
    draw();
  });
  // The tokens: all of them on (re)connecting, then only those that changed. A change that does not follow the
  // version shown means one was missed (a page too slow to read them all): start again from all of them.
  events.addEventListener("tokens", e => {
    const change = JSON.parse(e.data);
    if (change.base === 0) tokens = new Map();
    else if (change.base !== tokensVersion) { events.close(); connect(); return; }
    for (const token of change.put) tokens.set(token.id, token);
    for (const id of change.gone) tokens.delete(id);
    tokensVersion = change.version;
    tokenList = [...tokens.values()];
    if (state) { state.tokens = tokenList; draw(); }
  });
  events.addEventListener("state", e => {
    state = JSON.parse(e.data);
    state.tokens = tokenList;
    if (!centered && map) centerOnMine();
    showPanels();
    draw();
  });
  // A batch's moves and wounds, at once; the state that follows brings the rest.
  events.addEventListener("delta", e => {
    if (!state) return;
    const delta = JSON.parse(e.data);
    for (const move of delta.moves) {
      const token = state.tokens.find(t => t.id === move.id);
      if (token) { token.x = move.x; token.y = move.y; }
      if (state.me && state.me.id === move.id) { state.me.x = move.x; state.me.y = move.y; }
    }
    for (const wound of delta.health) {
      const token = state.tokens.find(t => t.id === wound.id);
      if (token) token.state = wound.state;
      if (state.me && state.me.id === wound.id) { state.me.hitPoints = wound.hitPoints; state.me.state = wound.state; }
    }
    state.received = Math.max(state.received, delta.received);
    draw();
  });
  events.onopen = () => { if (lastConnection === "app") banner(null); lastConnection = "ok"; };
  events.onerror = () => { lastConnection = "app"; banner("The Ikosa app is not answering: is it still running?", false); };
}

function banner(text, good) {
  const element = $("banner");
  element.hidden = !text;
  element.textContent = text || "";
  element.className = good ? "good" : "";
}

// ---- panels -------------------------------------------------------------------------------------------------------

function el(tag, text, attributes) {
  const element = document.createElement(tag);
  if (text !== undefined && text !== null) element.textContent = text;
  for (const [key, value] of Object.entries(attributes || {})) {
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value);
  }
  return element;
}

function fill(container, children) {
  container.replaceChildren(...children);
}

// A state comes after every batch and most panels stay as they were: a panel is rebuilt only when its key (what it
// shows, as text) changed, so the page stays free to draw the next batch.
const shownKeys = new WeakMap();
function fillWhenChanged(container, key, build) {
  if (shownKeys.get(container) === key) return;
  shownKeys.set(container, key);
  fill(container, build());
}

// A long list (a master sees hundreds of creatures) updated in place, one line per item: only lines that changed are
// touched. Clicks are handled by the list (see listClicks), not by each line.
function syncList(list, lines) {
  const items = list.children;
  for (let i = 0; i < lines.length; i++) {
    let item = items[i];
    if (!item) list.append(item = document.createElement("li"));
    if (item.textContent !== lines[i].text) item.textContent = lines[i].text;
    for (const [name, value] of Object.entries(lines[i].attributes || {}))
      if (item.getAttribute(name) !== String(value)) item.setAttribute(name, value);
  }
  while (items.length > lines.length) list.lastChild.remove();
}

function nameOf(id) {
  const token = state.tokens.find(t => t.id === id) || state.tracker.order.find(t => t.id === id) || state.characters.find(c => c.id === id);
  return token ? token.name : "someone";
}

function showPanels() {
  const s = state;
  $("who").textContent = s.user + (s.isMaster ? " — game master" : "");
  $("viewing").textContent = s.isMaster ? (s.viewAs ? "looking through " + nameOf(s.viewAs) : "the whole map") : (s.me ? "as " + s.me.name : "choose a character");

  // The connection to the host.
  if (s.connection.status !== "ok") banner(s.connection.text, false);
  else if (lastConnection === "host") { banner("Reconnected: back in the game.", true); setTimeout(() => banner(null), 5000); }
  lastConnection = s.connection.status !== "ok" ? "host" : (lastConnection === "host" ? "ok" : lastConnection);

  // Character sheet and the characters one may play.
  const me = s.me;
  fillWhenChanged($("sheet"), JSON.stringify([me, s.isMaster]), () => me ? [
    el("div", me.name, { class: "name" }),
    el("div", `Hit points ${me.hitPoints} / ${me.maxHitPoints}`, { class: me.hitPoints * 4 <= me.maxHitPoints ? "hp-low" : "" }),
    el("div", `Armour class ${me.armorClass}`),
    el("div", `${me.state} at (${me.x},${me.y})`),
  ] : [el("div", s.isMaster ? "select a token to act with it" : "you play nobody yet")]);
  showSheet();
  fillWhenChanged($("characters"), JSON.stringify([s.characters, s.isMaster]), () => s.isMaster ? [] : s.characters.map(c => el("div", null, {}).appendChild(
    c.mine ? el("button", `release ${c.name}`, { onclick: () => post("api/play", { character: c.id, take: false }) })
      : c.playedBy ? el("span", `${c.name}: played by ${c.playedBy}`)
        : el("button", `play ${c.name}`, { onclick: () => post("api/play", { character: c.id, take: true }) })).parentNode));

  // Initiative.
  const t = s.tracker;
  const mine = new Set(s.characters.filter(c => c.mine).map(c => c.id));
  const myTurn = t.inCombat && t.current && (s.isMaster || mine.has(t.current));
  const mayStill = myTurn && s.actions.length ? "may still: " + [...new Set(s.actions.map(a => words(a.time)))].join(", ") : "";
  fillWhenChanged($("turns"), JSON.stringify([t, mayStill]), () => {
    if (!t.inCombat) return [el("div", "no combat")];
    const order = el("ul");
    order.replaceChildren(...t.order.map(o => el("li", `${o.initiative} ${o.name}`, { class: o.id === t.current ? "current" : "", "data-id": o.id })));
    return [el("div", `Round ${t.round}: ${nameOf(t.current)}'s turn`), order, el("div", mayStill)];
  });
  $("end-turn").hidden = !myTurn;

  // Actions available now.
  fillWhenChanged($("actions"), JSON.stringify([s.actions, aim && aim.action.key]), () => s.actions.map(a => el("button", a.name + (a.time ? ` (${words(a.time)})` : ""), {
    "data-action": a.key, class: aim && aim.action.key === a.key ? "aiming" : "", onclick: () => startAction(a),
  })));

  // What the viewer sees.
  const sight = s.tokens.filter(t => !t.mine || s.isMaster);
  const shown = sight.slice(0, 200).map(t => ({ text: `${t.name} (${t.x},${t.y})${t.state && t.state !== "Conscious" ? " — " + t.state.toLowerCase() : ""}`,
    attributes: { "data-id": t.id, "data-name": t.name } }));
  if (sight.length > 200) shown.push({ text: `… and ${sight.length - 200} more`, attributes: { "data-id": "", "data-name": "" } });
  syncList($("sight"), shown);

  // Dice, log, chat.
  syncList($("dice"), s.dice.map(d => ({ text: `${d.purpose}: ${d.expression} = ${d.total}${d.physical ? " (physical)" : ""}` })));
  const log = $("log");
  const logLast = s.log.length ? s.log[s.log.length - 1].sequence : 0;
  if (shownKeys.get(log) !== logLast) {
    shownKeys.set(log, logLast);
    syncList(log, s.log.map(l => ({ text: l.text, attributes: { class: l.kind } })));
    scrollToEnd(log);
  }
  showChat(s.chat);

  // Prompts: a player's as a dialog; the game master's as a list (he sees everyone's).
  showPrompt(s.isMaster ? null : s.prompts.find(p => p.kind !== "ActNow"));
  $("master-box").hidden = !s.isMaster;
  if (s.isMaster) showMaster();
}

// The whole sheet (abilities, saves, attacks, spells, skills, equipment, conditions) of one's own character, or for a
// master of the selected creature: asked of the app when the creature or the game changed. The host sends it only to
// the creature's controller and the masters.
let sheetAsked = "";
let sheetShown = null;
function showSheet() {
  const id = state.isMaster ? (selected[0] || (state.me && state.me.id)) : state.me && state.me.id;
  const key = id ? `${id}:${state.serial}` : "";
  if (key === sheetAsked) return;
  sheetAsked = key;
  if (!id) { sheetShown = null; fill($("sheet-details"), []); return; }
  get(`api/sheet?creature=${id}`).then(answer => {
    if (sheetAsked !== key) return; // a newer one was asked for meanwhile
    sheetShown = answer.creature ? answer : null;
    fill($("sheet-details"), sheetShown ? sheetLines(sheetShown) : [el("div", answer.text || "no sheet")]);
  }, () => {});
}

function sheetLines({ creature: c, sheet }) {
  const plus = n => (n >= 0 ? "+" : "") + n;
  const lines = [];
  if (state.isMaster) lines.push(el("div", `${c.name}: ${c.hitPoints} / ${c.maxHitPoints} hp, AC ${c.armorClass}, at (${c.x},${c.y})`, { class: "name" }));
  if (!sheet) return lines.concat(el("div", "(not yours: no sheet)"));
  const a = sheet.abilities, mod = n => plus(Math.floor((n - 10) / 2));
  lines.push(
    el("div", `${sheet.kind ? sheet.kind + ", " : ""}level ${sheet.level}, ${sheet.size}`),
    el("div", `Str ${a.strength} (${mod(a.strength)}) Dex ${a.dexterity} (${mod(a.dexterity)}) Con ${a.constitution} (${mod(a.constitution)})`, { class: "abilities" }),
    el("div", `Int ${a.intelligence} (${mod(a.intelligence)}) Wis ${a.wisdom} (${mod(a.wisdom)}) Cha ${a.charisma} (${mod(a.charisma)})`, { class: "abilities" }),
    el("div", `Saves: Fortitude ${plus(sheet.saves.fortitude)}, Reflex ${plus(sheet.saves.reflex)}, Will ${plus(sheet.saves.will)}`, { class: "saves" }),
    el("div", `Base attack ${plus(sheet.baseAttack)}, initiative ${plus(sheet.initiative)}, speed ${sheet.speed} ft, sight ${sheet.sightFeet} ft`));
  const list = (title, items, cls) => { if (items.length) lines.push(el("div", `${title}: ${items.join(", ")}`, { class: cls })); };
  list("Attacks", sheet.attacks.map(t => `${t.name} ${plus(t.bonus)} (${t.damage}${t.critical ? ", " + t.critical : ""}${t.rangeFeet ? ", " + t.rangeFeet + " ft" : ""})`), "attacks");
  list("Spells", sheet.spells.map(p => `${p.spell} ×${p.remaining}`), "spells");
  list("Skills", sheet.skills.map(k => `${k.name} ${plus(k.modifier)}`), "skills");
  list("Feats", sheet.feats, "feats");
  list("Equipment", sheet.equipment, "equipment");
  list("Conditions", sheet.conditions, "conditions");
  list("Played by", sheet.players, "players");
  return lines;
}

function words(time) {
  return ({ Standard: "standard action", Move: "move action", Swift: "swift action", Free: "free action", FiveFootStep: "5-foot step", FullRound: "full-round action" })[time] || time;
}

let chatShown = -1;
function showChat(lines) {
  const list = $("chat");
  const last = lines.length ? lines[lines.length - 1].sequence : 0;
  if (last === chatShown) return;
  chatShown = last;
  const atBottom = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
  fill(list, lines.map(l => el("li", l.text, { class: l.text.length > 160 ? "folded" : "", onclick: e => e.currentTarget.classList.remove("folded") })));
  if (atBottom) scrollToEnd(list);
}

// ---- prompts ------------------------------------------------------------------------------------------------------

let promptShown = null;
let promptTimer = null;
function showPrompt(prompt) {
  const dialog = $("prompt");
  if (!prompt) {
    if (dialog.open) dialog.close();
    promptShown = null;
    return;
  }
  if (promptShown === prompt.id && dialog.open) return;
  promptShown = prompt.id;
  $("prompt-text").textContent = `${prompt.for}: ${prompt.text}`;
  const answers = [];
  const answer = body => post("api/answer", Object.assign({ prompt: prompt.id }, body)).then(r => { if (r.ok) dialog.close(); });
  if (prompt.kind === "Roll" || prompt.kind === "SavingThrow") {
    answers.push(el("button", `Let the host roll ${prompt.dice || ""}`, { id: "roll-for-me", onclick: e => { e.preventDefault(); answer({}); } }));
    if (prompt.physicalDiceAllowed) {
      const input = el("input", null, { id: "my-roll", type: "number", placeholder: "your dice total" });
      answers.push(input, el("button", "Use my roll", { onclick: e => { e.preventDefault(); answer({ number: Number(input.value) }); } }));
    }
  } else if (prompt.kind === "Choice") {
    for (const option of prompt.options) answers.push(el("button", option, { onclick: e => { e.preventDefault(); answer({ choice: option }); } }));
  } else if (prompt.kind === "YesNo") {
    answers.push(el("button", "Yes", { onclick: e => { e.preventDefault(); answer({ yes: true }); } }),
      el("button", "No", { onclick: e => { e.preventDefault(); answer({ yes: false }); } }));
  } else if (prompt.kind === "Number") {
    const input = el("input", null, { type: "number", min: prompt.min, max: prompt.max });
    answers.push(input, el("button", "Answer", { onclick: e => { e.preventDefault(); answer({ number: Number(input.value) }); } }));
  } else {
    answers.push(el("span", `answer '${prompt.kind}' in the terminal app`));
  }
  answers.push(el("button", "Later", { onclick: e => { e.preventDefault(); dialog.close(); } }));
  fill($("prompt-answers"), answers);
  clearInterval(promptTimer);
  const timeout = $("prompt-timeout");
  const tick = () => {
    if (!prompt.deadline) { timeout.textContent = "no time limit"; return; }
    const left = Math.max(0, Math.round((Date.parse(prompt.deadline) - Date.now()) / 1000));
    timeout.textContent = `the host answers for you in ${left} s`;
  };
  tick();
  promptTimer = setInterval(tick, 1000);
  if (!dialog.open) dialog.showModal();
}

// ---- the game master's tools --------------------------------------------------------------------------------------

// One entry per master operation: a button (with the few fields it needs) that posts to api/master/<op>, or arms a
// click on the map (place, move, redraw squares). A new operation of the master contract is an entry here and a route.
const field = (id, attributes) => el("input", null, Object.assign({ id }, attributes));
const choice = (id, options) => { const s = el("select", null, { id }); for (const o of options) s.append(el("option", o, { value: o })); return s; };
const tick = (id, text, checked) => { const label = el("label"); label.append(field(id, Object.assign({ type: "checkbox" }, checked ? { checked: "" } : {})), " " + text); return label; };
const value = id => $(id).value.trim();
const masterTools = [
  { op: "start-combat", label: "Start combat with selected", body: () => ({ creatures: selected }), needsSelection: true },
  { op: "add-combatants", label: "Add selected to the fight", body: () => ({ creatures: selected }), needsSelection: true },
  { op: "drop-combatants", label: "Take selected out of the fight", body: () => ({ creatures: selected }), needsSelection: true },
  { op: "stop-combat", label: "Stop combat", body: () => ({}) },
  { op: "pause", label: "Pause", body: () => ({ user: "", on: true }) },
  { op: "pause", label: "Resume", body: () => ({ user: "", on: false }) },
  { local: "view-as", label: "Look through selected", needsSelection: true, run: () => post("api/use", { creature: selected[0] }) },
  { local: "whole-map", label: "The whole map", run: () => post("api/use", { creature: null }) },
  { heading: "Scene on the map, for placing, moving and redrawing", fields: () => [el("select", null, { id: "scene", onchange: e => post("api/master/show-scene", { scene: e.target.value || null }) })] },
  { local: "place", label: "Place on a square…", fields: () => [field("place-monster", { value: "Goblin", placeholder: "bestiary name", size: 8, list: "bestiary" }), el("datalist", null, { id: "bestiary" }),
    field("place-name", { placeholder: "name (optional)", size: 10 })],
    run: () => arm({ kind: "place" }, `click the square to put a ${value("place-monster")} on`) },
  { local: "move", label: "Move selected to a square…", needsSelection: true, run: () => arm({ kind: "move", creature: selected[0] }, "click the square to move it to (silently)") },
  { op: "remove", label: "Remove selected", needsSelection: true, body: () => ({ creature: selected[0] }) },
  { local: "terrain", label: "Redraw squares…", fields: () => [choice("terrain", ["wall", "door", "open-door", "floor", "difficult"])],
    run: () => arm({ kind: "terrain", cells: [] }, "click the squares to redraw, then Confirm") },
  { op: "edit", label: "Edit selected", needsSelection: true, fields: () => [field("edit-hp", { type: "number", placeholder: "hp", style: "width:5em" }), field("edit-name", { placeholder: "new name", size: 8 })],
    body: () => ({ creature: selected[0], hitPoints: value("edit-hp") === "" ? null : Number(value("edit-hp")), name: value("edit-name") || null }) },
  { heading: "Characters and users", fields: () => [field("user-name", { placeholder: "user", size: 10 })] },
  { op: "players", label: "Give selected", needsSelection: true, body: () => ({ creature: selected[0], user: value("user-name"), give: true }), key: "give" },
  { op: "players", label: "Take selected", needsSelection: true, body: () => ({ creature: selected[0], user: value("user-name"), give: false }), key: "take" },
  { op: "create-player", label: "New player", body: () => ({ user: value("user-name"), on: true }), keep: true },
  { op: "reset-password", label: "Reset password", body: () => ({ user: value("user-name"), on: true }), keep: true },
  { op: "invite", label: "Invite", body: () => ({ user: value("user-name"), on: true }), keep: true },
  { op: "check", label: "Ask selected for a check", needsSelection: true,
    fields: () => [choice("check-type", ["skill", "ability", "save"]), field("check-name", { placeholder: "Listen, dex, reflex", size: 10 }),
      field("check-dc", { type: "number", placeholder: "DC", style: "width:4em" }), tick("check-secret", "secret DC", true)],
    body: () => ({ creature: selected[0], type: value("check-type"), name: value("check-name"), difficulty: Number(value("check-dc")), secret: $("check-secret").checked }) },
  { op: "roll", label: "Roll", fields: () => [field("roll-dice", { placeholder: "2d6+3", size: 6 }), field("roll-why", { placeholder: "why", size: 8 }), tick("roll-gm", "GM only")],
    body: () => ({ expression: value("roll-dice"), purpose: value("roll-why") || null, mastersOnly: $("roll-gm").checked }) },
  { op: "snapshot", label: "Save snapshot", fields: () => [field("snapshot-name", { placeholder: "snapshot name", size: 9 })], body: () => ({ name: value("snapshot-name") }) },
];

let masterBuilt = false;
let scenesLoaded = false;
function showMaster() {
  const box = $("master");
  if (!masterBuilt) {
    masterBuilt = true;
    const rows = [];
    let row = null;
    for (const tool of masterTools) {
      // A tool with fields starts a row of its own; plain buttons follow on the current one.
      if (!row || tool.heading || tool.fields) rows.push(row = el("div", null, { class: "tool" }));
      if (tool.heading) row.append(el("div", tool.heading, { class: "tool-heading" }));
      if (tool.fields) row.append(...tool.fields());
      if (tool.label) {
        const run = tool.op ? async () => {
          const result = await post("api/master/" + tool.op, tool.body());
          if (tool.keep) $("master-result").textContent = result.text; // a one-time code or an invite: shown until the next one
        } : tool.run;
        row.append(el("button", tool.label, { "data-op": tool.key || tool.local || tool.op, "data-needs-selection": tool.needsSelection ? "1" : "", onclick: run }));
      }
    }
    rows.push(el("div", null, { id: "master-result" }));
    fill(box, rows);
  }
  if (!scenesLoaded) {
    scenesLoaded = true;
    get("api/master/scenes").then(scenes => {
      if (!Array.isArray(scenes)) { scenesLoaded = false; return; }
      fill($("scene"), scenes.map(s => el("option", `${s.name} (${s.width}×${s.height})${s.opening ? " — on the map" : ""}`, { value: s.opening ? "" : s.id })));
    }, () => { scenesLoaded = false; });
    get("api/master/bestiary").then(monsters => {
      if (Array.isArray(monsters))
        fill($("bestiary"), monsters.map(m => el("option", `${m.size.toLowerCase()}, level ${m.level}, ${m.hitPoints} hp${m.fromCampaign ? " (the campaign's)" : ""}`, { value: m.name })));
    }, () => {});
  }
  for (const button of box.querySelectorAll("button[data-needs-selection='1']"))
    if (button.disabled !== (selected.length === 0)) button.disabled = selected.length === 0;
  showMasterPrompts();
  showUsers();
}

// A master tool waiting for clicks on the map: {kind: "place"}, {kind: "move", creature} or {kind: "terrain", cells}.
function arm(mode, hint) {
  clearPending();
  aim = null;
  armed = mode;
  say(hint, true);
}

async function clickArmed(x, y) {
  const mode = armed;
  const scene = $("scene").value || null;
  if (mode.kind === "terrain") {
    const at = mode.cells.findIndex(c => c.x === x && c.y === y);
    if (at >= 0) mode.cells.splice(at, 1); else mode.cells.push({ x, y });
    const terrain = value("terrain");
    preview = { squares: mode.cells.slice() };
    draw();
    return propose(`${mode.cells.length} square(s) to become ${terrain}: click more, or Confirm`, mode.cells.length > 0, async () => {
      armed = null;
      await post("api/master/terrain", { scene, terrain, cells: mode.cells });
    });
  }
  armed = null;
  if (mode.kind === "place") await post("api/master/place", { monster: value("place-monster"), name: value("place-name") || null, scene, x, y });
  else if (mode.kind === "move") await post("api/master/move", { creature: mode.creature, scene, x, y });
}

// Every waiting prompt, whoever it is for: the host's default, or the master's own value (a number or roll total, a
// choice, yes or no). Rebuilt only when the prompts change, so that a value being typed is not wiped by a refresh.
let masterPromptsShown = "";
function showMasterPrompts() {
  const prompts = state.prompts.filter(p => p.kind !== "ActNow");
  const key = prompts.map(p => p.id).join();
  if (key === masterPromptsShown) return;
  masterPromptsShown = key;
  fill($("master-prompts"), prompts.map(p => {
    const li = el("li", `${p.for}: ${p.text} `, { "data-prompt": p.id });
    const answer = body => post("api/answer", Object.assign({ prompt: p.id }, body));
    li.append(el("button", p.kind === "Roll" || p.kind === "SavingThrow" ? "host rolls" : "default", { class: "default", onclick: () => answer({}) }));
    if (p.kind === "Roll" || p.kind === "SavingThrow" || p.kind === "Number") {
      const input = el("input", null, { type: "number", class: "override", placeholder: p.kind === "Number" ? `${p.min}–${p.max}` : "total", style: "width:5em" });
      li.append(input, el("button", "use this", { class: "use-value", onclick: () => input.value !== "" && answer({ number: Number(input.value) }) }));
    } else if (p.kind === "Choice") {
      for (const option of p.options) li.append(el("button", option, { onclick: () => answer({ choice: option }) }));
    } else if (p.kind === "YesNo") {
      li.append(el("button", "yes", { onclick: () => answer({ yes: true }) }), el("button", "no", { onclick: () => answer({ yes: false }) }));
    }
    return li;
  }));
}

function showUsers() {
  fillWhenChanged($("users"), JSON.stringify(state.users), () => state.users.map(u => {
    const row = el("tr");
    row.append(el("td", u.name + (u.isMaster ? " (GM)" : ""), { title: "use this name in the tools above", onclick: () => { $("user-name").value = u.name; } }), el("td", u.disabled ? "disabled" : u.online ? "online" : "offline"));
    if (!u.isMaster) {
      const cell = el("td");
      cell.append(
        el("button", "dice", { title: "allow physical dice", onclick: () => post("api/master/allow-dice", { user: u.name, on: true }) }),
        el("button", "kick", { onclick: () => post("api/master/kick", { user: u.name, on: true }) }),
        el("button", u.disabled ? "enable" : "disable", { onclick: () => post("api/master/disable", { user: u.name, on: !u.disabled }) }));
      row.append(cell);
    }
    return row;
  }));
}

// ---- actions and clicks on the map --------------------------------------------------------------------------------

function actor() {
  if (state.isMaster) return selected[0] || state.active;
  return state.active;
}

function startAction(action) {
  clearPending();
  const kinds = action.aiming.map(a => a.kind);
  if (kinds.includes("Path")) { aim = { action }; say("click the square to move to", true); }
  else if (kinds.includes("Cell")) { aim = { action }; say(action.areaFeet ? "click the square at the centre of the area" : "click a square", true); }
  else if (kinds.includes("Creature")) { aim = { action }; say("click the creature", true); }
  else { post("api/act", { creature: actor(), action: action.key }); return; }
  showPanels();
}

function tokenAt(x, y) {
  return state && state.tokens.find(t => t.x === x && t.y === y);
}

async function clickSquare(x, y, shift) {
  if (!state) return;
  const token = tokenAt(x, y);
  const me = actor();
  if (armed && state.isMaster) return clickArmed(x, y);
  if (aim) {
    const action = aim.action;
    const kinds = action.aiming.map(a => a.kind);
    if (kinds.includes("Creature") && token) {
      return propose(`${action.name} on ${token.name}?`, true, () => post("api/act", { creature: me, action: action.key, target: token.id }));
    }
    if (kinds.includes("Path")) return planMove(me, x, y);
    if (kinds.includes("Cell")) {
      if (action.areaFeet) {
        const area = await get(`api/area?creature=${me}&action=${encodeURIComponent(action.key)}&x=${x}&y=${y}`);
        preview = { squares: area.squares, caught: area.caught.map(c => c.id) };
        draw();
        return propose(`${action.name} at (${x},${y}): ${area.text}`, area.inRange, () => post("api/act", { creature: me, action: action.key, x, y }), "area-text");
      }
      return propose(`${action.name} at (${x},${y})?`, true, () => post("api/act", { creature: me, action: action.key, x, y }));
    }
    return;
  }
  if (token) {
    const mineToken = token.mine;
    if (state.isMaster) {
      selected = shift ? (selected.includes(token.id) ? selected.filter(i => i !== token.id) : selected.concat(token.id)) : [token.id];
      sheetAsked = "";
      showPanels();
      draw();
      return;
    }
    if (mineToken) {
      selected = [token.id];
      if (token.id !== state.active) await post("api/use", { creature: token.id });
      clearPending();
      say(`${token.name}: click a square to move, a creature to attack`, true);
      draw();
      return;
    }
    if (me) return propose(`Attack ${token.name}?`, true, () => post("api/attack", { creature: me, target: token.id }));
    return;
  }
  if (me && (selected.includes(me) || !state.isMaster)) return planMove(me, x, y);
}

async function planMove(creature, x, y) {
  const plan = await get(`api/plan?creature=${creature}&x=${x}&y=${y}`);
  preview = { path: plan.path, feet: plan.feet, reachable: plan.reachable };
  draw();
  propose(plan.text, plan.reachable, () => post("api/act", { creature, action: "move", x, y }));
}

function propose(text, allowed, run) {
  pending = allowed ? run : null;
  $("pending-text").textContent = text;
  $("pending").hidden = false;
  $("pending").className = allowed ? "" : "refused";
}

function clearPending() {
  pending = null;
  preview = null;
  $("pending").hidden = true;
  draw();
}

$("confirm").addEventListener("click", async () => {
  const run = pending;
  aim = null;
  clearPending();
  if (run) await run();
});
$("cancel").addEventListener("click", () => { aim = null; armed = null; clearPending(); if (state) showPanels(); });
$("end-turn").addEventListener("click", () => post("api/end"));
$("chat-audience").addEventListener("change", () => { $("chat-to").hidden = $("chat-audience").value !== "whisper"; });
$("chat-form").addEventListener("submit", async e => {
  e.preventDefault();
  const text = $("chat-text").value;
  if (!text.trim()) return;
  const result = await post("api/chat", { audience: $("chat-audience").value, to: $("chat-to").value || null, text });
  if (result.ok) $("chat-text").value = "";
});

// ---- drawing ------------------------------------------------------------------------------------------------------

function centerOn(x, y) {
  const w = canvas.clientWidth, h = canvas.clientHeight;
  origin = { x: Math.round(w / 2 - (x + 0.5) * scale), y: Math.round(h / 2 - (y + 0.5) * scale) };
}

function centerOnMine() {
  centered = true;
  const me = state.me || state.tokens.find(t => t.mine);
  if (me) centerOn(me.x, me.y);
  else if (map.width * scale > canvas.clientWidth) centerOn(map.width / 2, map.height / 2);
}

function image(name) {
  if (!name) return null;
  if (!(name in images)) {
    const img = new Image();
    images[name] = null;
    img.onload = () => { images[name] = img; draw(); };
    img.src = "api/image/" + encodeURIComponent(name);
  }
  return images[name];
}

// Lists to scroll to their last line once the map is drawn: scrolling needs the page laid out, which is done once per
// frame anyway, rather than at once and again for every list (and before the map of the next batch is drawn).
const scrollsDue = new Set();
function scrollToEnd(list) {
  scrollsDue.add(list);
  draw();
}

let drawQueued = false;
function draw() {
  if (drawQueued) return;
  drawQueued = true;
  requestAnimationFrame(() => {
    drawQueued = false;
    drawNow();
    for (const list of scrollsDue) list.scrollTop = list.scrollHeight;
    scrollsDue.clear();
  });
}

function drawNow() {
  const w = canvas.clientWidth, h = canvas.clientHeight;
  if (canvas.width !== w || canvas.height !== h) { canvas.width = w; canvas.height = h; }
  ctx.fillStyle = colors["-"];
  ctx.fillRect(0, 0, w, h);
  if (!map) return;
  const x0 = Math.max(0, Math.floor((rulers - origin.x) / scale)), y0 = Math.max(0, Math.floor((rulers - origin.y) / scale));
  const x1 = Math.min(map.width - 1, Math.floor((w - origin.x) / scale)), y1 = Math.min(map.height - 1, Math.floor((h - origin.y) / scale));
  const squares = map.squares;
  for (let y = y0; y <= y1; y++) {
    const row = y * map.width;
    for (let x = x0; x <= x1; x++) {
      const code = squares[row + x];
      if (code === "-") continue;
      ctx.fillStyle = colors[code] || colors.X;
      ctx.fillRect(origin.x + x * scale, origin.y + y * scale, scale, scale);
      if ((code === "C" || code === "c" || code === "O" || code === "o") && scale >= 10) {
        ctx.strokeStyle = "#f0d9a0";
        ctx.lineWidth = 2;
        const px = origin.x + x * scale, py = origin.y + y * scale;
        if (code === "C" || code === "c") ctx.strokeRect(px + scale * .2, py + scale * .2, scale * .6, scale * .6);
        else { ctx.beginPath(); ctx.moveTo(px + scale * .2, py + scale * .8); ctx.lineTo(px + scale * .8, py + scale * .2); ctx.stroke(); }
      }
      if ((code === "D" || code === "d") && scale >= 10) {
        ctx.strokeStyle = "rgba(0,0,0,.35)";
        ctx.lineWidth = 1;
        const px = origin.x + x * scale, py = origin.y + y * scale;
        ctx.beginPath(); ctx.moveTo(px, py + scale); ctx.lineTo(px + scale, py); ctx.stroke();
      }
    }
  }
  if (scale >= 12) {
    ctx.strokeStyle = "rgba(0,0,0,.35)";
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (let x = x0; x <= x1 + 1; x++) { ctx.moveTo(origin.x + x * scale + .5, origin.y + y0 * scale); ctx.lineTo(origin.x + x * scale + .5, origin.y + (y1 + 1) * scale); }
    for (let y = y0; y <= y1 + 1; y++) { ctx.moveTo(origin.x + x0 * scale, origin.y + y * scale + .5); ctx.lineTo(origin.x + (x1 + 1) * scale, origin.y + y * scale + .5); }
    ctx.stroke();
  }
  drawPreview();
  drawTokens(x0, y0, x1, y1);
  drawRulers(x0, y0, x1, y1, w, h);
  // When each state was on the canvas (for the benchmark): the newest batch it shows, and the time, as the epoch's ms.
  if (state && state.received !== lastDrawn) {
    lastDrawn = state.received;
    window.ikosa.renders.push({ serial: state.received, at: performance.timeOrigin + performance.now() });
    if (window.ikosa.renders.length > 5000) window.ikosa.renders.shift();
  }
}
let lastDrawn = null;

function drawPreview() {
  if (!preview) return;
  if (preview.path) {
    ctx.fillStyle = preview.reachable ? "rgba(80,200,255,.45)" : "rgba(255,80,80,.45)";
    for (const p of preview.path) ctx.fillRect(origin.x + p.x * scale, origin.y + p.y * scale, scale, scale);
    const end = preview.path[preview.path.length - 1];
    if (end) {
      ctx.fillStyle = "#fff";
      ctx.font = `bold ${Math.max(10, scale * .4)}px sans-serif`;
      ctx.fillText(`${preview.feet} ft`, origin.x + end.x * scale + 2, origin.y + end.y * scale + scale * .45);
    }
  }
  if (preview.squares) {
    ctx.fillStyle = "rgba(255,120,0,.4)";
    for (const p of preview.squares) ctx.fillRect(origin.x + p.x * scale, origin.y + p.y * scale, scale, scale);
  }
}

function drawTokens(x0, y0, x1, y1) {
  drawnTokens = [];
  if (!state) return;
  const current = state.tracker.inCombat ? state.tracker.current : null;
  const caught = new Set(preview && preview.caught || []);
  for (const t of state.tokens) {
    if (t.x < x0 || t.x > x1 || t.y < y0 || t.y > y1) continue;
    drawnTokens.push(t.name);
    const cx = origin.x + (t.x + .5) * scale, cy = origin.y + (t.y + .5) * scale, r = scale * .42;
    const picture = image(t.icon);
    ctx.save();
    ctx.beginPath();
    ctx.arc(cx, cy, r, 0, Math.PI * 2);
    ctx.fillStyle = teams[t.team] || "#888";
    ctx.fill();
    if (picture) { ctx.clip(); ctx.drawImage(picture, cx - r, cy - r, 2 * r, 2 * r); }
    ctx.restore();
    if (scale >= 14) {
      ctx.fillStyle = "#fff";
      ctx.font = `bold ${Math.round(scale * .42)}px sans-serif`;
      ctx.textAlign = "center";
      ctx.textBaseline = "middle";
      ctx.fillText(t.name.replace(/[^A-Za-z0-9]/g, "").slice(0, 1) + (t.name.match(/\d+$/) || [""])[0], cx, cy);
    }
    const ring = (color, width, dash) => {
      ctx.save();
      ctx.strokeStyle = color; ctx.lineWidth = width; ctx.setLineDash(dash || []);
      ctx.beginPath(); ctx.arc(cx, cy, r + width / 2 + 1, 0, Math.PI * 2); ctx.stroke();
      ctx.restore();
    };
    if (t.id === current) ring("#ffd54f", 4);
    if (selected.includes(t.id)) ring("#4dd0e1", 3);
    if (caught.has(t.id)) ring("#ff3d00", 3, [4, 3]);
    if (t.state === "Dying" || t.state === "Disabled" || t.state === "Unconscious") ring("#ff5252", 2, [3, 3]);
    if (t.state === "Dead") {
      ctx.strokeStyle = "#000"; ctx.lineWidth = 3;
      ctx.beginPath(); ctx.moveTo(cx - r, cy - r); ctx.lineTo(cx + r, cy + r); ctx.moveTo(cx + r, cy - r); ctx.lineTo(cx - r, cy + r); ctx.stroke();
    }
    if (scale >= 20) {
      ctx.font = `${Math.max(10, Math.round(scale * .3))}px sans-serif`;
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.fillStyle = "rgba(0,0,0,.6)";
      const label = t.name + (t.state === "Dying" ? " (dying)" : t.state === "Dead" ? " (dead)" : "");
      const width = ctx.measureText(label).width;
      ctx.fillRect(cx - width / 2 - 2, cy + r + 1, width + 4, Math.max(10, scale * .3) + 2);
      ctx.fillStyle = "#fff";
      ctx.fillText(label, cx, cy + r + 2);
    }
  }
  ctx.textAlign = "start";
  ctx.textBaseline = "alphabetic";
}

function drawRulers(x0, y0, x1, y1, w, h) {
  ctx.fillStyle = "#2a2d34";
  ctx.fillRect(0, 0, w, rulers);
  ctx.fillRect(0, 0, rulers, h);
  ctx.fillStyle = "#ccc";
  ctx.font = "10px sans-serif";
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  const every = scale >= 24 ? 1 : scale >= 12 ? 2 : scale >= 6 ? 5 : 10;
  for (let x = x0; x <= x1; x++) if (x % every === 0) ctx.fillText(String(x), origin.x + (x + .5) * scale, rulers / 2);
  for (let y = y0; y <= y1; y++) if (y % every === 0) ctx.fillText(String(y), rulers / 2, origin.y + (y + .5) * scale);
  ctx.textAlign = "start";
  ctx.textBaseline = "alphabetic";
}

// ---- zoom and pan -------------------------------------------------------------------------------------------------

function zoom(factor, atX, atY) {
  const next = Math.min(96, Math.max(2, scale * factor));
  const cx = atX ?? canvas.clientWidth / 2, cy = atY ?? canvas.clientHeight / 2;
  origin = { x: cx - (cx - origin.x) * next / scale, y: cy - (cy - origin.y) * next / scale };
  scale = next;
  draw();
}

$("zoom-in").addEventListener("click", () => zoom(1.25));
$("zoom-out").addEventListener("click", () => zoom(0.8));
$("zoom-fit").addEventListener("click", () => {
  if (!map) return;
  scale = Math.max(2, Math.min((canvas.clientWidth - rulers) / map.width, (canvas.clientHeight - rulers) / map.height));
  origin = { x: rulers, y: rulers };
  draw();
});
$("center-me").addEventListener("click", () => { if (state) { centerOnMine(); draw(); } });
// A creature in the list of what is seen: a click centres the map on it.
$("sight").addEventListener("click", e => {
  const item = e.target.closest("li[data-id]");
  const token = state && item && state.tokens.find(t => t.id === item.dataset.id);
  if (token) { centerOn(token.x, token.y); draw(); }
});
canvas.addEventListener("wheel", e => { e.preventDefault(); zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, e.offsetX, e.offsetY); }, { passive: false });

let drag = null;
canvas.addEventListener("mousedown", e => { drag = { x: e.clientX, y: e.clientY, ox: origin.x, oy: origin.y, moved: false }; });
window.addEventListener("mousemove", e => {
  if (!drag) return;
  const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
  if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
  if (drag.moved) { origin = { x: drag.ox + dx, y: drag.oy + dy }; draw(); }
});
window.addEventListener("mouseup", e => {
  const was = drag;
  drag = null;
  if (!was || was.moved || e.target !== canvas) return;
  const rect = canvas.getBoundingClientRect();
  const x = Math.floor((e.clientX - rect.left - origin.x) / scale), y = Math.floor((e.clientY - rect.top - origin.y) / scale);
  if (map && x >= 0 && y >= 0 && x < map.width && y < map.height) clickSquare(x, y, e.shiftKey);
});
window.addEventListener("resize", draw);

connect();
