import { GROUPS } from '@/domain/groups'
import { FACT_KIND_TEXT } from '@/domain/facts'
import type { Indicator, Target } from '@/domain/schemas'
import { formatIndicatorValue } from '@/lib/format'
import { TARGET_ORIGIN_TEXT } from '../columns'
import type { FactChange, TargetChange } from '../diff'
import { ChangeTag as Tag, TableHead } from './change-table'
import { Name, TableScroll } from './table-scroll'

/**
 * The rows of 目标 and 定性事实 against what is published. They are shown here to be checked, and
 * take effect only when the administrator publishes the file (`npm run data:import`): the data of
 * this browser (应用到本浏览器) holds observations only.
 */

const GROUP_NAME = new Map(GROUPS.map((g) => [g.id, g.name]))

function targetCell(indicator: Indicator, target: Target | null): string {
  if (target === null) return '无目标'
  const value = formatIndicatorValue(indicator, target.value, null).text
  return `${value}(${TARGET_ORIGIN_TEXT[target.origin.kind]})`
}

export function TargetChanges({ changes }: { changes: TargetChange[] }) {
  if (changes.length === 0) return null
  return (
    <div className="change-table" data-target-changes>
      <TableScroll label="目标(管理员发布后生效)">
        <table className="data-table">
          <caption className="import-side__caption">
            目标({changes.length} 行,管理员发布后生效)
          </caption>
          <TableHead columns={['变化', '行', '指标', '当前目标', '导入后', '依据']} />
          <tbody>
            {changes.map((c) => {
              const origin = c.target?.origin
              return (
                <tr key={c.row} data-kind={c.kind} data-row={c.row}>
                  <td>
                    <Tag kind={c.kind} />
                  </td>
                  <td className="num">{c.row}</td>
                  <td className="import-table__name" title={c.indicator.name}>
                    <Name code={c.indicator.code} text={c.indicator.shortName} />
                  </td>
                  <td className="num">{targetCell(c.indicator, c.previous)}</td>
                  <td className="num">{targetCell(c.indicator, c.target)}</td>
                  <td className="change-table__note">
                    {origin?.kind === 'document'
                      ? `《${origin.document}》「${origin.sentence}」`
                      : ''}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </TableScroll>
    </div>
  )
}

export function FactChanges({ changes }: { changes: FactChange[] }) {
  if (changes.length === 0) return null
  return (
    <div className="change-table" data-fact-changes>
      <TableScroll label="定性事实(管理员发布后生效)">
        <table className="data-table">
          <caption className="import-side__caption">
            定性事实({changes.length} 行,管理员发布后生效)
          </caption>
          <TableHead columns={['变化', '行', '编码', '分组', '类型', '年度', '表述', '出处']} />
          <tbody>
            {changes.map(({ kind, row, fact }) => (
              <tr key={row} data-kind={kind} data-row={row}>
                <td>
                  <Tag kind={kind} />
                </td>
                <td className="num">{row}</td>
                <td>{fact.code}</td>
                <td className="import-table__name">
                  <Name text={GROUP_NAME.get(fact.group) ?? fact.group} />
                </td>
                <td className="import-table__name">{FACT_KIND_TEXT[fact.kind]}</td>
                <td className="num">{fact.year}</td>
                <td className="change-table__note" title={fact.title}>
                  {fact.source.quote}
                </td>
                <td className="change-table__note" title={fact.source.section}>
                  {fact.source.sentence}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  )
}
