import type { Direction, Indicator, Target } from './schemas'

/**
 * Targets are data with a source (schemas.ts: targetOriginSchema). A demo target is shown only
 * with the demo data and always marked 示例; so is whether a value meets it (达标) and how far
 * (目标达成度). Every place that shows a target reads it through shownTarget().
 */

export interface ShownTarget extends Target {
  /** Not from a document: mark it 示例, and what is computed from it too. */
  demo: boolean
}

/** The target to show, or null: none, or a demo target while demo data is hidden. */
export function shownTarget(
  indicator: Pick<Indicator, 'target'>,
  showDemo: boolean,
): ShownTarget | null {
  const t = indicator.target
  if (t === null) return null
  const demo = t.origin.kind === 'demo'
  if (demo && !showDemo) return null
  return { ...t, demo }
}

/** Whether `value` meets the target by the indicator's direction; null without a target. */
export function metTarget(
  target: Pick<Target, 'value'> | null,
  direction: Direction,
  value: number,
): boolean | null {
  if (target === null) return null
  if (direction === 'lower') return value <= target.value
  return value >= target.value
}
