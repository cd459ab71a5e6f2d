// Lighthouse on many pages with one Chromium, for scripts/lighthouse.py.
//
// The CLI starts a new Chromium and a new Node process for every run (~4 s each on a busy
// 2-core machine); the node API runs each page in a fresh tab of one browser instead. Lighthouse
// still resets the origin's cache and storage before every run, so each run is a first visit.
//
// Input (stdin, JSON): {"urls": [...], "runs": 3, "chromePath": "...", "chromeFlags": [...],
// "categories": [...], "settings": {...}}. Output (stdout): one JSON line per run,
// {"url", "run", "seconds", "lhr"}, the report cut down to what scripts/lighthouse.py reads.
import {readFileSync} from 'node:fs';
import {performance} from 'node:perf_hooks';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const job = JSON.parse(readFileSync(0, 'utf8'));

// What the summary, the table and the failure message need: scores, the audits a category
// weighs, the figures of the table. The full report is ~400 KB a run.
function slim(lhr) {
  const categories = {};
  for (const [id, category] of Object.entries(lhr.categories)) {
    categories[id] = {
      score: category.score,
      auditRefs: category.auditRefs.map(({id: ref, weight}) => ({id: ref, weight})),
    };
  }
  const audits = {};
  for (const [id, audit] of Object.entries(lhr.audits)) {
    audits[id] = {
      score: audit.score,
      scoreDisplayMode: audit.scoreDisplayMode,
      numericValue: audit.numericValue,
      title: audit.title,
      displayValue: audit.displayValue,
    };
  }
  return {
    finalDisplayedUrl: lhr.finalDisplayedUrl,
    runtimeError: lhr.runtimeError,
    runWarnings: lhr.runWarnings,
    categories,
    audits,
  };
}

// One retry when Lighthouse itself throws (a lost protocol connection): that says nothing about
// the page. A page that loads badly is no error here; its report carries a runtimeError.
async function audit(url) {
  const flags = {port: chrome.port, logLevel: 'error', onlyCategories: job.categories, ...job.settings};
  try {
    return (await lighthouse(url, flags)).lhr;
  } catch {
    return (await lighthouse(url, flags)).lhr;
  }
}

const chrome = await chromeLauncher.launch({
  chromePath: job.chromePath,
  chromeFlags: job.chromeFlags,
  logLevel: 'silent',
});
try {
  for (const url of job.urls) {
    for (let run = 0; run < job.runs; run++) {
      const started = performance.now();
      const line = {url, run};
      try {
        line.lhr = slim(await audit(url));
      } catch (error) {
        line.error = String(error?.message ?? error);
      }
      line.seconds = (performance.now() - started) / 1000;
      process.stdout.write(JSON.stringify(line) + '\n');
    }
  }
} finally {
  await chrome.kill();
}
