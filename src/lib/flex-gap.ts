/**
 * Marks the page `no-flex-gap` (on <html>) where the browser lays out flex containers without
 * `gap` — Chromium 83, the kernel of many 信创 office browsers (84 added it). The build then
 * spaces those containers with margins instead (scripts/flex-gap-plugin.ts). Browsers that know
 * `aspect-ratio` (Chromium 88+) are not measured; the others lay out one tiny probe, once.
 */
export function markMissingFlexGap(doc: Document = document): boolean {
  if (typeof CSS !== 'undefined' && CSS.supports?.('aspect-ratio', '1')) return false
  const probe = doc.createElement('div')
  probe.style.cssText =
    'display:flex;flex-direction:column;row-gap:1px;position:absolute;visibility:hidden'
  probe.append(doc.createElement('div'), doc.createElement('div'))
  doc.body.appendChild(probe)
  const missing = probe.scrollHeight !== 1
  probe.remove()
  if (missing) doc.documentElement.classList.add('no-flex-gap')
  return missing
}
