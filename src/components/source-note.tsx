import { useId, useRef, useState } from 'react'
import type { Indicator } from '@/domain/schemas'

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

/**
 * 出处: the report's section and exact sentence behind a figure, on hover, focus or click.
 * A click pins it open; Escape or a second click closes it.
 */
export function SourceNote({
  indicator,
  reportTitle,
}: {
  indicator: Indicator
  reportTitle: string
}) {
  const id = useId()
  const [pinned, setPinned] = useState(false)
  /** Escape hides the popover even while hovered or focused, until the pointer or focus leaves. */
  const [dismissed, setDismissed] = useState(false)
  const [place, setPlace] = useState({ right: false, up: false })
  const ref = useRef<HTMLSpanElement>(null)
  const measure = () => {
    const rect = ref.current?.getBoundingClientRect()
    // Open towards the side with room: left of the button in the right half, above it near the bottom.
    if (rect)
      setPlace({
        right: rect.left > window.innerWidth / 2,
        up: rect.bottom > window.innerHeight - 320,
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
          setDismissed(false)
          setPinned((p) => !p)
        }}
      >
        出处
      </button>
      <span role="tooltip" id={id} className="source-note__popover">
        <span className="source-note__title">{indicator.name}</span>
        <span className="source-note__section">
          《{reportTitle}》{indicator.source.section}
        </span>
        <span className="source-note__sentence">
          “
          <QuotedSentence
            sentence={indicator.source.sentence}
            quote={indicator.source.quote}
            offset={indicator.source.quoteOffset}
          />
          ”
        </span>
        <span className="source-note__definition">口径:{indicator.definition}</span>
      </span>
    </span>
  )
}
