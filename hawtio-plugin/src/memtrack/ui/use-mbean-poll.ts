import { useCallback, useEffect, useRef, useState } from 'react'
import { PollScheduler } from '../lib/poll-scheduler'
import { MBeanRead, MBeanValues, messageOf, readAll, updateRateMillis } from '../memtrack-service'

export type PollState<K extends string> = {
  /** The last successful poll, or null before the first one. */
  readonly data: Readonly<Record<K, MBeanValues>> | null
  /** Why the last poll failed (the JVM is unreachable), or null. Data from before stays shown. */
  readonly error: string | null
  /** Polls as soon as possible, e.g. after an operation changed what the page shows. */
  readonly refresh: () => void
}

/**
 * Polls the given MBeans at the console's update rate with one bulk request per poll, never two at once,
 * paused while the page is hidden and stopped when the component unmounts. `reads` must be stable (a
 * module constant or memoised). `onPoll` sees every successful poll with its time, for rolling charts.
 */
export function useMBeanPoll<K extends string>(
  reads: Readonly<Record<K, MBeanRead>>,
  onPoll?: (data: Readonly<Record<K, MBeanValues>>, atMillis: number) => void,
): PollState<K> {
  const [data, setData] = useState<Readonly<Record<K, MBeanValues>> | null>(null)
  const [error, setError] = useState<string | null>(null)
  const onPollRef = useRef(onPoll)
  onPollRef.current = onPoll
  const schedulerRef = useRef<PollScheduler | null>(null)

  useEffect(() => {
    let mounted = true
    const scheduler = new PollScheduler(async () => {
      try {
        const result = await readAll(reads)
        if (mounted) {
          setData(result)
          setError(null)
          onPollRef.current?.(result, Date.now())
        }
      } catch (e) {
        if (mounted) {
          setError(messageOf(e))
        }
      }
    }, updateRateMillis)
    schedulerRef.current = scheduler
    scheduler.start()
    return () => {
      mounted = false
      scheduler.stop()
      schedulerRef.current = null
    }
  }, [reads])

  const refresh = useCallback(() => schedulerRef.current?.pollNow(), [])
  return { data, error, refresh }
}

/** The attribute values of one MBean of a poll, or an empty record when it is missing or failed. */
export function valuesOf(result: MBeanValues | undefined): Readonly<Record<string, unknown>> {
  return result?.kind === 'values' ? result.values : {}
}
