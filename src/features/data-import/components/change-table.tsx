import { useMemo, useState } from 'react'
import { useDataset } from '@/api/dataset'
import type { Observation } from '@/domain/schemas'
import { formatIndicatorValue } from '@/lib/format'
import { periodChangeText, STATUS_TEXT } from '../columns'
import type { ChangeKind, ImportDiff } from '../diff'
import { Name, TableScroll } from './table-scroll'

const PAGE = 200

const KIND_TEXT: Record<ChangeKind, string> = { new: '新增', changed: '修改', unchanged: '不变' }

type Filter = ChangeKind | 'all'

/** A table's column headings. */
export const TableHead = ({ columns }: { columns: string[] }) => (
  <thead>
    <tr>
      {columns.map((c) => (
        <th key={c} scope="col">
          {c}
        </th>
      ))}
    </tr>
  </thead>
)

export const ChangeTag = ({ kind }: { kind: ChangeKind }) => (
  <span className={`change-tag change-tag--${kind}`}>{KIND_TEXT[kind]}</span>
)

/** The rows of the file against the current data, filtered by kind; 200 at a time. */
export function ChangeTable({ diff }: { diff: ImportDiff }) {
  const data = useDataset()
  const initial: Filter = diff.counts.new + diff.counts.changed > 0 ? 'all' : 'unchanged'
  const [filter, setFilter] = useState<Filter>(initial)
  const [limit, setLimit] = useState(PAGE)
  const indicators = useMemo(
    () => new Map(data.indicators.map((i) => [i.id, i])),
    [data.indicators],
  )
  const orgs = useMemo(
    () => new Map(data.organizations.map((o) => [o.id, o])),
    [data.organizations],
  )
  const rows = useMemo(() => {
    const list = filter === 'all' ? diff.changes : diff.changes.filter((c) => c.kind === filter)
    // Changes first, unchanged rows last, each in file order.
    return filter === 'all'
      ? [...list].sort((a, b) => Number(a.kind === 'unchanged') - Number(b.kind === 'unchanged'))
      : list
  }, [diff, filter])

  const text = (o: Observation | null) => {
    if (!o) return '—'
    const indicator = indicators.get(o.indicatorId)
    const value = indicator
      ? formatIndicatorValue(indicator, o.value, o.qualifier).text
      : String(o.value)
    return o.status === 'demo' ? `${value}(${STATUS_TEXT.demo})` : value
  }

  const filters: { id: Filter; label: string; count: number }[] = [
    { id: 'all', label: '全部', count: diff.changes.length },
    { id: 'new', label: '新增', count: diff.counts.new },
    { id: 'changed', label: '修改', count: diff.counts.changed },
    { id: 'unchanged', label: '不变', count: diff.counts.unchanged },
  ]

  return (
    <div className="change-table">
      <div className="change-table__filters" role="group" aria-label="按变化筛选">
        {filters.map((f) => (
          <button
            key={f.id}
            type="button"
            className="button button--small button--ghost"
            aria-pressed={filter === f.id}
            onClick={() => {
              setFilter(f.id)
              setLimit(PAGE)
            }}
          >
            {f.label} {f.count}
          </button>
        ))}
      </div>
      <TableScroll label="与当前数据的对比">
        <table className="data-table" data-change-table>
          <caption className="visually-hidden">与当前数据的对比</caption>
          <TableHead
            columns={['变化', '行', '指标', '单位', '年度', '统计期', '当前', '导入后', '来源说明']}
          />
          <tbody>
            {rows.slice(0, limit).map((c) => {
              const indicator = indicators.get(c.observation.indicatorId)
              return (
                <tr key={c.row} data-kind={c.kind} data-row={c.row}>
                  <td>
                    <ChangeTag kind={c.kind} />
                  </td>
                  <td className="num">{c.row}</td>
                  <td className="import-table__name" title={indicator?.name}>
                    {indicator ? (
                      <Name code={indicator.code} text={indicator.shortName} />
                    ) : (
                      c.observation.indicatorId
                    )}
                  </td>
                  <td className="import-table__name">
                    <Name text={orgs.get(c.observation.orgId)?.name ?? c.observation.orgId} />
                  </td>
                  <td className="num">{c.observation.year}</td>
                  <td className="import-table__period" data-period>
                    {periodChangeText(c.observation.period, c.previous && c.previous.period)}
                  </td>
                  <td className="num">{text(c.previous)}</td>
                  <td className="num">{text(c.observation)}</td>
                  <td className="change-table__note">{c.note ?? ''}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableScroll>
      {rows.length === 0 && <p className="import-actions__note">没有这一类的行。</p>}
      {rows.length > limit && (
        <button
          type="button"
          className="button button--small"
          onClick={() => setLimit(limit + PAGE * 5)}
        >
          再显示 {Math.min(PAGE * 5, rows.length - limit)} 行(共 {rows.length} 行)
        </button>
      )}
    </div>
  )
}
