import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import { PollScheduler, Timers, Visibility } from './poll-scheduler'

/** Timers that fire only when the test says so. */
class ManualTimers implements Timers {
  private next = 1
  readonly pending = new Map<number, { callback: () => void; millis: number }>()

  setTimeout(callback: () => void, millis: number): unknown {
    const id = this.next++
    this.pending.set(id, { callback, millis })
    return id
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number)
  }

  delays(): number[] {
    return [...this.pending.values()].map(p => p.millis)
  }

  fireAll(): void {
    const due = [...this.pending.values()]
    this.pending.clear()
    due.forEach(p => p.callback())
  }
}

class ManualVisibility implements Visibility {
  hidden = false
  private listeners: (() => void)[] = []

  isHidden(): boolean {
    return this.hidden
  }

  subscribe(listener: () => void): () => void {
    this.listeners.push(listener)
    return () => {
      this.listeners = this.listeners.filter(l => l !== listener)
    }
  }

  set(hidden: boolean): void {
    this.hidden = hidden
    this.listeners.forEach(l => l())
  }

  subscribers(): number {
    return this.listeners.length
  }
}

/** A task whose runs stay in flight until the test settles them. */
class ControlledTask {
  started = 0
  private settle: ((ok: boolean) => void)[] = []

  readonly run = (): Promise<void> => {
    this.started++
    return new Promise<void>((resolve, reject) => {
      this.settle.push(ok => (ok ? resolve() : reject(new Error('poll failed'))))
    })
  }

  async finish(ok = true): Promise<void> {
    const next = this.settle.shift()
    assert.ok(next, 'no run in flight')
    next(ok)
    await flush()
  }
}

const flush = () => new Promise<void>(resolve => setImmediate(resolve))

describe('PollScheduler', () => {
  let timers: ManualTimers
  let visibility: ManualVisibility
  let task: ControlledTask
  let scheduler: PollScheduler

  beforeEach(() => {
    timers = new ManualTimers()
    visibility = new ManualVisibility()
    task = new ControlledTask()
    scheduler = new PollScheduler(task.run, () => 5000, timers, visibility)
  })

  test('runs at once on start and schedules the next run only after the first completes', async () => {
    scheduler.start()
    assert.equal(task.started, 1)
    assert.deepEqual(timers.delays(), [], 'nothing may be scheduled while a run is in flight')

    await task.finish()
    assert.deepEqual(timers.delays(), [5000])

    timers.fireAll()
    assert.equal(task.started, 2)
  })

  test('never starts a second run while one is in flight, even when asked to poll now', async () => {
    scheduler.start()
    scheduler.pollNow()
    scheduler.pollNow()
    assert.equal(task.started, 1)

    await task.finish()
    assert.equal(task.started, 2, 'the requested poll runs right after the one in flight')
    assert.deepEqual(timers.delays(), [])

    await task.finish()
    assert.equal(task.started, 2, 'two requests while busy collapse into one extra run')
    assert.deepEqual(timers.delays(), [5000])
  })

  test('keeps polling after a failed run', async () => {
    scheduler.start()
    await task.finish(false)
    assert.deepEqual(timers.delays(), [5000])
  })

  test('keeps polling when the task throws instead of rejecting', async () => {
    let calls = 0
    const throwing = new PollScheduler(
      () => {
        calls++
        throw new Error('synchronous failure')
      },
      () => 1000,
      timers,
      visibility,
    )
    throwing.start()
    await flush()
    assert.equal(calls, 1)
    assert.deepEqual(timers.delays(), [1000])
  })

  test('stop cancels the timer and a run finishing after stop schedules nothing', async () => {
    scheduler.start()
    scheduler.stop()
    await task.finish()
    assert.deepEqual(timers.delays(), [])
    scheduler.pollNow()
    assert.equal(task.started, 1)
    assert.equal(visibility.subscribers(), 0, 'stop unsubscribes from visibility changes')
  })

  test('schedules nothing while hidden and polls at once when visible again', async () => {
    scheduler.start()
    await task.finish()
    visibility.set(true)
    assert.deepEqual(timers.delays(), [], 'hiding cancels the scheduled run')

    visibility.set(false)
    assert.equal(task.started, 2)
  })

  test('does not start on a hidden page until it becomes visible', () => {
    visibility.hidden = true
    scheduler.start()
    assert.equal(task.started, 0)
    visibility.set(false)
    assert.equal(task.started, 1)
  })

  test('reads the interval again for each run', async () => {
    let interval = 1000
    const adaptive = new PollScheduler(task.run, () => interval, timers, visibility)
    adaptive.start()
    await task.finish()
    assert.deepEqual(timers.delays(), [1000])
    interval = 10_000
    timers.fireAll()
    await task.finish()
    assert.deepEqual(timers.delays(), [10_000])
  })
})
