import { useCallback, useId, useRef, useState } from 'react'
import { useOutsidePress } from './use-outside-press'
import type { Source } from '@/domain/schemas'
import './source-note.css'

/** The sentence with the figure's own words marked, as React text (never HTML). */
export function QuotedSentence({
  sentence,
  quote,
  offset,
}: {
  sentence: string
  quote: string
  offset: number
}) {
  const at = sentence.startsWith(quote, offset) ? offset : sentence.indexOf(quote)
  if (at < 0) return <>{sentence}</>
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{quote}</mark>
      {sentence.slice(at + quote.length)}
    </>
  )
}

/** Below this width source-note.css turns the popover into a sheet across the screen. */
const PHONE_MAX_WIDTH = 768

/**
 * 出处: the report's section and exact sentence behind a figure or a statement, on hover, focus or
 * click. A click or tap pins it open; Escape, a second click or a click elsewhere closes it.
 */
export function SourceNote({
  title,
  source,
  definition,
  reportTitle,
}: {
  /** What the note is about: the indicator's or the fact's name. */
  title: string
  source: Source
  /** The indicator's 口径; a fact has none. */
  definition?: string
  reportTitle: string
}) {
  const id = useId()
  const [pinned, setPinned] = useState(false)
  /** Escape hides the popover even while hovered or focused, until the pointer or focus leaves. */
  const [dismissed, setDismissed] = useState(false)
  const [place, setPlace] = useState({ right: false, up: false })
  const ref = useRef<HTMLSpanElement>(null)
  // A pinned note closes when the user taps or clicks anywhere else (on a phone it is a sheet
  // across the screen, and a touch leaves no hover to end).
  useOutsidePress(
    ref,
    pinned,
    useCallback(() => setPinned(false), []),
  )
  const measure = () => {
    const rect = ref.current?.getBoundingClientRect()
    // Open towards the side with room: left of the button in the right half, above it near the
    // bottom. (On a phone it opens as a sheet: at the top of the screen for a button in its
    // lower half, at the bottom otherwise.)
    if (rect)
      setPlace({
        right: rect.left > window.innerWidth / 2,
        up:
          window.innerWidth < PHONE_MAX_WIDTH
            ? rect.top > window.innerHeight / 2
            : rect.bottom > window.innerHeight - 320,
      })
  }
  const classes = [
    'source-note',
    pinned && 'source-note--pinned',
    dismissed && 'source-note--dismissed',
    place.right && 'source-note--right',
    place.up && 'source-note--up',
  ]
  return (
    <span
      ref={ref}
      className={classes.filter(Boolean).join(' ')}
      onMouseEnter={measure}
      onFocus={measure}
      onMouseLeave={() => setDismissed(false)}
      onBlur={() => setDismissed(false)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          setPinned(false)
          setDismissed(true)
        }
      }}
    >
      <button
        type="button"
        className="source-note__button"
        aria-expanded={pinned}
        aria-describedby={id}
        onClick={() => {
          // The second click closes it, even while the pointer or focus is still on the button.
          setDismissed(pinned)
          setPinned(!pinned)
        }}
      >
        出处
      </button>
      <span role="tooltip" id={id} className="source-note__popover">
        <span className="source-note__title">{title}</span>
        <span className="source-note__section">
          《{reportTitle}》{source.section}
        </span>
        <span className="source-note__sentence">
          “
          <QuotedSentence
            sentence={source.sentence}
            quote={source.quote}
            offset={source.quoteOffset}
          />
          ”
        </span>
        {definition && <span className="source-note__definition">口径:{definition}</span>}
      </span>
    </span>
  )
}
