/* Review dates, decided in the reader's browser so that a page goes out of date without a
   rebuild (the build never looks at the clock).
   - Review boxes [data-hub-review-due="YYYY-MM-DD"] show their overdue text once the date has
     passed (partials/review.html renders both states) and get data-hub-review-state="overdue"
     or "current".
   - The staff schedule table [data-hub-soon-days] marks each row [data-hub-due] as overdue,
     due soon or later, and hides the "later" rows.
   Runs on every page view: through Material's document$ when present (it also emits for the first
   page), otherwise once. */
(function () {
  "use strict";
  var DAY = 24 * 60 * 60 * 1000;

  function daysUntil(isoDate) {
    var parts = isoDate.split("-").map(Number);
    var now = new Date();
    var today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
    return Math.round((Date.UTC(parts[0], parts[1] - 1, parts[2]) - today) / DAY);
  }

  function markReviewBoxes() {
    document.querySelectorAll("[data-hub-review-due]").forEach(function (box) {
      var overdue = daysUntil(box.getAttribute("data-hub-review-due")) < 0;
      box.classList.toggle("hub-review--overdue", overdue);
      // What the script decided, for styles and tests; the built page carries no state.
      box.setAttribute("data-hub-review-state", overdue ? "overdue" : "current");
      box.querySelector(".hub-review__overdue").hidden = !overdue;
    });
  }

  function markSchedule() {
    document.querySelectorAll("table[data-hub-soon-days]").forEach(function (table) {
      var soon = Number(table.getAttribute("data-hub-soon-days"));
      var shown = 0;
      table.querySelectorAll("tr[data-hub-due]").forEach(function (row) {
        var left = daysUntil(row.getAttribute("data-hub-due"));
        var state = left < 0 ? "overdue" : left <= soon ? "soon" : "later";
        row.setAttribute("data-hub-state", state);
        row.querySelectorAll("[data-hub-state-label]").forEach(function (label) {
          label.hidden = label.getAttribute("data-hub-state-label") !== state;
        });
        row.hidden = state === "later";
        shown += row.hidden ? 0 : 1;
      });
      var empty = document.getElementById(table.getAttribute("data-hub-empty"));
      if (empty) empty.hidden = shown > 0;
      table.hidden = shown === 0;
    });
  }

  function run() {
    markReviewBoxes();
    markSchedule();
  }

  if (window.document$) window.document$.subscribe(run);
  else run();
})();
