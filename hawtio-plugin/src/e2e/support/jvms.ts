import { environment } from './environment'
import { Started, eventually, freePort, start } from './processes'

export type Jvm = { readonly process: Started; readonly jolokiaUrl: string }

/** Answers a Jolokia request to `url`; undefined while the JVM is not answering yet. */
export async function jolokia(url: string, request: object): Promise<{ value?: unknown; status?: number; error?: string } | undefined> {
  try {
    const response = await fetch(url, { method: 'POST', body: JSON.stringify(request), headers: { 'Content-Type': 'application/json' } })
    return response.ok ? ((await response.json()) as { value?: unknown }) : undefined
  } catch {
    return undefined
  }
}

async function untilJolokiaAnswers(jvm: Started, url: string, mbean: string): Promise<void> {
  await eventually(`${jvm.name} answering on ${url}`, 90_000, async () => {
    if (!jvm.isRunning()) {
      throw new Error(`${jvm.name} exited:\n${jvm.tail()}`)
    }
    const answer = await jolokia(url, { type: 'search', mbean })
    return Array.isArray(answer?.value) && answer.value.length > 0 ? true : undefined
  })
}

/** A JVM with the real Jolokia JVM agent and no memtrack MBeans. */
export async function startPlainJvm(): Promise<Jvm> {
  const port = await freePort()
  const jolokiaUrl = `http://127.0.0.1:${port}/jolokia/`
  const process = start('plain JVM with Jolokia', environment.java, [
    `-javaagent:${environment.jolokiaAgentJar}=port=${port},host=127.0.0.1`,
    '-Xmx64m',
    environment.idleJvmSource,
  ])
  await untilJolokiaAnswers(process, jolokiaUrl, 'java.lang:type=Runtime')
  return { process, jolokiaUrl }
}

/** The simulator's demo workload with the memtrack agent and its embedded Jolokia. */
export async function startDemoWithAgent(): Promise<Jvm> {
  const port = await freePort()
  const jolokiaUrl = `http://127.0.0.1:${port}/jolokia/`
  const process = start('demo workload with the memtrack agent', environment.java, [
    `-javaagent:${environment.agentJar}=jolokia.port=${port}`,
    '-Xmx512m',
    '-jar',
    environment.simulatorJar,
    'demo',
  ])
  await untilJolokiaAnswers(process, jolokiaUrl, 'memtrack:type=Agent')
  return { process, jolokiaUrl }
}

export type Console = { readonly process: Started; readonly url: string }

/** The console jar connected to the given JVMs (`name=URL` or bare URLs); resolves once it prints its URL. */
export async function startConsole(connect: readonly string[], extraArgs: readonly string[] = []): Promise<Console> {
  const port = await freePort()
  const process = start('memtrack console', environment.java, [
    '-Xmx256m',
    '-jar',
    environment.consoleJar,
    `--server.port=${port}`,
    ...connect.map(c => `--memtrack.connect=${c}`),
    ...extraArgs,
  ])
  const match = await process.waitFor(/memtrack console: open (http:\/\/\S+)/, 120_000)
  return { process, url: match[1] as string }
}
