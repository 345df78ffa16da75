import '../register'
import '../compare.css'
import { useCallback, useMemo } from 'react'
import { useDataset } from '@/api/dataset'
import { shownTarget } from '@/domain/targets'
import { useFilters } from '@/stores/url-state'
import { buildCompareModel } from '../compare-model'
import { defaultSelection, type CompareSelection, type SortState } from '../selection'
import { useCompareSelection } from '../use-compare-selection'
import { CompareCards } from './compare-cards'
import { CompareCharts } from './compare-charts'
import { CompareTable } from './compare-table'
import { SelectionPanel } from './selection-panel'

/**
 * 对比分析: choose indicators, organisations and years (kept in the URL); see a ranking, the
 * years side by side, the change on the year before, one organisation against its targets, trend
 * lines, and every number in a sortable table with CSV export.
 */
export function CompareView() {
  const data = useDataset()
  const { year, orgId, showDemo } = useFilters(data)
  const { selection, setSelection, bounds, organizations } = useCompareSelection(showDemo)

  // The table's sort is part of the selection (and the URL) but not of what is computed: a click
  // on a column header re-sorts the table without rebuilding the model or redrawing the charts.
  const selectionKey = [
    selection.indicatorIds.join(','),
    selection.orgIds.join(','),
    selection.years.join(','),
    selection.focusId,
  ].join('|')
  const computed = useMemo(
    () => ({ ...selection, sort: null }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the selection
    [selectionKey],
  )
  const model = useMemo(
    () =>
      buildCompareModel({
        indicators: data.indicators,
        organizations,
        index: data.index,
        problems: data.problems,
        selection: computed,
        year,
        orgId,
        showDemo,
      }),
    [data, organizations, computed, year, orgId, showDemo],
  )

  const onChange = useCallback(
    (patch: Partial<CompareSelection>) => setSelection(patch),
    [setSelection],
  )
  const onReset = useCallback(() => setSelection(defaultSelection(bounds)), [setSelection, bounds])
  const onSort = useCallback((sort: SortState | null) => setSelection({ sort }), [setSelection])
  const targets = data.indicators.filter((i) => shownTarget(i, showDemo) !== null)
  const missingTargets = targets.some((i) => !selection.indicatorIds.includes(i.id))
  const onAddTargets = useCallback(
    () =>
      setSelection({
        indicatorIds: data.indicators
          .filter((i) => shownTarget(i, showDemo) !== null || selection.indicatorIds.includes(i.id))
          .map((i) => i.id),
      }),
    [data.indicators, selection.indicatorIds, setSelection, showDemo],
  )

  return (
    <div className="compare">
      <aside className="compare__side">
        <SelectionPanel
          selection={selection}
          groups={data.groups}
          indicators={data.indicators}
          organizations={organizations}
          years={[...bounds.years]}
          reportedYears={data.reportedYears}
          onChange={onChange}
          onReset={onReset}
        />
      </aside>
      <div className="compare__main">
        <CompareCards indicators={model.indicators} orgId={orgId} year={year} showDemo={showDemo} />
        {model.indicators.length === 0 ? (
          <p className="state state--empty compare__prompt">请在左侧选择至少一个指标</p>
        ) : (
          <>
            <div className="compare__toolbar">
              <label className="field">
                <span>图表指标</span>
                <select
                  value={model.focus?.indicator.id ?? ''}
                  onChange={(e) => setSelection({ focusId: e.target.value })}
                >
                  {model.indicators.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.shortName}({i.unit})
                    </option>
                  ))}
                </select>
              </label>
              <p className="compare__scope">
                排名、同比、雷达图:{year}年;分年度与趋势:
                {selection.years.length
                  ? selection.years.map((y) => `${y}年`).join('、')
                  : '未选年度'}
                ;{model.orgs.length} 个单位。不同指标的数值从不相加。
              </p>
            </div>
            <CompareCharts model={model} onAddTargets={missingTargets ? onAddTargets : null} />
          </>
        )}
        <CompareTable model={model} sort={selection.sort} onSort={onSort} />
      </div>
    </div>
  )
}
