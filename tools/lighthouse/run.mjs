// Lighthouse on many pages with one Chromium, for scripts/lighthouse.py.
//
// The CLI starts a new Chromium and a new Node process for every run; the node API runs each
// page in a fresh tab of one browser instead. Lighthouse still resets the origin's cache and
// storage before every run, so each run is a first visit.
//
// Protocol (JSON lines): the first line on stdin is the job, {"chromePath", "chromeFlags",
// "categories", "settings"}; every further line is one run, {"url"}, answered by one line on
// stdout, {"url", "seconds", "lhr"} or {"url", "seconds", "error"}. The caller decides from the
// answers whether a page needs another run. End of stdin closes the browser.
import {createInterface} from 'node:readline';
import {performance} from 'node:perf_hooks';

import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

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
      numericValue: audit.numericValue,
      displayValue: audit.displayValue,
    };
  }
  return {
    runtimeError: lhr.runtimeError,
    runWarnings: lhr.runWarnings,
    // Lighthouse's measure of how fast this machine is right now: low on a busy machine, where
    // the simulated blocking time (observed CPU time x 4) comes out pessimistic.
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    categories,
    audits,
  };
}

const lines = createInterface({input: process.stdin, crlfDelay: Infinity})[Symbol.asyncIterator]();
const first = await lines.next();
if (first.done) process.exit(0);
const job = JSON.parse(first.value);

function launch() {
  return chromeLauncher.launch({
    chromePath: job.chromePath,
    chromeFlags: job.chromeFlags,
    logLevel: 'silent',
  });
}

let chrome = await launch();

// One retry, in a new browser, when Lighthouse itself throws (a lost protocol connection, a
// crashed browser): that says nothing about the page. A page that loads badly is no error here;
// its report carries a runtimeError.
async function audit(url) {
  const flags = () => ({
    port: chrome.port,
    logLevel: 'error',
    onlyCategories: job.categories,
    ...job.settings,
  });
  try {
    return (await lighthouse(url, flags())).lhr;
  } catch {
    chrome.kill();
    chrome = await launch();
    return (await lighthouse(url, flags())).lhr;
  }
}

try {
  for await (const line of lines) {
    if (!line.trim()) continue;
    const {url} = JSON.parse(line);
    const started = performance.now();
    const answer = {url};
    try {
      answer.lhr = slim(await audit(url));
    } catch (error) {
      answer.error = String(error?.message ?? error);
    }
    answer.seconds = (performance.now() - started) / 1000;
    process.stdout.write(JSON.stringify(answer) + '\n');
  }
} finally {
  await chrome.kill();
}
