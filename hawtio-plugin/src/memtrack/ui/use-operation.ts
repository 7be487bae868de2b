import { useCallback, useEffect, useRef, useState } from 'react'
import { messageOf } from '../memtrack-service'

/** What a form does with the JVM: resolves with the text that says what happened (or nothing to say). */
export type OperationAction = () => Promise<string | void>

export type OperationState = {
  /** Runs `action`; its rejection message is kept in `error`, its resolved text (if any) in `done`. */
  readonly run: (action: OperationAction) => Promise<boolean>
  readonly busy: boolean
  readonly error: string | null
  readonly done: string | null
  readonly clear: () => void
}

/**
 * State of the operations a form performs: one at a time (the buttons are disabled while busy), the last
 * failure in words, the last success message.
 */
export function useOperation(onDone?: () => void): OperationState {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<string | null>(null)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(
    async (action: OperationAction) => {
      setBusy(true)
      setError(null)
      setDone(null)
      try {
        const message = await action()
        if (mounted.current) {
          setDone(message || null)
        }
        onDone?.()
        return true
      } catch (e) {
        if (mounted.current) {
          setError(messageOf(e))
        }
        return false
      } finally {
        if (mounted.current) {
          setBusy(false)
        }
      }
    },
    [onDone],
  )
  const clear = useCallback(() => {
    setError(null)
    setDone(null)
  }, [])
  return { run, busy, error, done, clear }
}
