/* orgkb: a "Copy" button on every code block.
 * Copies the commands without their prompts ("$ ", ">>> ", "... ") and without the output
 * shown below them; a block without prompts is copied whole. Works offline and from a file
 * share: where the asynchronous clipboard is not offered (a page served over plain HTTP from
 * another machine), it falls back to a selected text area and the copy command. */
"use strict";
(function () {
  const PROMPT = /^(\$ |>>> |\.\.\. )/;
  // The button speaks the page's language: each edition of the site has one.
  const WORDS = {
    en: {
      copy: "Copy",
      label: "Copy the code",
      copied: "Copied",
      refused: "Select the code and copy it by hand",
    },
    zh: { copy: "复制", label: "复制代码", copied: "已复制", refused: "请选中代码后手动复制" },
  };
  const words = WORDS[document.documentElement.lang.split("-")[0]] || WORDS.en;

  function commands(text) {
    const lines = text.replace(/\n$/, "").split("\n");
    const prompted = lines.filter((line) => PROMPT.test(line));
    if (prompted.length === 0) return lines.join("\n") + "\n";
    return prompted.map((line) => line.replace(PROMPT, "")).join("\n") + "\n";
  }

  function fallbackCopy(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const copied = document.execCommand("copy");
    area.remove();
    return copied ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(() => fallbackCopy(text));
    }
    return fallbackCopy(text);
  }

  function addButton(block) {
    const pre = block.querySelector("pre");
    if (!pre) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "orgkb-copy";
    button.textContent = words.copy;
    button.setAttribute("aria-label", words.label);
    const status = document.createElement("span");
    status.className = "orgkb-copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", () => {
      copy(commands(pre.innerText)).then(
        () => { status.textContent = words.copied; },
        () => { status.textContent = words.refused; },
      );
      setTimeout(() => { status.textContent = ""; }, 2000);
    });
    block.classList.add("orgkb-copyable");
    block.append(button, status);
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("div.highlight").forEach(addButton);
  });
})();
