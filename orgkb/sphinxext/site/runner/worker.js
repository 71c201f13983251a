/* orgkb: Python for the page's examples, in a web worker, so that the page never freezes.
 * The page (runner.js) starts it from a Blob and sends the runtime's files in base64 first;
 * Pyodide then starts from them alone: its own requests for files are answered from them,
 * and any other request fails, so nothing is fetched from anywhere. PyYAML and orgkb are
 * unpacked from their wheels, the example files into the docs folder beside orgkb's, as in a
 * clone of the project. Each run is a list of blocks, run in order in a fresh namespace by
 * orgkb.page_examples; each block's outcomes are sent back as it ends. A call, from the
 * planner, is a function of orgkb.planner by name with its arguments; its answer is JSON. */
"use strict";
const SETUP = `
import json, os, subprocess
from dataclasses import asdict
from pathlib import Path

import orgkb
from orgkb.errors import OrgkbError
from orgkb.page_examples import Outcome, PageSession, restore_blank_lines, run_in_process
from orgkb.planner import call

DOCS = Path(orgkb.__file__).parent.parent / "docs"
# The browser starts no processes; a page runs "python -m orgkb" as one.
subprocess.run = run_in_process


def new_session():
    os.chdir(DOCS)
    return PageSession(DOCS)


def run_block(session, kind, source, edited):
    if edited and kind == "doctest":
        source = restore_blank_lines(source)
    try:
        outcomes = session.run(kind, source)
    except OrgkbError as error:
        outcomes = [Outcome(source, "", str(error), agrees=False)]
    return json.dumps([asdict(outcome) for outcome in outcomes])
`;
let ready;
let queue = Promise.resolve();

async function start({ files, indexURL }) {
  const nativeFetch = self.fetch.bind(self);
  const open = (name) => {
    const type = name.endsWith(".wasm") ? "application/wasm" : "application/octet-stream";
    return nativeFetch(`data:${type};base64,${files[name]}`);
  };
  self.fetch = async (url) => {
    const name = new URL(url).pathname.split("/").pop();
    if (!(name in files)) throw new TypeError("orgkb runs examples offline: " + url);
    return open(name);
  };
  const bytes = async (name) => (await open(name)).arrayBuffer();
  for (const name of ["pyodide.js", "pyodide.asm.js"]) {
    const script = new Blob([await bytes(name)], { type: "text/javascript" });
    importScripts(URL.createObjectURL(script));
  }
  const pyodide = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
  const sitePackages = pyodide.runPython("import site; site.getsitepackages()[0]");
  for (const name of Object.keys(files).filter((name) => name.endsWith(".whl"))) {
    pyodide.unpackArchive(await bytes(name), "wheel", { extractDir: sitePackages });
  }
  pyodide.unpackArchive(await bytes("examples.zip"), "zip", { extractDir: sitePackages + "/docs" });
  pyodide.runPython(SETUP);
  self.postMessage({ ready: true });
  return pyodide.globals;
}

async function run(blocks) {
  const python = await ready;
  const newSession = python.get("new_session");
  const session = newSession();
  newSession.destroy();
  const runBlock = python.get("run_block");
  try {
    blocks.forEach((block, index) => {
      const outcomes = JSON.parse(runBlock(session, block.kind, block.source, !!block.edited));
      self.postMessage({ block: index, outcomes });
    });
  } finally {
    runBlock.destroy();
    session.destroy();
  }
  self.postMessage({ done: true });
}

async function answer({ call, args, id }) {
  const python = await ready;
  const planner = python.get("call");
  try {
    self.postMessage({ id, answer: planner(call, JSON.stringify(args)) });
  } finally {
    planner.destroy();
  }
}

self.onmessage = ({ data }) => {
  if (data.files) {
    ready = start(data);
    ready.catch(() => {});
    return;
  }
  const work = data.call ? () => answer(data) : () => run(data.run);
  queue = queue.then(work).catch((error) => {
    // A Python error's message is its traceback; its last line says what went wrong.
    const failed = String(error.message || error).trim().split("\n").pop();
    self.postMessage({ id: data.id, failed });
  });
};
