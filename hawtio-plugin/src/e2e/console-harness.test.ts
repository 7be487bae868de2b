import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Browser } from 'playwright-core'
import { launchBrowser, newPage, screenshot } from './support/browser'
import { environment, missing } from './support/environment'
import { Console, Jvm, startConsole, startPlainJvm } from './support/jvms'
import { stopAll } from './support/processes'

/**
 * The console and its browser side against a real JVM with Jolokia that has no memtrack agent: the plugin
 * is served and discovered, the landing page connects, and memtrack stays out of the way. Needs only this
 * module's build, so it runs before the agent exists.
 */
const absent = missing({ 'console jar': environment.consoleJar, 'Jolokia JVM agent jar': environment.jolokiaAgentJar })

const SUITE = 'memtrack console with a JVM that has no memtrack agent'

// A skip of its own test, so the run's summary counts it.
if (absent) test(SUITE, { skip: `not built: ${absent}` }, () => undefined)
else
  describe(SUITE, () => {
    let jvm: Jvm
    let otherJvm: Jvm
    let console: Console
    let browser: Browser

    before(async () => {
      ;[jvm, otherJvm] = await Promise.all([startPlainJvm(), startPlainJvm()])
      console = await startConsole([`plain=${jvm.jolokiaUrl}`, `second=${otherJvm.jolokiaUrl}`])
      browser = await launchBrowser()
    })

    after(async () => {
      await browser?.close()
      await stopAll()
    })

    test('prints one line with the address to open, on loopback', () => {
      const lines = console.process
        .text()
        .split('\n')
        .filter(l => l.includes('memtrack console: open'))
      assert.equal(lines.length, 1)
      assert.match(console.url, /^http:\/\/127\.0\.0\.1:\d+\/$/)
    })

    test('lists memtrack in the plugin discovery and serves its remote entry', async () => {
      const plugins = (await (await fetch(`${console.url}actuator/hawtio/plugin`)).json()) as Record<string, unknown>[]
      const memtrack = plugins.find(p => p.scope === 'memtrack')
      assert.ok(memtrack, `memtrack missing from ${JSON.stringify(plugins)}`)
      assert.equal(memtrack.module, './plugin')
      const entry = await fetch(`${console.url}${String(memtrack.url).replace(/^\//, '')}/${String(memtrack.remoteEntryFileName)}`)
      assert.equal(entry.status, 200)
      assert.match(await entry.text(), /memtrack/)
    })

    test('the landing page lists both JVMs and says neither runs memtrack', async () => {
      const { page, problems } = await newPage(browser)
      await page.goto(console.url)
      const items = page.locator('li[data-jvm]')
      await items.nth(1).waitFor()
      assert.deepEqual(await items.evaluateAll(li => li.map(e => e.getAttribute('data-jvm'))), ['plain', 'second'])
      assert.match((await items.first().textContent()) ?? '', /no memtrack agent runs there/)
      const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('connect.connections') ?? '{}'))
      assert.deepEqual(
        Object.values(stored as Record<string, { name: string; port: number }>)
          .map(c => c.name)
          .sort(),
        ['plain', 'second'],
      )
      await screenshot(page, 'harness-landing')
      assert.deepEqual(problems.errors, [])
      await page.close()
    })

    test('following a JVM link connects the console, which loads the plugin and hides it for this JVM', async () => {
      const { page, problems } = await newPage(browser)
      const remoteEntries: number[] = []
      page.on('response', r => r.url().includes('/memtrack-plugin/remoteEntry.js') && remoteEntries.push(r.status()))
      await page.goto(console.url)
      const link = page.locator('li[data-jvm="plain"] a')
      await link.waitFor()
      await page.goto(new URL((await link.getAttribute('href')) as string, console.url).toString())

      // Connected: Hawtio shows the connection's name and the JVM's MBean tree.
      await page.getByText('plain', { exact: true }).first().waitFor()
      await page.getByText('java.lang', { exact: true }).first().waitFor()
      await page.getByRole('link', { name: 'Runtime', exact: true }).waitFor()
      assert.deepEqual(remoteEntries, [200], 'the console loaded the plugin')
      assert.equal(await page.getByRole('link', { name: 'memtrack', exact: true }).count(), 0, 'no memtrack page for this JVM')
      await screenshot(page, 'harness-connected-without-memtrack')
      assert.deepEqual(problems.errors, [])
      await page.close()
    })
  })
