import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

/**
 * Where the e2e finds what it runs. Maven sets these variables (see the browser-e2e execution in
 * pom.xml); the defaults let `npm run e2e` work from hawtio-plugin/ after `mvn package`.
 */
// Compiled to target/ts-test/e2e/support/: four levels up is hawtio-plugin/.
const pluginDir = resolve(__dirname, '..', '..', '..', '..')
const root = process.env.MEMTRACK_ROOT ? resolve(process.env.MEMTRACK_ROOT) : resolve(pluginDir, '..')

export const environment = {
  root,
  consoleJar: process.env.MEMTRACK_CONSOLE_JAR ?? join(pluginDir, 'target', 'memtrack-console.jar'),
  jolokiaAgentJar: process.env.MEMTRACK_JOLOKIA_AGENT_JAR ?? join(pluginDir, 'target', 'e2e', 'jolokia-agent.jar'),
  agentJar: join(root, 'agent', 'target', 'memtrack-agent.jar'),
  simulatorJar: join(root, 'simulator', 'target', 'memtrack-simulator.jar'),
  idleJvmSource: join(pluginDir, 'src', 'e2e', 'IdleJvm.java'),
  screenshots: process.env.MEMTRACK_SCREENSHOTS ?? join(pluginDir, 'target', 'screenshots'),
  java: process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java',
  chromium: process.env.MEMTRACK_CHROMIUM ?? '/usr/bin/chromium',
  /** true: a missing agent or simulator jar fails the e2e instead of skipping it. */
  requireAgent: (process.env.MEMTRACK_E2E_REQUIRE_AGENT ?? 'false').toLowerCase() === 'true',
  /** A JVM already running with the agent, to run the page e2e against instead of starting the demo. */
  existingJolokiaUrl: process.env.MEMTRACK_E2E_JOLOKIA_URL,
}

/** What is missing to run something, as a sentence, or null when everything is there. */
export function missing(files: Record<string, string>): string | null {
  const absent = Object.entries(files).filter(([, path]) => !existsSync(path))
  return absent.length === 0 ? null : absent.map(([what, path]) => `${what} (${path})`).join(', ')
}
