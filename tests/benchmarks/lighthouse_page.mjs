// One Lighthouse run on one page, in a Chromium whose cookie jar holds the given cookies (a signed-in
// page's socket then connects with the session, as a real browser's does), written as JSON.
//
//   node lighthouse_page.mjs URL OUTPUT.json mobile|desktop '[{"name":..,"value":..,"url":..}]'
//
// Copied next to the Lighthouse install (tests/output/lighthouse-tool) by test_lighthouse_bench.py, so
// that `lighthouse` and `puppeteer-core` (Lighthouse's own dependency) resolve from there.
// Lighthouse never clears cookies between its runs' steps (only caches and storage), so the page is
// loaded signed in; the benchmark checks the URL the run ended on.
import {writeFileSync} from 'node:fs';

import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';

const [url, output, preset, cookiesJson] = process.argv.slice(2);
const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH,
  headless: true,
  defaultViewport: null,  // Lighthouse emulates the phone (or desktop) screen itself
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const cookies = JSON.parse(cookiesJson || '[]');
  if (cookies.length) {
    await browser.setCookie(...cookies);
  }
  const page = await browser.newPage();
  const flags = {output: 'json', onlyCategories: categories, logLevel: 'error'};
  const result = await lighthouse(url, flags, preset === 'desktop' ? desktopConfig : undefined, page);
  if (!result) {
    throw new Error('Lighthouse returned no result');
  }
  const {runtimeError} = result.lhr;
  if (runtimeError) {
    throw new Error(`${runtimeError.code}: ${runtimeError.message}`);
  }
  writeFileSync(output, result.report);
} finally {
  await browser.close();
}
