/**
 * The published data in other shapes, as a data source might send them on a refresh: an indicator
 * removed, one added, a whole group emptied. The big-screen test and the soak (npm run
 * bench:soak) serve them in turn to check that a refresh changing the data's shape updates the
 * screen without a reload and without a leak.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const read = (dir, name) => JSON.parse(readFileSync(join(dir, 'data', name), 'utf8'))

/** The group emptied in the 'group-emptied' shape, and the indicator removed in 'indicator-removed'. */
export const EMPTIED_GROUP = 'dispute-resolution'
export const ADDED_INDICATOR = {
  id: 'shape-test-added',
  code: 'XZFW-98',
  name: '新增测试指标(形状变化)',
  shortName: '新增测试指标',
}

/**
 * Each shape: { name, files } where files maps indicators.json / observations.json to the body
 * to serve instead of the build's file (the other files stay as built).
 */
export function dataShapes(distDir) {
  const indicators = read(distDir, 'indicators.json').items
  const observations = read(distDir, 'observations.json').items
  const removed = indicators.filter((i) => i.group === 'admin-services').at(-1)
  const template = indicators.find((i) => i.group === 'admin-services' && i.kind === 'count')
  const added = { ...template, ...ADDED_INDICATOR }
  const addedObservations = observations
    .filter((o) => o.indicatorId === template.id)
    .map((o) => ({ ...o, indicatorId: added.id, value: o.value + 1 }))
  const body = (ind, obs) => ({
    'indicators.json': JSON.stringify({ items: ind }),
    'observations.json': JSON.stringify({ items: obs }),
  })
  return [
    { name: 'full', files: body(indicators, observations) },
    {
      name: 'indicator-removed',
      removed: removed.id,
      files: body(
        indicators.filter((i) => i.id !== removed.id),
        observations.filter((o) => o.indicatorId !== removed.id),
      ),
    },
    {
      name: 'indicator-added',
      files: body([...indicators, added], [...observations, ...addedObservations]),
    },
    {
      name: 'group-emptied',
      files: body(
        indicators.filter((i) => i.group !== EMPTIED_GROUP),
        observations.filter(
          (o) => indicators.find((i) => i.id === o.indicatorId)?.group !== EMPTIED_GROUP,
        ),
      ),
    },
  ]
}

/** A static-server override serving `shape`'s files (null: the build's own). */
export function serveShape(shape) {
  return (pathname) => {
    const name = pathname.split('/').at(-1)
    const body = shape?.files[name]
    return pathname.includes('/data/') && body !== undefined ? { status: 200, body } : null
  }
}
