import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Dataset, Indicator, Organization } from '../../domain/schemas'
import { parseDataset, type DatasetFileName } from './publish'
import type { CellValue, SheetTable } from './types'

/** Test support (not shipped): the published dataset, and small sheets written as a clerk would. */

export const REPO = resolve(import.meta.dirname, '../../..')

export function publishedDataset(dir = resolve(REPO, 'public/data')): Dataset {
  const read = (name: DatasetFileName) => JSON.parse(readFileSync(resolve(dir, name), 'utf8'))
  return parseDataset({
    'meta.json': read('meta.json'),
    'indicators.json': read('indicators.json'),
    'organizations.json': read('organizations.json'),
    'observations.json': read('observations.json'),
  })
}

export const HEADER = [
  '指标编码',
  '指标名称',
  '单位',
  '年度',
  '数值',
  '限定词',
  '数据性质',
  '来源说明',
]

/** A 数据 sheet: the template header, then the given rows. */
export function sheet(rows: CellValue[][], name = '数据'): SheetTable {
  return { sheet: name, rows: [HEADER, ...rows] }
}

/**
 * A catalogue big enough for 50,000 distinct rows: `indicators` (≤ 100) indicators split by department,
 * `departments` departments plus the district; every (indicator, organisation, year) is valid.
 */
export function syntheticCatalogue(indicators: number, departments: number) {
  const inds: Indicator[] = Array.from({ length: indicators }, (_, i) => ({
    id: `ind-${i}`,
    code: `SYN-${String(i).padStart(2, '0')}`,
    group: 'admin-services',
    name: `合成指标${i}`,
    shortName: `合成${i}`,
    unit: i % 2 ? '件' : '%',
    kind: i % 2 ? 'count' : 'rate',
    direction: 'higher',
    target: null,
    qualifier: null,
    definition: '测试用',
    breakdown: 'department',
    source: { section: '测试', sentence: '测试', quote: '测试', quoteOffset: 0 },
  }))
  const orgs: Organization[] = [
    {
      id: 'tzw',
      name: '通州湾示范区',
      shortName: '全区',
      type: 'district',
      parentId: null,
      namedInReport: true,
    },
    ...Array.from({ length: departments }, (_, d) => ({
      id: `dept-${d}`,
      name: `合成部门${d}`,
      shortName: `部门${d}`,
      type: 'department' as const,
      parentId: 'tzw',
      namedInReport: false,
    })),
  ]
  return { indicators: inds, organizations: orgs }
}
