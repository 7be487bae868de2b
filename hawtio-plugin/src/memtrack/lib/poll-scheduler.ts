/**
 * Runs a polling task repeatedly without ever overlapping two runs: the next run is scheduled only when the
 * previous one has finished (successfully or not), one interval later. A slow JVM therefore slows the polling
 * down instead of piling requests up. While the page is hidden nothing is scheduled; when it becomes visible
 * again the task runs at once. After `stop()` (the page unmounted) no run starts and a run still in flight
 * schedules nothing.
 *
 * Not thread-safe in any sense that matters to JavaScript: it is driven from the browser's event loop.
 */

export type Timers = {
  setTimeout(callback: () => void, millis: number): unknown
  clearTimeout(handle: unknown): void
}

export type Visibility = {
  isHidden(): boolean
  /** Calls `listener` whenever visibility changes; returns the function that unsubscribes it. */
  subscribe(listener: () => void): () => void
}

const browserTimers: Timers = {
  setTimeout: (callback, millis) => globalThis.setTimeout(callback, millis),
  clearTimeout: handle => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
}

/** The page's visibility, or "always visible" outside a browser. */
export function documentVisibility(): Visibility {
  if (typeof document === 'undefined') {
    return { isHidden: () => false, subscribe: () => () => undefined }
  }
  return {
    isHidden: () => document.hidden,
    subscribe: listener => {
      document.addEventListener('visibilitychange', listener)
      return () => document.removeEventListener('visibilitychange', listener)
    },
  }
}

export class PollScheduler {
  private running = false
  private inFlight = false
  private runAgainAtOnce = false
  private timer: unknown = null
  private unsubscribe: (() => void) | null = null

  /**
   * @param task one poll; its rejection is the task's own business (it should record the error) and
   *             does not stop the polling
   * @param intervalMillis read before each scheduling, so a changed console update rate applies at once
   */
  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMillis: () => number,
    private readonly timers: Timers = browserTimers,
    private readonly visibility: Visibility = documentVisibility(),
  ) {}

  /** Runs the task now (if the page is visible) and then every interval after each run completes. */
  start(): void {
    if (this.running) {
      return
    }
    this.running = true
    this.unsubscribe = this.visibility.subscribe(() => this.visibilityChanged())
    this.runTask()
  }

  stop(): void {
    this.running = false
    this.runAgainAtOnce = false
    this.cancelTimer()
    this.unsubscribe?.()
    this.unsubscribe = null
  }

  /** Polls as soon as possible, e.g. after an operation changed what the page shows. */
  pollNow(): void {
    if (!this.running) {
      return
    }
    if (this.inFlight) {
      this.runAgainAtOnce = true
      return
    }
    this.runTask()
  }

  isRunning(): boolean {
    return this.running
  }

  isPolling(): boolean {
    return this.inFlight
  }

  private runTask(): void {
    if (!this.running || this.inFlight || this.visibility.isHidden()) {
      return
    }
    this.cancelTimer()
    this.inFlight = true
    let outcome: Promise<void>
    try {
      outcome = this.task()
    } catch (error) {
      outcome = Promise.reject(error)
    }
    outcome
      .catch(() => undefined)
      .then(() => {
        this.inFlight = false
        if (!this.running) {
          return
        }
        if (this.runAgainAtOnce) {
          this.runAgainAtOnce = false
          this.runTask()
        } else {
          this.scheduleNext()
        }
      })
  }

  private scheduleNext(): void {
    if (this.visibility.isHidden()) {
      return
    }
    this.cancelTimer()
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null
        this.runTask()
      },
      Math.max(0, this.intervalMillis()),
    )
  }

  private visibilityChanged(): void {
    if (!this.running) {
      return
    }
    if (this.visibility.isHidden()) {
      this.cancelTimer()
    } else if (!this.inFlight) {
      this.runTask()
    }
  }

  private cancelTimer(): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer)
      this.timer = null
    }
  }
}
