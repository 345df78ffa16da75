import { describe, expect, it } from 'vitest'
import { markedOrganization, shownOrganizations } from './organizations'
import type { Organization } from './schemas'

const org = (id: string, namedInReport: boolean): Organization => ({
  id,
  name: `${id}局`,
  shortName: id,
  type: 'department',
  parentId: 'tzw',
  namedInReport,
})

describe('organisations the report does not name', () => {
  it('carry 示例单位 in both names; named ones are left as they are', () => {
    const named = org('hrss', true)
    expect(markedOrganization(named)).toBe(named)
    expect(markedOrganization(org('market', false))).toMatchObject({
      name: 'market局(示例单位)',
      shortName: 'market(示例单位)',
    })
  })

  it('are offered only while demo data is shown, as are named ones with 示例 values alone', () => {
    const all = [org('hrss', true), org('market', false), org('town', true)]
    const reported = new Set(['hrss', 'market'])
    expect(shownOrganizations(all, true, reported).map((o) => o.id)).toEqual([
      'hrss',
      'market',
      'town',
    ])
    expect(shownOrganizations(all, false, reported).map((o) => o.id)).toEqual(['hrss'])
  })
})
