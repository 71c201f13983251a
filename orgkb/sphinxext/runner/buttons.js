/* orgkb: a "Run" button under each example of the page (orgkb.sphinxext.runner).
 * The examples come from the page's data, not its HTML. The first click loads the runner
 * from the site's _runtime folder, which starts Python in a web worker; until then the page
 * loads nothing more. A classic script, so that it runs from a folder too. */
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("orgkb-examples").textContent);
  const blocks = Array.from(document.querySelectorAll(".orgkb-run"));
  const style = document.createElement("style");
  style.textContent =
    ".orgkb-runbar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:-.6rem 0 1rem}" +
    ".orgkb-runbar button{font:inherit;font-size:.8rem;padding:.1rem .7rem;cursor:pointer;" +
    "color:var(--color-foreground-primary);background:var(--color-background-primary);" +
    "border:1px solid var(--color-foreground-border);border-radius:.25rem}" +
    ".orgkb-runbar [role=status]{font-size:.8rem}@media print{.orgkb-runbar{display:none}}";
  document.head.append(style);
  let runner;

  function start() {
    runner = runner || new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = data.runtime + "runner.js";
      script.onload = () => resolve(window.orgkbRunner(data, blocks));
      script.onerror = () => reject(new Error(script.src));
      document.head.append(script);
    });
    return runner;
  }

  blocks.forEach((block, index) => {
    const bar = document.createElement("div");
    bar.className = "orgkb-runbar";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = data.labels.run;
    const status = document.createElement("span");
    status.setAttribute("role", "status");
    button.addEventListener("click", () => {
      bar.dataset.state = "running";
      if (!runner) status.textContent = data.labels.starting;
      start().then((run) => run(index), (error) => {
        bar.dataset.state = "failed";
        status.textContent = data.labels.failed + " " + error.message;
      });
    });
    bar.append(button, status);
    block.after(bar);
  });
})();
