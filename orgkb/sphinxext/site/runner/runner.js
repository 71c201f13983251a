/* orgkb: runs the page's examples in Python in the browser, for the Run buttons (buttons.js).
 * Python runs in a web worker that python.js starts. A run takes the page's blocks up to the
 * clicked one, as edited, in one fresh namespace, and shows each example's output under its
 * block, marked where it differs from what the page prints. While it runs, Stop ends the
 * worker (an example that never ends would hold it for good); the next click starts another. */
"use strict";
window.orgkbRunner = function (runtime, data, elements) {
  const labels = data.labels;
  const style = document.createElement("style");
  style.textContent =
    ".orgkb-runbar{display:flex;gap:.5rem;align-items:center;margin:-.5rem 0 1rem}" +
    ".orgkb-runbar button{font:inherit;font-size:.8rem;padding:.1rem .7rem;" +
    "color:var(--color-foreground-primary);background:var(--color-background-primary);" +
    "border:1px solid var(--color-foreground-border);border-radius:.25rem}" +
    ".orgkb-output pre{margin:0 0 .5rem;padding:.4rem .6rem;white-space:pre-wrap;" +
    "font-size:var(--code-font-size);background:var(--color-background-secondary);" +
    "border-left:.25rem solid var(--color-foreground-border)}" +
    ".orgkb-output .orgkb-differs pre{border-left-color:var(--color-problematic,#b00)}" +
    ".orgkb-output p{margin:0;font-size:.8rem;font-weight:bold}" +
    ".orgkb-runbar [role=status]{font-size:var(--font-size--small)}" +
    ".orgkb-run pre[contenteditable]:focus{outline:2px solid var(--color-brand-primary)}";
  document.head.append(style);

  // The blocks with a button, each with its controls, by the block's position in data.blocks.
  const views = new Map();
  data.blocks.forEach((block, position) => {
    if (block.button) views.set(position, view(elements[views.size], block));
  });
  const start = window.orgkbPython(runtime, data.files);
  let worker = null;
  let started = false;
  let queue = Promise.resolve();

  function button(label) {
    const element = document.createElement("button");
    element.type = "button";
    element.textContent = label;
    return element;
  }

  function view(element, block) {
    const pre = element.querySelector("pre");
    const bar = element.nextElementSibling;
    const status = bar.querySelector("[role=status]");
    const reset = button(labels.reset);
    const stop = button(labels.stop);
    stop.hidden = true;
    const output = document.createElement("div");
    output.className = "orgkb-output";
    output.setAttribute("role", "group");
    output.setAttribute("aria-label", labels.output);
    bar.insertBefore(reset, status);
    bar.insertBefore(stop, status);
    bar.after(output);
    const original = pre.innerHTML;
    let edited = false;
    reset.hidden = true;
    pre.contentEditable = "plaintext-only";
    pre.spellcheck = false;
    pre.setAttribute("role", "textbox");
    pre.setAttribute("aria-multiline", "true");
    pre.setAttribute("aria-label", labels.edit);
    pre.addEventListener("input", () => {
      edited = true;
      reset.hidden = false;
    });
    reset.addEventListener("click", () => {
      pre.innerHTML = original;
      edited = false;
      reset.hidden = true;
      output.replaceChildren();
      status.textContent = "";
      delete bar.dataset.state;
    });
    return {
      bar, status, output, stop,
      // The block as the reader left it: as written, or as edited from what the page shows.
      read: () => (edited
        ? { kind: block.kind, source: pre.innerText.replace(/\n*$/, "\n"), edited }
        : block),
    };
  }

  function show(shown, outcomes) {
    shown.output.replaceChildren(...outcomes.filter((o) => o.got || !o.agrees).map((outcome) => {
      const pre = document.createElement("pre");
      pre.textContent = outcome.got;
      if (outcome.agrees) return pre;
      const differs = document.createElement("div");
      differs.className = "orgkb-differs";
      const note = document.createElement("p");
      note.textContent = labels.differs;
      differs.append(note, pre);
      return differs;
    }));
    shown.status.textContent = outcomes.every((o) => o.agrees) ? labels.same : labels.differ;
    shown.bar.dataset.state = "done";
  }

  async function run(index) {
    const target = Array.from(views.keys())[index];
    const blocks = data.blocks.slice(0, target + 1).map((block, position) => (
      views.has(position) ? views.get(position).read() : block));
    const clicked = views.get(target);
    clicked.status.textContent = started ? labels.running : labels.starting;
    worker = worker || start();
    let python;
    try {
      python = await worker;
    } catch (error) {
      worker = null;
      clicked.bar.dataset.state = "failed";
      clicked.status.textContent = labels.failed + " " + error.message;
      return;
    }
    // A hidden set-up block shows nothing, unless it fails: then under the next shown block.
    let pending = [];
    clicked.stop.hidden = false;
    await new Promise((resolve) => {
      clicked.stop.onclick = () => {
        python.terminate();
        worker = null;
        started = false;
        clicked.bar.dataset.state = "stopped";
        clicked.status.textContent = labels.stopped;
        resolve();
      };
      python.onmessage = ({ data: message }) => {
        if (message.ready) {
          started = true;
          clicked.status.textContent = labels.running;
        }
        if (message.block !== undefined && views.has(message.block)) {
          show(views.get(message.block), pending.concat(message.outcomes));
          pending = [];
        } else if (message.block !== undefined) {
          pending = pending.concat(message.outcomes);
        }
        if (message.failed) {
          clicked.bar.dataset.state = "failed";
          clicked.status.textContent = labels.failed + " " + message.failed;
        }
        if (message.done || message.failed) resolve();
      };
      python.postMessage({ run: blocks });
    });
    clicked.stop.hidden = true;
    clicked.stop.onclick = null;
  }

  return (index) => {
    queue = queue.then(() => run(index));
    return queue;
  };
};
