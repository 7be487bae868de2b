import { RefObject, useEffect, useRef, useState } from 'react'

/**
 * The rendered width of an element, kept up to date as it resizes, so an SVG chart can draw at its real
 * pixel size (text and strokes keep their size instead of scaling with the card).
 */
export function useWidth<E extends HTMLElement>(fallback: number): [RefObject<E>, number] {
  const ref = useRef<E>(null)
  const [width, setWidth] = useState(fallback)
  useEffect(() => {
    const element = ref.current
    if (!element || typeof ResizeObserver === 'undefined') {
      return undefined
    }
    const observer = new ResizeObserver(entries => {
      const measured = Math.floor(entries[0]?.contentRect.width ?? 0)
      if (measured > 0) {
        setWidth(measured)
      }
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}
