// Drives Debian's chromium through the "RFC Bridge" page of the running assembly's web console:
// logs in, clicks Test Connection for a destination, adds a routing rule with the form, checks that a
// POST without the page's CSRF token is refused, lets a page of another site (served by the browser
// itself) post to Karaf's own Configuration tab, which must be refused, and keeps a screenshot. The
// operations part: the health summary shows the checks, the recent calls list the call CALL_ID (made
// before through the bridge), a filter by function hides it, and disabling the new rule works (its audit
// line must name USER). Prints one JSON line with what it saw; exit status 0 when every step did what it
// should.
//
//   node console-test.mjs BASE_URL USER PASSWORD DESTINATION RULE_ID SCREENSHOT.png CALL_ID
import { chromium } from 'playwright-core';

const [base, user, password, destination, ruleId, screenshot, callId] = process.argv.slice(2);
const seen = {};
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // no sandbox as root; no background traffic, which this machine's closed network refuses
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext({ httpCredentials: { username: user, password } });
  const page = await context.newPage();
  const plugin = `${base}/system/console/rfcbridge`;

  const response = await page.goto(plugin);
  seen.status = response.status();
  await page.waitForSelector('#rfcbridge-servers');
  seen.title = await page.title();

  await Promise.all([
    page.waitForNavigation(),
    page.click(`button[data-action="test"][data-name="${destination}"]`),
  ]);
  seen.testConnection = (await page.textContent('#rfcbridge-result')).trim();

  await page.fill('#rfcbridge-add-route input[name="id"]', ruleId);
  await page.fill('#rfcbridge-add-route input[name="receiver"]', 'BROWSER_000');
  await page.fill('#rfcbridge-add-route input[name="function"]', 'STFC_*');
  await page.fill('#rfcbridge-add-route input[name="order"]', '40');
  await Promise.all([page.waitForNavigation(), page.click('#rfcbridge-add-route button[type="submit"]')]);
  seen.addRule = (await page.textContent('#rfcbridge-result')).trim();
  // the file watcher reads the new rule within a second
  for (let i = 0; i < 20 && !seen.ruleListed; i++) {
    await page.waitForTimeout(500);
    await page.goto(plugin);
    seen.ruleListed = (await page.textContent('#rfcbridge-routes')).includes('BROWSER_000');
  }
  await page.waitForFunction(() => document.querySelectorAll('#rfcbridge-stats tr').length > 1);
  seen.statisticsRows = await page.locator('#rfcbridge-stats tr').count();

  // the operations tables are drawn by the page's script from its JSON, and redrawn every two seconds
  await page.waitForFunction(() => document.querySelectorAll('#rfcbridge-health tbody tr').length >= 4);
  seen.health = (await page.textContent('#rfcbridge-health')).replace(/\s+/g, ' ');
  await page.waitForFunction((id) => document.getElementById('rfcbridge-calls').textContent.includes(id), callId);
  seen.callListed = true;
  seen.latencyListed = (await page.textContent('#rfcbridge-latency')).includes('STFC_CONNECTION');
  await page.fill('#rfcbridge-filter-function', 'NO_SUCH_FUNCTION');
  await page.waitForFunction(() => document.querySelectorAll('#rfcbridge-calls tbody tr').length === 0);
  seen.filterHides = true;
  await page.fill('#rfcbridge-filter-function', '');

  await Promise.all([
    page.waitForNavigation(),
    page.click(`button[data-action="route-disable"][data-name="${ruleId}"]`),
  ]);
  seen.disableRule = (await page.textContent('#rfcbridge-result')).trim();

  seen.postWithoutToken = await page.evaluate(async (url) => {
    const r = await fetch(url, { method: 'POST', body: new URLSearchParams({ action: 'trust-reload' }) });
    return r.status;
  }, plugin);

  // a page of another site the administrator visits, posting to Karaf's Configuration tab: the forged
  // request the issue found switched trust.all on; the console must refuse it (403), whatever the form holds
  const target = `${base}/system/console/configMgr/org.rfcbridge.truststore`;
  await context.route('http://attacker.test/**', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<form id="f" method="post" action="${target}"><input name="apply" value="true">`
      + '<input name="action" value="ajaxConfigManager"><input name="propertylist" value="trust.all">'
      + '<input name="trust.all" value="true"></form><script>document.getElementById("f").submit()</script>',
  }));
  const attacker = await context.newPage();
  const [forged] = await Promise.all([
    attacker.waitForResponse((r) => r.url().startsWith(target) && r.request().method() === 'POST'),
    attacker.goto('http://attacker.test/page.html'),
  ]);
  seen.crossSitePost = forged.status();
  await attacker.close();

  await page.screenshot({ path: screenshot, fullPage: true });
  seen.screenshot = screenshot;
} finally {
  await browser.close();
}
console.log(JSON.stringify(seen));
const ok = seen.status === 200 && seen.testConnection.includes('OK') && seen.addRule.includes('added')
  && seen.ruleListed && seen.postWithoutToken === 403 && seen.statisticsRows > 1 && seen.crossSitePost === 403
  && seen.health.includes('RFC Bridge listeners') && seen.callListed && seen.latencyListed && seen.filterHides
  && seen.disableRule.includes('disabled');
process.exit(ok ? 0 : 1);
