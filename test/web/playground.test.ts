// The playground (web/) in a real browser: Debian's Chromium driven by playwright-core. The page is
// built by web/build.js into a temporary folder and served by web/serve.js (with the cross-origin
// isolation headers). Checked: the tour runs and shows what `vdl run` shows (examples/tour.out), an
// error shows its caret and is marked in the editor, Stop cancels a long computation inside the
// kernel (and, without isolation headers, restarts the worker), a plot is drawn, the share link
// round-trips, LaTeX is typeset as MathML, and the page reopens offline.
// Screenshots go to test-artifacts/web/. Skipped, with the reason, where Chromium is absent.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../web/build.js';
import { servePlayground } from '../../web/serve.js';

const root = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const artifacts = path.join(root, 'test-artifacts/web');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`test/web/playground.test.ts skipped: no Chromium at ${CHROMIUM} (.ci/run installs it; or set CHROMIUM_PATH)`);

let browser: Browser;
let server: Server;
let url: string;
let outdir: string;

describe.skipIf(!hasChromium)('playground in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    outdir = mkdtempSync(path.join(os.tmpdir(), 'vdl-web-'));
    await buildPlayground(outdir);
    ({ server, url } = await servePlayground(outdir, 0));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS }); // playwright gives it a fresh profile folder
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  async function open(target = url): Promise<Page> {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(target);
    await page.waitForFunction("document.querySelector('#editor').value.length > 0");
    return page;
  }

  /** Wait until the progress line matches, and return it (the page code is a string: no DOM types here). */
  async function progressMatching(page: Page, pattern: RegExp, timeout: number): Promise<string> {
    await page.locator('#progress').filter({ hasText: pattern }).waitFor({ timeout });
    return (await page.textContent('#progress'))!;
  }

  async function runAndWait(page: Page): Promise<string> {
    await page.click('#run');
    return progressMatching(page, /^(done|failed|stopped)/, 200_000);
  }

  it('runs the tour and shows what `vdl run` prints (examples/tour.out), typeset', async () => {
    const page = await open();
    expect(await page.inputValue('#editor')).toBe(readFileSync(path.join(root, 'examples/tour.vdl'), 'utf8'));
    // The editor is coloured by the lexer: keywords and numbers have their classes.
    expect(await page.locator('#highlight .tok-keyword', { hasText: 'print' }).count()).toBeGreaterThan(3);
    expect(await page.locator('#highlight .tok-comment').count()).toBeGreaterThan(3);
    expect(await runAndWait(page)).toMatch(/^done/);
    const lines = await page.$$eval('.print pre.text', (els) => els.map((e) => e.textContent));
    expect(lines).toEqual(readFileSync(path.join(root, 'examples/tour.out'), 'utf8').trimEnd().split('\n'));
    // 1/2 is typeset as a fraction (MathML), and the browser lays it out.
    const fraction = page.locator('.print .latex math mfrac').first();
    expect(await fraction.count()).toBe(1);
    expect((await fraction.boundingBox())!.height).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(artifacts, 'tour.png') });
    await page.close();
  });

  it('draws a plot as an image of its SVG, laid out by the browser', async () => {
    const page = await open();
    await page.fill('#editor', 'let L = [];\nfor k in 1..30 { L = append(L, 1/k); }\nprint plot(L, title = "1/k");\n');
    expect(await runAndWait(page)).toMatch(/^done/);
    const img = page.locator('.print img.plot');
    expect(await img.count()).toBe(1);
    // The image decoded (a broken SVG has naturalWidth 0) and has a size on the page.
    await page.waitForFunction("document.querySelector('.print img.plot').complete");
    expect(await page.evaluate("document.querySelector('.print img.plot').naturalWidth")).toBeGreaterThan(100);
    expect((await img.boundingBox())!.height).toBeGreaterThan(50);
    await page.screenshot({ path: path.join(artifacts, 'plot.png') });
    await page.close();
  });

  it('shows an error with its caret and marks it in the editor', async () => {
    const page = await open();
    await page.fill('#editor', 'ring R = QQ[x, y];\nprint dim(ideal(x, z));\n');
    expect(await runAndWait(page)).toMatch(/^failed/);
    const error = (await page.textContent('pre.error'))!;
    expect(error).toMatch(/^playground\.vdl:2:20: error: .*z/);
    const [, source, caret] = error.split('\n');
    expect(source!.trim()).toBe('print dim(ideal(x, z));');
    expect(caret!.indexOf('^') - source!.indexOf('print')).toBe(19);
    expect((await page.$$eval('#highlight .error-mark', (els) => els.map((e) => e.textContent))).join('')).toBe('z');
    await page.screenshot({ path: path.join(artifacts, 'error.png') });
    await page.close();
  });

  it('Stop cancels a long computation inside the kernel (shared memory), and the page runs on', async () => {
    const page = await open();
    expect(await page.textContent('#mode')).toMatch(/shared memory/);
    await page.fill('#editor', 'import "stdlib/systems.vdl";\nprint gb(cyclic(7));\n');
    await page.click('#run');
    // Wait until a kernel reports progress (the progress line names its stage).
    await progressMatching(page, /^(f4|modular|buchberger)/, 200_000);
    await page.screenshot({ path: path.join(artifacts, 'running.png') });
    expect(await page.isEnabled('#stop')).toBe(true);
    await page.click('#stop');
    await progressMatching(page, /^stopped/, 60_000);
    expect(await page.textContent('#progress')).not.toMatch(/restarted/);
    expect(await page.textContent('pre.error')).toMatch(/playground\.vdl:2:7: error: .*interrupted/);
    expect((await page.$$eval('#highlight .error-mark', (els) => els.map((e) => e.textContent))).join('')).toBe('gb(cyclic(7))');
    await page.screenshot({ path: path.join(artifacts, 'stopped.png') });
    await page.fill('#editor', 'print 6 * 7;');
    expect(await runAndWait(page)).toMatch(/^done/);
    expect(await page.textContent('.print pre.text')).toBe('42');
    await page.close();
  });

  it('without isolation headers (a plain static host), Stop restarts the worker and the page runs on', async () => {
    const plain = await servePlayground(outdir, 0, false);
    try {
      const page = await open(plain.url);
      expect(await page.textContent('#mode')).toMatch(/terminates and restarts/);
      await page.fill('#editor', 'import "stdlib/systems.vdl";\nprint gb(cyclic(7));\n');
      await page.click('#run');
      await progressMatching(page, /^(f4|modular|buchberger)/, 200_000);
      await page.click('#stop');
      expect(await progressMatching(page, /^stopped/, 60_000)).toMatch(/worker restarted/);
      await page.screenshot({ path: path.join(artifacts, 'stopped-restarted.png') });
      await page.fill('#editor', 'print 6 * 7;');
      expect(await runAndWait(page)).toMatch(/^done/);
      expect(await page.textContent('.print pre.text')).toBe('42');
      await page.close();
    } finally {
      plain.server.close();
    }
  });

  it('the share link carries the script and opens it again', async () => {
    const page = await open();
    const script = 'ring R = QQ[x];\n// ünïcode, "quotes" & <tags>\nprint (x + 1)^2;\n';
    await page.fill('#editor', script);
    await page.click('#share');
    const link = await page.inputValue('#share-link');
    expect(link.startsWith(url)).toBe(true);
    expect(link).toMatch(/#code=[A-Za-z0-9_-]+$/);
    const other = await open(link);
    expect(await other.inputValue('#editor')).toBe(script);
    await other.screenshot({ path: path.join(artifacts, 'shared.png') });
    await other.close();
    await page.close();
  });

  it('opens and runs offline once loaded (service worker)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction("document.querySelector('#editor').value.length > 0");
    await page.fill('#editor', 'print 2^10;');
    await page.click('#run');
    await progressMatching(page, /^done/, 60_000);
    expect(await page.textContent('.print pre.text')).toBe('1024');
    await page.screenshot({ path: path.join(artifacts, 'offline.png') });
    await context.close();
  });
});
