/* Regulatory decision tools (fragments/decision_tools/tool.html, data from data/tools/*.yml).
 * Runs the tool's embedded JSON with the same walk as saxonyhub.decision_tools.evaluate: from the
 * first question, each answer applies its rules and leads to the next question; at the end the
 * strictest outcome of the rules that count wins (fallback rules count only when nothing else
 * applied). The answers along the path live in the address (?a=id.id.id), so a result can be
 * shared and the back button steps back one answer. Text goes in through textContent only. */
(function () {
  "use strict";

  var PARAM = "a";

  function evaluate(view, path) {
    var steps = [];
    var applied = [];
    var current = view.start;
    while (current) {
      var question = view.questions[current];
      var chosen = path[steps.length];
      var answer = question.answers.filter(function (a) { return a.id === chosen; })[0];
      if (!answer) return { steps: steps, pending: current, applied: applied, outcome: null, deciding: [] };
      steps.push({ question: question, answer: answer });
      answer.rules.forEach(function (r) { if (applied.indexOf(r) < 0) applied.push(r); });
      current = answer.next;
    }
    var counted = applied.filter(function (r) { return !view.rules[r].fallback; });
    if (!counted.length) counted = applied;
    var rank = {};
    view.outcomes.forEach(function (o, i) { rank[o.id] = i; });
    var best = counted.reduce(function (a, b) {
      return rank[view.rules[b].outcome] > rank[view.rules[a].outcome] ? b : a;
    });
    var outcome = view.rules[best].outcome;
    return {
      steps: steps, pending: null, applied: counted, outcome: outcome,
      deciding: counted.filter(function (r) { return view.rules[r].outcome === outcome; })
    };
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function cites(list) {
    var span = el("span", { class: "hub-tool__cites" });
    list.forEach(function (c, i) {
      if (i) span.appendChild(document.createTextNode(", "));
      span.appendChild(el("a", { href: c.url, hreflang: c.hreflang, text: c.text }));
    });
    return span;
  }

  function Tool(root) {
    this.root = root;
    this.view = JSON.parse(root.querySelector(".hub-tool__data").textContent);
    this.labels = this.view.labels;
    this.app = root.querySelector(".hub-tool__app");
    // The live region is in the page from the start: screen readers miss regions added late.
    this.live = root.querySelector(".hub-tool__live");
    root.querySelector(".hub-tool__static").hidden = true;
    this.app.hidden = false;
  }

  Tool.prototype.t = function (key, values) {
    var text = this.labels["tool." + key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.replace("{" + k + "}", values[k]); });
    return text;
  };

  Tool.prototype.path = function () {
    var value = new URLSearchParams(window.location.search).get(PARAM);
    return value ? value.split(".") : [];
  };

  Tool.prototype.go = function (path, preselect) {
    var url = new URL(window.location.href);
    if (path.length) url.searchParams.set(PARAM, path.join("."));
    else url.searchParams.delete(PARAM);
    window.history.pushState({ hubTool: path.length }, "", url);
    this.render(true, preselect);
  };

  Tool.prototype.render = function (focus, preselect) {
    var path = this.path();
    var result = evaluate(this.view, path);
    this.app.textContent = "";
    this.live.textContent = "";
    if (result.steps.length) this.app.appendChild(this.stepList(result, path));
    var target;
    if (result.pending) {
      var form = this.question(result.pending, result.steps.length + 1, path, preselect);
      this.app.appendChild(form);
      target = form.querySelector("input:checked") || form.querySelector("input");
    } else {
      var section = this.result(result);
      this.app.appendChild(section);
      target = section.querySelector("h2");
      this.live.textContent = this.t("result") + ": " + this.outcome(result.outcome).label;
    }
    if (focus && target) target.focus();
  };

  Tool.prototype.outcome = function (id) {
    return this.view.outcomes.filter(function (o) { return o.id === id; })[0];
  };

  Tool.prototype.stepList = function (result, path) {
    var self = this;
    var list = el("ol", { class: "hub-tool__steps", "aria-label": this.t("your_answers") });
    result.steps.forEach(function (step, i) {
      var change = el("button", {
        type: "button", class: "md-button hub-tool__change", text: self.t("change"),
        "aria-label": self.t("change") + ": " + step.question.text
      });
      change.addEventListener("click", function () { self.go(path.slice(0, i), step.answer.id); });
      list.appendChild(el("li", {}, [
        el("span", { class: "hub-tool__step-question", text: step.question.text }),
        el("strong", { class: "hub-tool__step-answer", text: step.answer.label }),
        change
      ]));
    });
    return list;
  };

  Tool.prototype.question = function (qid, number, path, preselect) {
    var self = this;
    var question = this.view.questions[qid];
    var name = this.view.id + "-" + qid;
    var fieldset = el("fieldset", { class: "hub-tool__question" }, [
      el("legend", {}, [
        el("span", { class: "hub-tool__number", text: this.t("question_n", { n: number }) + ": " }),
        document.createTextNode(question.text)
      ])
    ]);
    if (question.help) fieldset.appendChild(el("p", { class: "hub-tool__help", text: question.help }));
    if (question.definitions.length) fieldset.appendChild(this.definitions(question.definitions));
    question.answers.forEach(function (answer) {
      var id = name + "-" + answer.id;
      var input = el("input", { type: "radio", name: name, id: id, value: answer.id });
      if (answer.id === preselect) input.checked = true;
      fieldset.appendChild(el("div", { class: "hub-tool__option" }, [
        input, el("label", { for: id, text: answer.label })
      ]));
    });
    var error = el("p", { class: "hub-tool__error", hidden: "" });
    var form = el("form", { class: "hub-tool__form", novalidate: "" }, [
      fieldset, error,
      el("button", { type: "submit", class: "md-button md-button--primary", text: this.t("next") })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector("input:checked");
      if (!checked) {
        error.hidden = false;
        error.textContent = self.t("choose");
        self.live.textContent = self.t("choose");
        form.querySelector("input").focus();
        return;
      }
      self.go(path.concat([checked.value]));
    });
    return form;
  };

  Tool.prototype.definitions = function (definitions) {
    var list = el("dl");
    definitions.forEach(function (d) {
      var dd = el("dd", { text: d.text + " (" });
      dd.appendChild(cites([d.cite]));
      dd.appendChild(document.createTextNode((d.where ? ", " + d.where : "") + ")"));
      list.appendChild(el("dt", { text: d.term }));
      list.appendChild(dd);
    });
    return el("div", { class: "hub-tool__definitions" }, [
      el("p", { class: "hub-tool__definitions-title", text: this.t("definitions") }), list
    ]);
  };

  Tool.prototype.ruleItem = function (rid) {
    var rule = this.view.rules[rid];
    var item = el("li", {}, [
      el("strong", { text: rule.title + " – " + this.outcome(rule.outcome).label + ": " }),
      document.createTextNode(rule.text + " (")
    ]);
    item.appendChild(cites(rule.cite));
    if (rule.source) {
      item.appendChild(document.createTextNode("; "));
      item.appendChild(el("a", { href: rule.source, text: this.t("source") }));
    }
    item.appendChild(document.createTextNode(")"));
    return item;
  };

  Tool.prototype.result = function (result) {
    var self = this;
    var outcome = this.outcome(result.outcome);
    var section = el("section", { class: "hub-tool__result" }, [
      el("h2", { tabindex: "-1", text: this.t("result") + ": " + outcome.label })
    ]);
    if (outcome.text) section.appendChild(el("p", { class: "hub-tool__outcome-text", text: outcome.text }));
    if (outcome.date_text) {
      var passed = outcome.date < new Date().toISOString().slice(0, 10);
      section.appendChild(el("p", { class: "hub-tool__outcome-date" }, [
        el("strong", { text: this.t("deadline") + ": " }),
        el("time", { datetime: outcome.date, text: outcome.date_text }),
        passed ? document.createTextNode(" – " + this.t("passed")) : null
      ]));
    }
    if (outcome.continue_url) {
      section.appendChild(el("p", {}, [el("a", {
        href: outcome.continue_url, class: "md-button md-button--primary", text: outcome.continue_label
      })]));
    }
    section.appendChild(el("h3", { text: this.t("deciding") }));
    section.appendChild(el("ul", {}, result.deciding.map(function (r) { return self.ruleItem(r); })));
    if (result.applied.length > 1) {
      var note = el("p", { class: "hub-tool__strictest", text: this.view.strictest_text + " " });
      if (this.view.strictest_cite) note.appendChild(cites([this.view.strictest_cite]));
      section.appendChild(note);
    }
    var others = result.applied.filter(function (r) { return result.deciding.indexOf(r) < 0; });
    if (others.length) {
      section.appendChild(el("h3", { text: this.t("applied") }));
      section.appendChild(el("ul", {}, others.map(function (r) { return self.ruleItem(r); })));
    }
    section.appendChild(el("h3", { text: this.t("your_answers") }));
    section.appendChild(el("ol", { class: "hub-tool__summary" }, result.steps.map(function (s) {
      return el("li", {}, [
        document.createTextNode(s.question.text + " "), el("strong", { text: s.answer.label })
      ]);
    })));
    section.appendChild(el("p", { class: "hub-tool__reviewed",
      text: this.t("reviewed", { date: this.view.last_reviewed_text }) + "." }));
    var disclaimer = document.querySelector(".hub-tool-disclaimer");
    if (disclaimer) section.appendChild(disclaimer.cloneNode(true));
    section.appendChild(this.buttons(result, section));
    return section;
  };

  Tool.prototype.plainText = function (result) {
    var self = this;
    var outcome = this.outcome(result.outcome);
    var lines = [this.view.title, window.location.href, ""];
    result.steps.forEach(function (s) { lines.push("- " + s.question.text + " " + s.answer.label); });
    lines.push("", this.t("result") + ": " + outcome.label);
    if (outcome.date_text) lines.push(this.t("deadline") + ": " + outcome.date_text);
    if (outcome.continue_url) {
      lines.push(outcome.continue_label + ": " + new URL(outcome.continue_url, window.location.href).href);
    }
    result.applied.forEach(function (r) {
      var rule = self.view.rules[r];
      lines.push("- " + rule.title + " (" + self.outcome(rule.outcome).label + "): " + rule.text);
      rule.cite.forEach(function (c) { lines.push("  " + c.text + ": " + c.url); });
    });
    if (result.applied.length > 1) lines.push("", this.view.strictest_text);
    lines.push("", this.t("reviewed", { date: this.view.last_reviewed_text }) + ".");
    var disclaimer = document.querySelector(".hub-tool-disclaimer");
    if (disclaimer) lines.push("", disclaimer.textContent.trim());
    return lines.join("\n");
  };

  Tool.prototype.buttons = function (result, section) {
    var self = this;
    var print = el("button", { type: "button", class: "md-button", text: this.t("print") });
    print.addEventListener("click", function () { window.print(); });
    var copy = el("button", { type: "button", class: "md-button", text: this.t("copy") });
    copy.addEventListener("click", function () {
      var text = self.plainText(result);
      var manual = function () {
        var area = el("textarea", { class: "hub-tool__copy", rows: "12", "aria-label": self.t("copy_manual") });
        area.value = text;
        section.appendChild(el("p", { text: self.t("copy_manual") }));
        section.appendChild(area);
        area.focus();
        area.select();
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(function () { self.live.textContent = self.t("copied"); }, manual);
      } else {
        manual();
      }
    });
    var restart = el("button", { type: "button", class: "md-button", text: this.t("restart") });
    restart.addEventListener("click", function () { self.go([]); });
    return el("p", { class: "hub-tool__buttons" }, [print, copy, restart]);
  };

  // The walk itself, for the browser tests that compare it with the Python evaluator.
  window.hubDecisionTools = { evaluate: evaluate };

  var tools = Array.prototype.map.call(document.querySelectorAll("[data-hub-tool]"), function (root) {
    var tool = new Tool(root);
    tool.render(false);
    return tool;
  });
  if (tools.length) {
    window.addEventListener("popstate", function () {
      tools.forEach(function (tool) { tool.render(true); });
    });
  }
})();
