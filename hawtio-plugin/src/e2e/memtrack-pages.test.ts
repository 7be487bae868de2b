import assert from 'node:assert/strict'
import { TestContext, after, before, describe, test } from 'node:test'
import { Browser, Locator, Page } from 'playwright-core'
import { PageProblems, launchBrowser, newPage, screenshot } from './support/browser'
import { environment, missing } from './support/environment'
import { Console, jolokia, startConsole, startDemoWithAgent } from './support/jvms'
import { eventually, stopAll } from './support/processes'

/**
 * Every memtrack page against the simulator's demo workload running with the memtrack agent: start both and
 * the console, land on memtrack's page through the landing page, perform one real operation per page and
 * check what the page shows, and keep a screenshot of each page in target/screenshots/.
 *
 * Needs agent/target/memtrack-agent.jar and simulator/target/memtrack-simulator.jar; without them it is
 * skipped with a message, or fails when required (Maven requires them unless -De2e.requireAgent=false).
 * MEMTRACK_E2E_JOLOKIA_URL runs it against a JVM that is already running with the agent instead. A page whose
 * MBean the agent does not register is checked for its "not available" state and the test counted as skipped.
 */
const absentJars = environment.existingJolokiaUrl
  ? missing({ 'console jar': environment.consoleJar })
  : missing({
      'console jar': environment.consoleJar,
      'memtrack agent jar': environment.agentJar,
      'memtrack simulator jar': environment.simulatorJar,
    })

const SUITE = 'memtrack pages on the demo workload with the agent'

if (absentJars) {
  const banner = [
    '',
    '='.repeat(100),
    `SKIPPED: the memtrack pages e2e needs ${absentJars}.`,
    'Build the agent and the simulator (mvn -B verify from the repository root builds them before this module),',
    'or point MEMTRACK_E2E_JOLOKIA_URL at a JVM running the agent.',
    '='.repeat(100),
    '',
  ].join('\n')
  process.stderr.write(banner)
  // A test of its own, so the run's summary counts the skip (or the failure) instead of hiding it.
  test(SUITE, { skip: environment.requireAgent ? false : `missing ${absentJars}` }, () =>
    assert.fail(`the page e2e cannot run: missing ${absentJars}`),
  )
}

const EXAMPLE_FAULTS = { FIFO: 15, LRU: 12, OPT: 9 } // 7,0,1,2,0,3,0,4,2,3,0,3,2,1,2,0,1,7,0,1 with 3 frames

if (!absentJars)
  describe(SUITE, () => {
    let jolokiaUrl: string
    let console: Console
    let browser: Browser
    let page: Page
    let problems: PageProblems

    before(async () => {
      jolokiaUrl = environment.existingJolokiaUrl ?? (await startDemoWithAgent()).jolokiaUrl
      console = await startConsole([`demo=${jolokiaUrl}`])
      browser = await launchBrowser()
      ;({ page, problems } = await newPage(browser))
    })

    after(async () => {
      await browser?.close()
      await stopAll()
    })

    /** Opens one of memtrack's pages through its tab, as a user does. */
    async function openTab(title: string): Promise<void> {
      await page.getByRole('navigation', { name: 'memtrack pages' }).getByRole('link', { name: title, exact: true }).click()
      await page.waitForURL(new RegExp(`/memtrack/${title.toLowerCase()}`))
    }

    /** Opens one simulator of the Simulator page. */
    async function openSimulator(tab: string): Promise<void> {
      await openTab('Simulator')
      await page.getByRole('tab', { name: tab }).click()
    }

    async function operationError(): Promise<string | null> {
      const alert = page.getByTestId('operation-error-text')
      return (await alert.count()) > 0 ? await alert.first().innerText() : null
    }

    async function mbeanExists(mbean: string): Promise<boolean> {
      const answer = await jolokia(jolokiaUrl, { type: 'search', mbean })
      return Array.isArray(answer?.value) && answer.value.length > 0
    }

    /**
     * When the JVM lacks the MBean a page needs, checks that the page says so in words, keeps a screenshot and
     * marks the test skipped (counted in the summary) instead of passing it silently; returns whether it did.
     */
    async function absentChecked(t: TestContext, mbean: string, notice: string, shot: string): Promise<boolean> {
      if (await mbeanExists(mbean)) {
        return false
      }
      await page.getByText(notice).waitFor()
      await screenshot(page, shot)
      t.skip(`${mbean} is not registered in this JVM: only its "not available" state was checked`)
      return true
    }

    test('the landing page opens memtrack connected to the demo', async () => {
      await page.goto(console.url)
      await page.waitForURL(/\/actuator\/hawtio\/memtrack\/overview/, { timeout: 60_000 })
      await page.getByRole('heading', { name: 'memtrack', exact: true }).waitFor()
      await page.getByText('demo', { exact: true }).first().waitFor()
    })

    test('Overview draws live heap figures and the agent status', async () => {
      const heapChart = page.getByTestId('chart-heap')
      await eventually('three heap samples', 60_000, async () =>
        Number(await heapChart.getAttribute('data-samples')) >= 3 ? true : undefined,
      )
      assert.match(await page.getByTestId('legend-used').first().innerText(), /used:\s*\d/)
      const status = await page.getByTestId('agent-status').innerText()
      assert.match(status, /Version\s+\S+/)
      assert.doesNotMatch(status, /Version\s+n\/a/)
      await page
        .getByRole('grid', { name: 'Agent subsystems' })
        .getByText(/RUNNING/)
        .first()
        .waitFor()
      await screenshot(page, 'overview')
    })

    test('Allocations reads back a new sampling interval', async t => {
      await openTab('Allocations')
      if (await absentChecked(t, 'memtrack:type=Allocations', 'Allocation tracking not available in this JVM', 'allocations')) {
        return
      }
      const input = page.getByLabel('Sampling interval in bytes')
      await input.fill('262144')
      await page.getByRole('button', { name: 'Apply' }).click()
      await page.getByText('Sampling interval set to 256 KiB.').waitFor()
      await page.getByText('Sampling interval (bytes), now 256 KiB').waitFor()
      const sites = page.getByRole('grid', { name: 'Top allocation sites' })
      await sites.locator('tbody tr').first().waitFor({ timeout: 60_000 })
      // The demo's programs are instrumented: their sites are listed as Class.method(File:line).
      await sites
        .getByText(/dev\.memtrack\.simulator\..*\(\w+\.java:\d+\)/)
        .first()
        .waitFor({ timeout: 60_000 })
      await sites.getByRole('button', { name: 'Allocations' }).click()
      await eventually('the flame graph of sampled stacks', 60_000, async () => {
        if ((await page.getByTestId('flame-graph').count()) > 0) {
          return true
        }
        await page.getByRole('button', { name: 'Refresh' }).click()
        return undefined
      })
      assert.ok((await page.getByTestId('flame-graph').locator('rect').count()) > 1, 'the flame graph draws frames')
      await screenshot(page, 'allocations')
    })

    test('Allocations fits the sites table in its panel at 1280 px, sorted by any column', async t => {
      await openTab('Allocations')
      if (await absentChecked(t, 'memtrack:type=Allocations', 'Allocation tracking not available in this JVM', 'allocations')) {
        return
      }
      await page.setViewportSize({ width: 1280, height: 1800 })
      try {
        const sites = page.getByRole('grid', { name: 'Top allocation sites' })
        await sites
          .getByText(/dev\.memtrack\.simulator\..*\(\w+\.java:\d+\)/)
          .first()
          .waitFor({ timeout: 60_000 })
        await assertFitsSortedByEachColumn(t, sites, 'the sites', { minColumns: 6, nameColumn: 'Site' })
        await screenshot(page, 'allocations-1280')
      } finally {
        await page.setViewportSize({ width: 1440, height: 1800 })
      }
    })

    test('System lists processes and honours a new top N', async () => {
      await openTab('System')
      const table = page.getByRole('grid', { name: 'Top processes by CPU' })
      await table.locator('tbody tr').first().waitFor()
      await page.getByLabel('Number of processes to list').fill('5')
      await page.getByRole('button', { name: 'Set top N' }).click()
      await page.getByText('Processes (top 5)').waitFor()
      await eventually('at most 5 process rows', 30_000, async () => ((await table.locator('tbody tr').count()) <= 5 ? true : undefined))
      await page.getByRole('list', { name: 'CPU load per logical processor' }).getByRole('listitem').first().waitFor()
      await screenshot(page, 'system')
    })

    test('Policy reads back a changed threshold', async t => {
      await openTab('Policy')
      if (await absentChecked(t, 'memtrack:type=Policy', 'The adaptive allocation policy not available in this JVM', 'policy')) {
        return
      }
      const rules = page.getByRole('grid', { name: 'Policy rules' })
      const threshold = rules.getByLabel(/^Threshold of /).first()
      await threshold.waitFor()
      const rule = ((await threshold.getAttribute('aria-label')) as string).replace('Threshold of ', '')
      const current = Number(await threshold.getAttribute('placeholder'))
      const next = Number.isFinite(current) && current > 1 ? current - 1 : 50
      await threshold.fill(String(next))
      await rules.getByRole('button', { name: `Set threshold of ${rule}` }).click()
      await page.getByText(`Threshold of ${rule} set to ${next}.`).waitFor()
      await eventually(`threshold of ${rule} read back as ${next}`, 30_000, async () =>
        Number(await threshold.getAttribute('placeholder')) === next ? true : undefined,
      )
      assert.equal(await operationError(), null)
      await screenshot(page, 'policy')
    })

    test('Policy shows a new decision on its timeline after a threshold is lowered', async t => {
      await openTab('Policy')
      if (await absentChecked(t, 'memtrack:type=Policy', 'The adaptive allocation policy not available in this JVM', 'policy')) {
        return
      }
      /** The decisions the JVM holds, by id and rule (keyed by id, as Jolokia writes a TabularData). */
      const decisions = async () => {
        const value = (await jolokia(jolokiaUrl, { type: 'read', mbean: 'memtrack:type=Policy', attribute: 'RecentDecisions' }))?.value
        return Object.entries((value ?? {}) as Record<string, { rule?: unknown }>).map(([id, d]) => ({ id: Number(id), rule: d?.rule }))
      }
      const newest = Math.max(0, ...(await decisions()).map(d => d.id))
      // Any running JVM uses more than 1 % CPU, so the cpu rule must fire once its hold time has passed.
      const rules = page.getByRole('grid', { name: 'Policy rules' })
      await rules.getByLabel('Threshold of cpu', { exact: true }).fill('1')
      await rules.getByRole('button', { name: 'Set threshold of cpu' }).click()
      await page.getByText('Threshold of cpu set to 1.').waitFor()
      // On a busy machine other rules (overload at 95 % CPU) may decide first: wait for one of the cpu rule.
      const fresh = await eventually(
        'a decision of the cpu rule newer than the lowered threshold',
        60_000,
        async () => (await decisions()).find(d => d.id > newest && d.rule === 'cpu')?.id,
      )
      // The Time cell ends with the decision's number; the Rule cell names the rule above the metric it read.
      const row = page
        .getByRole('grid', { name: 'Recent decisions' })
        .locator('tbody tr', { has: page.locator('td[data-label="Time"]', { hasText: new RegExp(`#${fresh}$`) }) })
      await eventually(`decision #${fresh} of the cpu rule listed`, 30_000, async () =>
        (await row.count()) > 0 && /^cpu\s+system\.cpu\.percent\s/.test(await cell(row.first(), 1)) ? true : undefined,
      )
      const circles = page.getByTestId('decision-timeline').locator('circle')
      assert.ok((await circles.count()) >= 1, 'the timeline draws the decisions')
      await screenshot(page, 'policy-decisions')
    })

    test('Policy pauses and resumes a program by hand', async t => {
      const answer = await jolokia(jolokiaUrl, { type: 'search', mbean: 'memtrack:type=Workload,*' })
      const workloads = Array.isArray(answer?.value) ? (answer.value as string[]) : []
      await openTab('Policy')
      if (workloads.length === 0) {
        await page.getByText('No program in this JVM registers a workload MBean.').waitFor()
        t.skip('the JVM has no workload programs: only the empty table was checked')
        return
      }
      const mbean = workloads[0] as string
      const name = String((await jolokia(jolokiaUrl, { type: 'read', mbean, attribute: 'Name' }))?.value)
      const paused = async () => (await jolokia(jolokiaUrl, { type: 'read', mbean, attribute: 'Paused' }))?.value
      const toggle = page.getByRole('grid', { name: 'Workload programs' }).getByLabel(`${name} paused`)
      const before = await paused()
      await toggle.click({ force: true })
      await eventually(`${name} paused = ${!before}`, 30_000, async () => ((await paused()) === !before ? true : undefined))
      // A forced click lands even on a disabled switch, where the browser drops it: wait until the page has
      // taken in the first change before making the second.
      await eventually(`the switch shows ${name} paused = ${!before} and takes clicks`, 30_000, async () =>
        (await toggle.isChecked()) === !before && (await toggle.isEnabled()) ? true : undefined,
      )
      await toggle.click({ force: true })
      await eventually(`${name} paused = ${before}`, 30_000, async () => ((await paused()) === before ? true : undefined))
    })

    test('Policy fits its tables in their panels at 1280 px sorted by any column, and at 1200 px', async t => {
      await openTab('Policy')
      if (await absentChecked(t, 'memtrack:type=Policy', 'The adaptive allocation policy not available in this JVM', 'policy')) {
        return
      }
      const read = async (attribute: string) =>
        (await jolokia(jolokiaUrl, { type: 'read', mbean: 'memtrack:type=Policy', attribute }))?.value ?? {}
      const workloads = (await jolokia(jolokiaUrl, { type: 'search', mbean: 'memtrack:type=Workload,*' }))?.value ?? []
      // The earlier tests lowered the cpu rule's threshold, so the JVM holds decisions; only a policy in ENFORCE
      // mode measures effects, so the last table may rightly be empty.
      const tables = [
        { label: 'Policy rules', rows: Object.keys(await read('Rules')).length, minColumns: 6 },
        { label: 'Workload programs', rows: (workloads as unknown[]).length, minColumns: 5 },
        { label: 'Recent decisions', rows: Object.keys(await read('RecentDecisions')).length, minColumns: 6 },
        { label: 'Effectiveness of actions', rows: Object.keys(await read('Effectiveness')).length, minColumns: 6 },
      ].map(table => ({ ...table, grid: page.getByRole('grid', { name: table.label }) }))
      /** Each table's content width against its panel's, reported before the checks (so also when one fails). */
      const widths = async () => {
        const measured = await Promise.all(tables.map(async ({ label, grid }) => ({ label, layout: await tableLayout(grid) })))
        return measured.map(({ label, layout }) => `${label}: ${layout.scrollWidth} px of content in ${layout.clientWidth} px`).join('; ')
      }
      await page.setViewportSize({ width: 1280, height: 1800 })
      try {
        for (const { grid } of tables.filter(table => table.rows > 0)) {
          await grid.locator('tbody td[data-label]').first().waitFor({ timeout: 60_000 })
        }
        t.diagnostic(`at 1280 px: ${await widths()}`)
        for (const { label, grid, minColumns } of tables) {
          await assertFitsSortedByEachColumn(t, grid, `${label} at 1280 px`, { minColumns })
        }
        // A bad value's message under a threshold field wraps within its narrow column.
        const rules = page.getByRole('grid', { name: 'Policy rules' })
        const threshold = rules.getByLabel(/^Threshold of /).first()
        await threshold.fill('eighty-five-percent-of-the-cpu')
        await rules.getByText(/must be a number such as 85 or 0\.5; 'eighty-five-percent-of-the-cpu' is not\./).waitFor()
        assertFits(await tableLayout(rules), { minColumns: 6 }, 'the rules with a bad threshold typed')
        await threshold.fill('')
        await screenshot(page, 'policy-1280')
        // The narrowest panel: below 1200 px the console folds its navigation away and the panel widens again.
        await page.setViewportSize({ width: 1200, height: 1800 })
        t.diagnostic(`at 1200 px: ${await widths()}`)
        for (const { label, grid, minColumns } of tables) {
          assertFits(await tableLayout(grid), { minColumns }, `${label} at 1200 px`)
        }
      } finally {
        await page.setViewportSize({ width: 1440, height: 1800 })
      }
    })

    test('Simulator compares page replacement algorithms with the textbook numbers', async t => {
      await openSimulator('Paging')
      if (
        await absentChecked(t, 'memtrack:type=Simulator,name=Paging', 'The paging simulator not available in this JVM', 'simulator-paging')
      ) {
        return
      }
      await page.getByLabel('Reference string').waitFor()
      await page.getByRole('button', { name: 'Compare algorithms' }).click()
      const comparison = page.getByTestId('paging-comparison')
      await comparison.waitFor()
      for (const [algorithm, faults] of Object.entries(EXAMPLE_FAULTS)) {
        const row = comparison.getByRole('grid').locator('tbody tr', { hasText: algorithm }).first()
        assert.equal(await cell(row, 1), String(faults), `${algorithm} faults`)
      }
      await page.getByRole('button', { name: /Draw curve of/ }).click()
      await page.getByTestId('fault-curve').waitFor()
      await page.getByRole('button', { name: /Start session with/ }).click()
      await page.getByRole('button', { name: 'Next reference' }).click()
      await page
        .getByTestId('step-outcome')
        .getByText(/Step 1: page 7 faulted/)
        .waitFor()
      await screenshot(page, 'simulator-paging')
    })

    test('Segmentation shows an allocated segment in the memory bar', async t => {
      await openSimulator('Segmentation')
      const notice = 'The segmentation simulator not available in this JVM'
      if (await absentChecked(t, 'memtrack:type=Simulator,name=Segmentation', notice, 'simulator-segmentation')) {
        return
      }
      await page.getByLabel('Memory size').fill('1024')
      await page.getByRole('button', { name: 'Reset memory' }).click()
      await page.getByText(/Empty memory of 1,024 bytes/).waitFor()
      await page.getByLabel('Segment name').fill('e2e/code')
      await page.getByLabel('Segment size').fill('256')
      await page.getByRole('button', { name: 'Allocate' }).click()
      await page.getByText(/e2e\/code placed at address/).waitFor()
      await page.getByTestId('segment-e2e/code').waitFor()
      await eventually('allocated bytes read back', 30_000, async () =>
        (await page.getByTestId('segmentation-statistics').innerText()).match(/Allocated\s+256\b/) ? true : undefined,
      )
      await screenshot(page, 'simulator-segmentation')
    })

    test('Memory stress starts and stops, and a target above the cap is refused in words', async t => {
      await openSimulator('Memory stress')
      const notice = 'The memory-stress generator not available in this JVM'
      if (await absentChecked(t, 'memtrack:type=Simulator,name=Stress', notice, 'simulator-stress')) {
        return
      }
      await page.getByLabel('Target retained MiB').fill('1000000')
      await page.getByRole('button', { name: 'Start' }).click()
      const refusal = await eventually('the refusal', 30_000, async () => (await operationError()) ?? undefined)
      assert.match(refusal ?? '', /^Starting the stress generator failed: \S/)
      assert.doesNotMatch(refusal ?? '', /Exception|\n\s*at /)

      await page.getByLabel('Target retained MiB').fill('32')
      await page.getByLabel('Rate MiB per second').fill('16')
      await page.getByRole('button', { name: 'Start' }).click()
      await page
        .getByTestId('stress-state')
        .getByText(/running/)
        .waitFor()
      await eventually('retained heap', 60_000, async () =>
        (await page.getByTestId('stress-status').innerText()).match(/Retained\s+[1-9]/) ? true : undefined,
      )
      await screenshot(page, 'simulator-stress')
      await page.getByRole('button', { name: 'Stop' }).click()
      await page.getByTestId('stress-state').getByText('stopped').waitFor()
    })

    test('no page reported an error', () => {
      assert.deepEqual(problems.errors, [])
    })
  })

/** How a table sits in the element that holds it (the scroll container in its card), with its cells' widths. */
type TableLayout = {
  readonly scrollWidth: number
  readonly clientWidth: number
  readonly tableRight: number
  readonly panelRight: number
  readonly viewportWidth: number
  /** Per column: its header, its width, and whether a body cell's content is wider than the cell. */
  readonly columns: readonly { title: string; width: number; numeric: boolean; rightAligned: boolean; overflowingCells: number }[]
}

function tableLayout(table: Locator): Promise<TableLayout> {
  return table.evaluate((element: Element) => {
    const panel = element.parentElement as HTMLElement
    const headers = [...element.querySelectorAll('thead th')] as HTMLElement[]
    const rows = [...element.querySelectorAll('tbody tr')]
    return {
      scrollWidth: panel.scrollWidth,
      clientWidth: panel.clientWidth,
      tableRight: element.getBoundingClientRect().right,
      panelRight: panel.getBoundingClientRect().right,
      viewportWidth: document.documentElement.clientWidth,
      columns: headers.map((th, index) => {
        // Cells of rows (a table's "nothing yet" line spans all columns and has no data label).
        const cells = rows
          .map(row => row.children[index] as HTMLElement | undefined)
          .filter(c => c?.hasAttribute('data-label')) as HTMLElement[]
        return {
          title: th.innerText.trim(),
          width: th.getBoundingClientRect().width,
          numeric: th.classList.contains('memtrack-number'),
          rightAligned: cells.every(c => ['end', 'right'].includes(getComputedStyle(c).textAlign)),
          overflowingCells: cells.filter(c => c.scrollWidth > c.clientWidth + 1).length,
        }
      }),
    }
  })
}

/**
 * Sorts a table by each of its columns in turn (a sort puts other rows, so other widths, first) and checks
 * after each sort that the table fits its panel.
 */
async function assertFitsSortedByEachColumn(t: TestContext, table: Locator, what: string, expected: FitExpectations): Promise<void> {
  const headers = table.locator('thead th')
  const columns = await headers.allInnerTexts()
  assert.ok(columns.length >= expected.minColumns, `${what} has its columns: ${columns.join(', ')}`)
  for (let index = 0; index < columns.length; index++) {
    const header = headers.nth(index)
    const before = await header.getAttribute('aria-sort')
    await header.getByRole('button').click()
    await eventually(`${what} sorted by ${columns[index]}`, 30_000, async () => {
      const now = await header.getAttribute('aria-sort')
      return now !== null && now !== before ? true : undefined
    })
    assertFits(await tableLayout(table), expected, `${what} sorted by ${columns[index]}`)
  }
  t.diagnostic(`${what} fits its panel sorted by each of ${columns.length} columns`)
}

type FitExpectations = {
  readonly minColumns: number
  /** The column of long names that every numeric column must be narrower than. */
  readonly nameColumn?: string
}

/** No horizontal scrolling, nothing past the panel or the window, no cell wider than its column, numbers right-aligned. */
function assertFits(layout: TableLayout, expected: FitExpectations, when: string): void {
  const detail = `${when}: ${JSON.stringify(layout)}`
  assert.ok(layout.scrollWidth <= layout.clientWidth, `the table scrolls sideways ${detail}`)
  assert.ok(layout.tableRight <= layout.panelRight + 1, `the table reaches past its panel ${detail}`)
  assert.ok(layout.panelRight <= layout.viewportWidth, `the panel reaches past the window ${detail}`)
  const names = expected.nameColumn === undefined ? undefined : layout.columns.find(c => c.title === expected.nameColumn)
  assert.ok(expected.nameColumn === undefined || names, `a ${expected.nameColumn} column ${detail}`)
  for (const column of layout.columns) {
    assert.equal(column.overflowingCells, 0, `cells of ${column.title} wider than their column ${detail}`)
    if (column.numeric) {
      assert.ok(column.rightAligned, `${column.title} is right-aligned ${detail}`)
      assert.ok(!names || column.width < names.width, `${column.title} is narrower than ${expected.nameColumn} ${detail}`)
    }
  }
  assert.ok(
    layout.columns.some(c => c.numeric),
    `the table marks its numeric columns ${detail}`,
  )
}

async function cell(row: Locator, index: number): Promise<string> {
  return ((await row.locator('td').nth(index).innerText()) ?? '').trim()
}
