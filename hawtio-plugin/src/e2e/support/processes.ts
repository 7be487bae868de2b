import { ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

/**
 * Child processes of the e2e (JVMs): output captured for waiting and diagnosis, and always killed, on
 * normal completion (`stopAll` in an `after` hook) and if the test process is interrupted or exits early.
 */
export class Started {
  private output = ''
  private exit: Promise<number | null>

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', chunk => this.append(chunk))
    child.stderr?.on('data', chunk => this.append(chunk))
    this.exit = new Promise(resolve => child.once('exit', code => resolve(code)))
  }

  private append(chunk: Buffer): void {
    this.output += chunk.toString('utf8')
    if (this.output.length > 200_000) {
      this.output = this.output.slice(-100_000)
    }
  }

  /** All output so far. */
  text(): string {
    return this.output
  }

  /** The last lines of output, for error messages. */
  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n')
  }

  isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  /** Resolves with the first match of `pattern` in the output; rejects on timeout or exit, with the output. */
  async waitFor(pattern: RegExp, timeoutMillis: number): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMillis
    for (;;) {
      const match = this.output.match(pattern)
      if (match) {
        return match
      }
      if (!this.isRunning()) {
        throw new Error(`${this.name} exited (code ${this.child.exitCode}) before printing ${pattern}:\n${this.tail()}`)
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.name} did not print ${pattern} within ${timeoutMillis} ms:\n${this.tail()}`)
      }
      await sleep(200)
    }
  }

  /** Resolves with the exit code once the process has ended by itself. */
  async exited(timeoutMillis: number): Promise<number | null> {
    const timeout = sleep(timeoutMillis).then(() => {
      throw new Error(`${this.name} still runs after ${timeoutMillis} ms:\n${this.tail()}`)
    })
    return Promise.race([this.exit, timeout])
  }

  /** SIGTERM, then SIGKILL after a grace period. */
  async stop(graceMillis = 10_000): Promise<void> {
    if (!this.isRunning()) {
      return
    }
    this.child.kill('SIGTERM')
    const ended = await Promise.race([this.exit.then(() => true), sleep(graceMillis).then(() => false)])
    if (!ended) {
      this.child.kill('SIGKILL')
      await this.exit
    }
  }
}

const running = new Set<Started>()

/** Starts a process whose output the test watches; it is registered for cleanup. */
export function start(name: string, command: string, args: readonly string[]): Started {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  const started = new Started(name, child)
  running.add(started)
  child.once('exit', () => running.delete(started))
  return started
}

/** Stops every process this test file started. */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map(p => p.stop()))
}

// Last resort when the test process ends without its after hooks (an uncaught error, Ctrl-C, a killed
// Maven build): never leave JVMs behind.
function killAllNow(): void {
  for (const p of running) {
    if (p.isRunning()) {
      p.child.kill('SIGKILL')
    }
  }
}
process.once('exit', killAllNow)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAllNow()
    process.exit(130)
  })
}

export function sleep(millis: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, millis))
}

/** A TCP port on the loopback interface that was free a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** Polls `check` until it returns a value (not undefined), or fails after the timeout with `what`. */
export async function eventually<T>(what: string, timeoutMillis: number, check: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMillis
  let lastError: unknown = null
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined) {
        return value
      }
    } catch (e) {
      lastError = e
    }
    if (Date.now() > deadline) {
      throw new Error(`${what} did not happen within ${timeoutMillis} ms${lastError ? `: ${String(lastError)}` : ''}`)
    }
    await sleep(500)
  }
}
