/* orgkb: the planner page's form (orgkb.sphinxext.site.planner). The table of branches and
 * the profile's text edit each other, Recommend shows the plan, its chart, the rules and the
 * comparison, and a lead CSV is dispatched; each of them asks orgkb.planner, in Python in a
 * web worker that python.js starts from the site's runtime at the first action that needs
 * it. Nothing is uploaded: the files a reader opens are read here, and the downloads are
 * made here, as Blobs. */
"use strict";
(function () {
  const page = document.currentScript.dataset;
  const form = document.querySelector(".orgkb-planner");
  if (!form) return;
  const labels = JSON.parse(page.labels);
  const FIELDS = ["name", "city", "region", "projects", "capacity", "inquiries_per_month"];
  const NUMERIC = ["capacity", "inquiries_per_month"];
  const part = (name) => form.querySelector(`[data-part="${name}"]`);
  const profile = part("profile");
  const rows = part("rows");
  const status = part("status");
  // The name of the profile's file: the example's, an opened file's, or none once typed in.
  let name = form.dataset.name;
  let result = null;
  let python = null;
  let calls = 0;
  const waiting = new Map();

  function load(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src));
      document.head.append(script);
    });
  }

  function worker() {
    python = python || load(page.runtime + "python.js").then(async () => {
      const started = await window.orgkbPython(page.runtime, JSON.parse(page.files))();
      started.onmessage = ({ data }) => {
        const pending = waiting.get(data.id);
        if (!pending) return;
        waiting.delete(data.id);
        if (data.failed) pending.reject(new Error(data.failed));
        else pending.resolve(JSON.parse(data.answer));
      };
      return started;
    });
    return python;
  }

  // Calls the function *fn* of orgkb.planner; its result, or null after showing its error.
  async function call(fn, ...args) {
    status.textContent = calls ? labels.working : labels.starting;
    calls += 1;
    // A new answer replaces the message of the fields it reads.
    showError("profile", "");
    if (fn === "allocate") showError("leads", "");
    let answer;
    try {
      const started = await worker();
      answer = await new Promise((resolve, reject) => {
        waiting.set(calls, { resolve, reject });
        started.postMessage({ call: fn, args: args.concat(page.language), id: calls });
      });
    } catch (error) {
      python = null;
      status.textContent = labels.failed + " " + error.message;
      return null;
    }
    status.textContent = "";
    if ("error" in answer) {
      showError(answer.field, answer.error);
      return null;
    }
    return answer.result;
  }

  function showError(field, message) {
    const input = field === "leads" ? part("leads") : profile;
    part(field === "leads" ? "leads-error" : "profile-error").textContent = message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
  }

  function element(tag, text, attributes = {}) {
    const made = document.createElement(tag);
    if (text !== undefined) made.textContent = text;
    for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
    return made;
  }

  // A row of the table, as the page draws it (planner.py, _row()).
  function row(values, number) {
    const which = labels.row.replace("{n}", number);
    const tr = element("tr");
    for (const field of FIELDS) {
      const input = element("input", undefined, {
        type: "text", name: field, "aria-label": `${labels[field]}, ${which}`,
      });
      if (NUMERIC.includes(field)) input.inputMode = "decimal";
      input.value = values[field] || "";
      const cell = element("td");
      cell.append(input);
      tr.append(cell);
    }
    const remove = element("button", labels.remove, {
      type: "button", "data-part": "remove", "aria-label": `${labels.remove}: ${which}`,
    });
    const cell = element("td");
    cell.append(remove);
    tr.append(cell);
    return tr;
  }

  function table() {
    return Array.from(rows.rows, (tr) => Object.fromEntries(
      FIELDS.map((field) => [field, tr.querySelector(`[name="${field}"]`).value])));
  }

  function draw(branches) {
    rows.replaceChildren(...branches.map((values, index) => row(values, index + 1)));
  }

  async function tableChanged() {
    const written = await call("write_profile", profile.value, name, table());
    if (written !== null) profile.value = written;
  }

  async function profileChanged() {
    const read = await call("read_profile", profile.value, name);
    if (read !== null) draw(read.branches);
    return read;
  }

  rows.addEventListener("change", tableChanged);
  rows.addEventListener("click", (event) => {
    const remove = event.target.closest("[data-part=remove]");
    if (!remove) return;
    const index = remove.closest("tr").sectionRowIndex;
    const branches = table();
    branches.splice(index, 1);
    draw(branches);
    // The keyboard stays where it was: on the next row's button, else on Add.
    const next = rows.rows[Math.min(index, rows.rows.length - 1)];
    (next ? next.querySelector("[data-part=remove]") : part("add")).focus();
    tableChanged();
  });
  part("add").addEventListener("click", () => {
    rows.append(row({}, rows.rows.length + 1));
    rows.rows[rows.rows.length - 1].querySelector("input").focus();
  });
  profile.addEventListener("input", () => {
    // Typed in, it is no longer the file it came from; its format is guessed from the text.
    name = "";
  });
  profile.addEventListener("change", profileChanged);
  part("open").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    profile.value = await file.text();
    name = file.name;
    profileChanged();
  });

  function stem() {
    return (name || "profile").replace(/\.[^.]*$/, "");
  }

  function download(filename, text, type) {
    const link = element("a", undefined, { download: filename });
    link.href = URL.createObjectURL(new Blob([text], { type }));
    document.body.append(link);
    link.click();
    link.remove();
  }

  function downloadButton(label, filename, text, type) {
    const button = element("button", label, { type: "button" });
    button.addEventListener("click", () => download(filename(), text(), type));
    return button;
  }

  const downloads = [
    [labels.download_profile, () => name || "profile.yaml", () => profile.value, "text/plain"],
    [labels.download_plan, () => stem() + "-plan.json", () => result.plan, "application/json"],
    [labels.download_svg, () => stem() + "-chart.svg", () => result.svg, "image/svg+xml"],
    [labels.download_html, () => stem() + "-chart.html", () => result.page, "text/html"],
    [labels.download_comparison, () => stem() + "-comparison.csv",
      () => result.comparison_csv, "text/csv"],
  ];
  part("downloads").append(...downloads.map((made) => downloadButton(...made)));

  function show(planned) {
    const scenario = element("a", planned.scenario, {
      href: `${page.root}explanation/${planned.scenario_id}.html`,
    });
    part("scenario").replaceChildren(scenario);
    // orgkb's own markup of the chart, every name in it escaped (orgkb.chart.chart_as_html).
    part("chart").innerHTML = planned.chart;
    part("rules").replaceChildren(...planned.rules.map((applied) => {
      const item = element("li");
      const link = element("a", applied.id, {
        href: `${page.root}reference/rules.html#${applied.anchor}`,
      });
      item.append(element("strong", applied.code), " ", link, " — " + applied.title);
      return item;
    }));
    part("comparison").textContent = planned.comparison;
    part("results").hidden = false;
  }

  part("recommend").addEventListener("click", async () => {
    if ((await profileChanged()) === null) return;
    const planned = await call("recommend", profile.value, name);
    if (planned === null) return;
    result = planned;
    show(planned);
    status.textContent = labels.done;
  });

  part("leads").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const done = await call("allocate", profile.value, name, await file.text(), file.name);
    part("dispatch").hidden = done === null;
    if (done === null) return;
    part("summary").textContent = done.summary;
    const dispatched = file.name.replace(/\.[^.]*$/, "") + "-dispatched.csv";
    part("dispatched").replaceChildren(downloadButton(
      labels.download_leads, () => dispatched, () => done.csv, "text/csv"));
    status.textContent = labels.done;
  });
})();
