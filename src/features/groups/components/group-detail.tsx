import { useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import { useDataset } from '@/api/dataset'
import { ChartPanel } from '@/components/chart-panel'
import { FactCards } from '@/components/fact-cards'
import { organizationsFor } from '@/domain/observation-index'
import { shownOrganizations } from '@/domain/organizations'
import { shownYears } from '@/domain/period'
import type { Group } from '@/domain/schemas'
import { useTheme } from '@/lib/theme/theme-context'
import { rowsByOrganization, rowsByYear } from '../charts/breakdown'
import { chartsOfGroup } from '../charts/group-charts'
import { breakdownView } from '../charts/views'
import { GroupCards } from './group-cards'
import { BriefingDocButton, GroupPageExport, PrintButton } from './export-buttons'
import { GroupChart } from './group-chart'
import { useChartInput } from './use-chart-input'
import './group-detail.css'

/** In a chart's place: why the report gives nothing to draw. */
function NoChart({ children }: { children: ReactNode }) {
  return (
    <section className="chart-panel chart-panel--placeholder">
      <p className="state state--empty">{children}</p>
    </section>
  )
}

/** A group's page: all its indicators and charts, and one indicator by organisation and by year. */
export function GroupDetail({ group }: { group: Group }) {
  const data = useDataset()
  const input = useChartInput()
  const indicators = useMemo(() => data.indicatorsByGroup.get(group.id) ?? [], [data, group.id])
  const [chosenId, setChosenId] = useState<string | null>(null)
  const indicator =
    indicators.find((i) => i.id === chosenId) ??
    indicators.find((i) => i.breakdown !== 'none') ??
    indicators[0]
  const accent = useTheme().accents[group.id]
  const orgName =
    data.organizations.find((o) => o.id === input.orgId)?.name ?? data.meta.region.name

  // With demo data hidden, the years and units of 示例 values alone are not drawn as empty slots.
  const years = useMemo(
    () => shownYears(data.meta.years, data.reportedYears, input.showDemo),
    [data.meta.years, data.reportedYears, input.showDemo],
  )
  const byYear = useMemo(
    () =>
      indicator && years.length > 1
        ? rowsByYear({ ...input, indicator }, years, input.orgId)
        : null,
    [indicator, input, years],
  )
  const orgs = useMemo(
    () =>
      indicator
        ? organizationsFor(
            indicator,
            shownOrganizations(data.organizations, input.showDemo, data.reportedOrgIds),
          )
        : [],
    [indicator, data.organizations, input.showDemo, data.reportedOrgIds],
  )
  const byOrg = useMemo(
    () =>
      indicator && orgs.length > 0
        ? rowsByOrganization({ ...input, indicator }, orgs, input.year)
        : null,
    [indicator, orgs, input],
  )
  const { region, source } = data.meta
  const yearView = useMemo(
    () =>
      indicator && byYear
        ? breakdownView({
            id: `${group.id}-by-year`,
            title: `${indicator.shortName} · 按年度`,
            subtitle: `${orgName}(${indicator.unit})`,
            group: group.id,
            result: byYear,
            rowHeader: '年度',
            export: {
              group: group.name,
              organization: orgName,
              ...(input.context?.fileUnit ? { fileUnit: input.context.fileUnit } : {}),
              period: `${years[0]}–${years[years.length - 1]}年`,
              unit: indicator.unit,
              source: source.title,
              year: input.year,
            },
          })
        : null,
    [indicator, byYear, group, orgName, years, source, input.year, input.context],
  )
  const orgView = useMemo(
    () =>
      indicator && byOrg
        ? breakdownView({
            id: `${group.id}-by-org`,
            title: `${indicator.shortName} · 按单位`,
            subtitle: `${input.year}年(${indicator.unit})`,
            group: group.id,
            result: byOrg,
            rowHeader: '单位',
            export: {
              group: group.name,
              organization: region.name,
              period: `${input.year}年度`,
              unit: indicator.unit,
              source: source.title,
              year: input.year,
            },
          })
        : null,
    [indicator, byOrg, group, region, source, input.year],
  )

  return (
    <div className="group-detail" style={{ '--accent': accent } as CSSProperties}>
      <div className="group-detail__bar">
        <p className="group-detail__description">{group.description}</p>
        <GroupPageExport group={group} />
        <BriefingDocButton group={group} />
        <PrintButton />
      </div>
      <GroupCards group={group.id} input={input} wide />
      <FactCards
        group={group.id}
        year={input.year}
        orgId={input.orgId}
        reportTitle={source.title}
        accent={accent}
      />
      <div className="group-detail__charts">
        {chartsOfGroup(group.id).map((spec) => (
          <GroupChart key={spec.id} spec={spec} input={input} />
        ))}
      </div>
      {indicator && (
        <section className="panel group-detail__breakdown" aria-label="分单位与分年度">
          <header className="panel__head">
            <h3 className="panel__title">分单位与分年度</h3>
            <label className="field">
              <span>指标</span>
              <select value={indicator.id} onChange={(e) => setChosenId(e.target.value)}>
                {indicators.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.shortName}
                  </option>
                ))}
              </select>
            </label>
          </header>
          <div className="group-detail__charts">
            {yearView ? (
              <ChartPanel view={yearView} height={260} />
            ) : (
              <NoChart>
                报告只给出{input.year}年数据,「{indicator.shortName}」没有往年数据
              </NoChart>
            )}
            {orgView ? (
              <ChartPanel view={orgView} height={260} />
            ) : (
              <NoChart>报告只给出全区合计,「{indicator.shortName}」没有分单位数据</NoChart>
            )}
          </div>
        </section>
      )}
    </div>
  )
}
