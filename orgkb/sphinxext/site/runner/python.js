/* orgkb: starts Python in a web worker (worker.js) from the runtime's files, for the Run
 * buttons (runner.js) and the planner (planner.js). The files are classic scripts holding
 * base64, which load from a folder as over HTTP; they load once, and each start() makes a
 * fresh worker from them, so that a stopped one can be replaced. */
"use strict";
window.orgkbPython = function (runtime, names) {
  let loaded;

  function load(name) {
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = runtime + name + ".js";
      script.onload = resolve;
      script.onerror = () => reject(new Error(script.src));
      document.head.append(script);
    });
  }

  async function files() {
    await Promise.all(names.concat(["worker.js"]).map(load));
    const found = window.__orgkbRuntime;
    delete window.__orgkbRuntime;
    return found;
  }

  return async function start() {
    loaded = loaded || files();
    const all = await loaded;
    const source = Uint8Array.from(atob(all["worker.js"]), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
    const python = new Worker(url);
    python.postMessage({ files: all, indexURL: new URL(runtime, location.href).href });
    return python;
  };
};
