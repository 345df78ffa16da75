// @vitest-environment node
import postcss from 'postcss'
import { describe, expect, it } from 'vitest'
import { flexGapFallback } from './flex-gap-plugin'

const run = (css: string) =>
  postcss([flexGapFallback()])
    .process(css, { from: 'test.css' })
    .css.replace(/}(?=\S)/g, '} ')
    .replace(/,(?=\S)/g, ', ')
    .replace(/\s+/g, ' ')
    .trim()

describe('flexGapFallback (margins for browsers without flex gap)', () => {
  it('spaces a row with the column gap, a column with the row gap', () => {
    expect(run('.a { display: flex; gap: 4px 12px }')).toBe(
      '.a { display: flex; gap: 4px 12px } .no-flex-gap .a > * + * { margin-left: 12px }',
    )
    expect(run('.b { display: flex; flex-direction: column; gap: 6px }')).toContain(
      '.no-flex-gap .b > * + * { margin-top: 6px }',
    )
    expect(run('.c { display: inline-flex; column-gap: 3px; row-gap: 9px }')).toContain(
      '.no-flex-gap .c > * + * { margin-left: 3px }',
    )
  })

  it('spaces a wrapping row on the far side, so that a new line starts flush, but not after its last item', () => {
    expect(run('.d { display: flex; flex-wrap: wrap; column-gap: 24px }')).toContain(
      '.no-flex-gap .d > * { margin-right: 24px } .no-flex-gap .d > *:last-child { margin-right: 0 }',
    )
  })

  it("spaces a wrapping row's lines by half the row gap above and below each item", () => {
    expect(run('.d { display: flex; flex-wrap: wrap; gap: 8px 24px }')).toContain(
      '.no-flex-gap .d > * { margin-right: 24px; margin-top: calc(8px / 2); margin-bottom: calc(8px / 2) }',
    )
    expect(run('.e { display: flex; flex-flow: row wrap; gap: 10px }')).toContain(
      '.no-flex-gap .e > * { margin-right: 10px; margin-top: calc(10px / 2); margin-bottom: calc(10px / 2) }',
    )
    // Lines spaced although the items are not.
    expect(run('.f { display: flex; flex-wrap: wrap; row-gap: 6px }')).toContain(
      '.no-flex-gap .f > * { margin-top: calc(6px / 2); margin-bottom: calc(6px / 2) }',
    )
  })

  it('follows reversed directions and every selector of the rule, inside its media query', () => {
    expect(
      run(
        '@media (max-width: 600px) { .f, .g { display: flex; flex-direction: row-reverse; gap: 5px } }',
      ),
    ).toBe(
      '@media (max-width: 600px) { .f, .g { display: flex; flex-direction: row-reverse; gap: 5px } .no-flex-gap .f > * + *, .no-flex-gap .g > * + * { margin-right: 5px } }',
    )
  })

  it('follows a modifier that turns the direction, undoing the base rule on the other axis', () => {
    const out = run(
      '.side { display: flex; flex-direction: column; gap: 4px } .side--right { flex-direction: row; gap: 16px } @media (max-width: 600px) { .bar { flex-direction: column } }',
    )
    expect(out).toContain('.no-flex-gap .side > * + * { margin-top: 4px }')
    expect(out).toContain(
      '.no-flex-gap .side--right > * + * { margin-top: 0; margin-bottom: 0; margin-left: 16px }',
    )
    expect(out).toContain('.no-flex-gap .bar > * + * { margin-left: 0; margin-right: 0 }')
  })

  it('leaves alone what needs no fallback', () => {
    for (const css of [
      '.grid { display: grid; gap: 8px }',
      '.flex { display: flex }',
      '.zero { display: flex; gap: 0 }',
      '.only-gap { gap: 8px }',
    ]) {
      expect(run(css)).toBe(css)
    }
  })
})
