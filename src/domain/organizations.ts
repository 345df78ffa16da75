import type { Organization } from './schemas'

/**
 * Organisations the report does not name (`namedInReport: false`) are illustrative: their names
 * carry 示例单位 wherever they are shown (filters, charts, tables, exports), and they are not
 * offered at all while demo data is hidden.
 */
export const DEMO_ORG_MARK = '(示例单位)'

/** The organisation as shown: an illustrative one with 示例单位 in its name and short name. */
export function markedOrganization(org: Organization): Organization {
  if (org.namedInReport) return org
  return {
    ...org,
    name: `${org.name}${DEMO_ORG_MARK}`,
    shortName: `${org.shortName}${DEMO_ORG_MARK}`,
  }
}

/**
 * The organisations to offer: all with demo data shown; without it only those the report names
 * and gives a figure for (`reported`: the ids with a reported observation) — a unit whose every
 * value is 示例 would show nothing but 无数据.
 */
export function shownOrganizations<T extends Pick<Organization, 'id' | 'namedInReport' | 'type'>>(
  orgs: readonly T[],
  showDemo: boolean,
  reported: ReadonlySet<string>,
): T[] {
  // The district stays, reported or not: the filters fall back to it.
  return showDemo
    ? [...orgs]
    : orgs.filter((o) => o.namedInReport && (reported.has(o.id) || o.type === 'district'))
}
