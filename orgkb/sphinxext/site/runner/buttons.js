/* orgkb: a "Run" button under each example (orgkb.sphinxext.site.runner). The first click
 * loads the runner and the page's examples; until then the page loads nothing more. Kept
 * small, as every byte counts against the page's weight budget: the site gets this file
 * without its comment lines. */
"use strict";
(function () {
  const page = document.currentScript.dataset;
  const blocks = Array.from(document.querySelectorAll(".orgkb-run"));
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
    // A paragraph: the theme spaces it, with no style sheet of its own before a click.
    const bar = document.createElement("p");
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
    bar.append(button, " ", status);
    block.after(bar);
  });
})();
