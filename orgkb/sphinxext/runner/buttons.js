/* orgkb: a "Run" button under each example (orgkb.sphinxext.runner). The first click loads
 * the runner and the page's examples; until then the page loads nothing more. */
"use strict";
(function () {
  const page = document.currentScript.dataset;
  const blocks = Array.from(document.querySelectorAll(".orgkb-run"));
  const style = document.createElement("style");
  style.textContent = ".orgkb-runbar{display:flex;gap:.5rem;align-items:center;margin:-.5rem 0 1rem}" +
    ".orgkb-runbar button{font:inherit;font-size:.8rem;padding:.1rem .7rem;" +
    "color:var(--color-foreground-primary);background:var(--color-background-primary);" +
    "border:1px solid var(--color-foreground-border);border-radius:.25rem}";
  document.head.append(style);
  let runner;

  function load(src) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = () => reject(new Error(src));
      document.head.append(script);
    });
  }

  blocks.forEach((block, index) => {
    const bar = document.createElement("div");
    bar.className = "orgkb-runbar";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = page.run;
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    button.addEventListener("click", () => {
      bar.dataset.state = "running";
      runner = runner || Promise.all([load(page.runtime + "runner.js"), load(page.examples)])
        .then(() => window.orgkbRunner(page.runtime, window.__orgkbExamples, blocks));
      runner.then((run) => run(index), (error) => {
        bar.dataset.state = "failed";
        status.textContent = "⚠ " + error.message;
      });
    });
    bar.append(button, status);
    block.after(bar);
  });
})();
