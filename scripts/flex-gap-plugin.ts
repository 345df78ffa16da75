import postcss, { type AtRule, type Declaration, type Node, type Plugin, type Rule } from 'postcss'
import type { Plugin as VitePlugin } from 'vite'

/**
 * Chromium 83 — the kernel of many 信创 office browsers — lays out flex containers without `gap`
 * (Chromium 84 added it; grid gap it has). Without a fallback a figure touches its unit, buttons
 * touch each other and the filter controls run together. This PostCSS plugin adds, after every
 * rule that makes a flex container with a gap, the same spacing as margins for pages whose
 * <html> carries `no-flex-gap` (set by src/lib/flex-gap.ts only where the browser lacks it):
 *
 *   .bar { display: flex; gap: 8px }   →   .no-flex-gap .bar > * + * { margin-left: 8px }
 *   column direction                   →   … > * + * { margin-top: <row gap> }
 *   wrapping row                       →   … > * { margin-right: <column gap>;
 *                                                   margin-top: calc(<row gap> / 2);
 *                                                   margin-bottom: calc(<row gap> / 2) }
 *                                          … > *:last-child { margin-right: 0 }
 *
 * In a wrapping row every item but the last is spaced on its far side, so that a new line starts
 * flush (the last one's margin would take room a line that just fits needs: a card's 示例 went to a
 * line of its own in Chromium 83); its
 * lines are spaced by half the row gap above and below each item, so a row that fits on one line
 * stays centred in its container, which is taller by the row gap than in a browser with flex gap
 * (a container cannot be pulled back with negative margins: the parent's own fallback may set
 * them). Text beside elements in a flex container with a gap is an anonymous item that takes no
 * margin: wrap it in a <span> (tests/browser/old-chromium.test.mjs finds any that touch). The fallback rule follows its source
 * rule, so a later rule of the same weight (`.foot .note { margin-left: auto }`) still wins. A rule
 * that changes the direction without `display` (a modifier, a media query) undoes the base rule's
 * margins on the other axis. A gap set on its own keeps no fallback.
 */
export function flexGapFallback(): Plugin {
  return {
    postcssPlugin: 'flex-gap-fallback',
    Rule(rule) {
      if (rule.selector.includes('.no-flex-gap') || insideKeyframes(rule)) return
      const decls = new Map<string, Declaration>()
      rule.each((node) => {
        if (node.type === 'decl') decls.set(node.prop.toLowerCase(), node)
      })
      const display = decls.get('display')?.value.trim()
      const direction = decls.get('flex-direction') ?? decls.get('flex-flow')
      // A modifier of a flex container (`.side--right { flex-direction: row; gap: 16px }`) states
      // its direction and gap without `display`; its fallback also undoes the base rule's.
      const modifier = display === undefined && direction !== undefined
      if (display !== 'flex' && display !== 'inline-flex' && !modifier) return
      const { row, column } = gapsOf(decls)
      const flow = `${decls.get('flex-direction')?.value ?? ''} ${decls.get('flex-flow')?.value ?? ''}`
      const vertical = /\bcolumn\b/.test(flow)
      const reverse = /-reverse\b/.test(flow)
      const spacing = nonZero(vertical ? row : column)
      const wraps = /\bwrap\b/.test(`${decls.get('flex-wrap')?.value ?? ''} ${flow}`)
      // A wrapping row spaces its items on their far side: a new line then starts flush.
      const trailing = wraps && !vertical
      const side = vertical ? (reverse ? 'bottom' : 'top') : reverse !== trailing ? 'right' : 'left'
      // The lines of a wrapping row: half the row gap above and below every item.
      const lineSpacing = trailing ? nonZero(row) : undefined
      const selectors = rule.selectors.map((s) => `.no-flex-gap ${s} > *${trailing ? '' : ' + *'}`)
      const fallback = rule.clone({ selectors, nodes: [] })
      const spaceLines = () => {
        if (!lineSpacing) return
        for (const edge of ['top', 'bottom'])
          fallback.append({ prop: `margin-${edge}`, value: `calc(${lineSpacing} / 2)` })
      }
      if (modifier) {
        // The base rule's fallback may have spaced the other axis: not this container's (unless
        // its own lines are spaced there, below).
        const others = vertical ? ['left', 'right'] : ['top', 'bottom']
        if (!lineSpacing)
          for (const other of others) fallback.append({ prop: `margin-${other}`, value: '0' })
        // Without a gap of its own it keeps the base rule's size, which CSS cannot read here.
        if (spacing) fallback.append({ prop: `margin-${side}`, value: spacing })
        spaceLines()
        rule.after(fallback)
        return
      }
      if (!spacing && !lineSpacing) return
      if (spacing) fallback.append({ prop: `margin-${side}`, value: spacing })
      spaceLines()
      rule.after(fallback)
      if (trailing && spacing) {
        const last = rule.clone({ selectors: selectors.map((s) => `${s}:last-child`), nodes: [] })
        last.append({ prop: `margin-${side}`, value: '0' })
        fallback.after(last)
      }
    },
  }
}
flexGapFallback.postcss = true as const

/**
 * The fallback as a Vite plugin: it runs on every stylesheet of ours before Vite's own CSS
 * handling (with the file as `from`), in development and in the build alike.
 */
export function flexGapPlugin(): VitePlugin {
  const processor = postcss([flexGapFallback()])
  return {
    name: 'flex-gap-fallback',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id
      if (id.startsWith('\0') || !file.endsWith('.css') || file.includes('/node_modules/')) return
      const result = await processor.process(code, { from: file })
      return { code: result.css, map: null }
    },
  }
}

/** `size` unless it is missing or zero. */
function nonZero(size: string | undefined): string | undefined {
  return size && !/^0(px|rem|em)?$/.test(size) ? size : undefined
}

/** The row and column gaps a rule states (`gap: row [column]`, `row-gap`, `column-gap`). */
function gapsOf(decls: Map<string, Declaration>): { row?: string; column?: string } {
  const gap = decls
    .get('gap')
    ?.value.trim()
    .split(/\s+(?![^(]*\))/)
  return {
    row: decls.get('row-gap')?.value.trim() ?? gap?.[0],
    column: decls.get('column-gap')?.value.trim() ?? gap?.[1] ?? gap?.[0],
  }
}

function insideKeyframes(rule: Rule): boolean {
  for (let p: Node | undefined = rule.parent; p; p = p.parent) {
    if (p.type === 'atrule' && /keyframes$/i.test((p as AtRule).name)) return true
  }
  return false
}
