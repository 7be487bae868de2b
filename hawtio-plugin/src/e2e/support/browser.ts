import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { Browser, Page, chromium } from 'playwright-core'
import { environment } from './environment'

/** Debian's Chromium, headless, with nothing that reaches out to the internet. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: environment.chromium,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Problems the page reported: uncaught errors and failed requests (not 404s of optional Hawtio files). */
export type PageProblems = { readonly errors: string[] }

export async function newPage(browser: Browser): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 1800 } })
  const problems: PageProblems = { errors: [] }
  page.on('pageerror', error => problems.errors.push(`page error: ${error.message}`))
  page.on('response', response => {
    if (response.status() >= 500) {
      problems.errors.push(`HTTP ${response.status()} for ${response.url()}`)
    }
  })
  page.setDefaultTimeout(30_000)
  return { page, problems }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(environment.screenshots, { recursive: true })
  const path = join(environment.screenshots, `${name}.png`)
  await page.screenshot({ path })
  return path
}
