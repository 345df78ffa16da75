import { useDatasetState, type Dataset } from '@/api/dataset'
import { useRuntimeConfig } from '@/config/runtime-config-context'
import type { Organization } from '@/domain/schemas'
import { shownOrganizations } from '@/domain/organizations'
import { shownYears } from '@/domain/period'
import { useFilters, useSetFilters } from '@/stores/url-state'
import './filter-bar.css'

const ORG_GROUPS: { type: Organization['type']; label: string }[] = [
  { type: 'district', label: '全区' },
  { type: 'town', label: '镇、办事处' },
  { type: 'department', label: '部门' },
]

/** Year, organisation and the demo-data switch; all three live in the URL, their one source. */
export function FilterBar() {
  const state = useDatasetState()
  const demoAllowed = useRuntimeConfig().config.showDemoData
  if (state.status !== 'ready') return <div className="filter-bar" aria-hidden="true" />
  return <FilterFields ready={state.data} demoAllowed={demoAllowed} />
}

function FilterFields({ ready, demoAllowed }: { ready: Dataset; demoAllowed: boolean }) {
  const { year, orgId, showDemo } = useFilters(ready)
  const setFilters = useSetFilters()
  return (
    <div className="filter-bar" role="group" aria-label="筛选">
      <label className="field">
        <span>年度</span>
        <select value={year} onChange={(e) => setFilters({ year: Number(e.target.value) })}>
          {shownYears(ready.meta.years, ready.reportedYears, showDemo)
            .reverse()
            .map((y) => (
              <option key={y} value={y}>
                {y}年
                {y === ready.meta.period.year
                  ? '(报告年度)'
                  : ready.reportedYears.has(y) || !showDemo
                    ? ''
                    : '(示例)'}
              </option>
            ))}
        </select>
      </label>
      <label className="field">
        <span>单位</span>
        <select value={orgId} onChange={(e) => setFilters({ orgId: e.target.value })}>
          {ORG_GROUPS.map((g) => ({
            ...g,
            orgs: shownOrganizations(ready.organizations, showDemo, ready.reportedOrgIds).filter(
              (o) => o.type === g.type,
            ),
          }))
            .filter((g) => g.orgs.length > 0)
            .map((g) => (
              <optgroup key={g.type} label={g.label}>
                {g.orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            ))}
        </select>
      </label>
      {demoAllowed && (
        <label className="field field--check">
          <input
            type="checkbox"
            checked={showDemo}
            onChange={(e) => setFilters({ showDemo: e.target.checked })}
          />
          <span>显示示例数据</span>
        </label>
      )}
      <p className="filter-bar__legend">
        {showDemo ? (
          <>
            <span className="badge badge--demo">示例</span>
            报告未提供的往年与分单位数据为演示用示例,非报告数字;其余数字均出自报告原文,点“出处”可查看原句。
          </>
        ) : (
          '所有数字均出自报告原文,点“出处”可查看原句。'
        )}
      </p>
    </div>
  )
}
