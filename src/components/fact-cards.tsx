import { useEffect, useRef, type CSSProperties } from 'react'
import { useDataset, useDatasetState, type Dataset } from '@/api/dataset'
import { useFacts } from '@/api/get-facts'
import { SourceNote } from './source-note'
import { StaleNote } from './stale-note'
import { ErrorState, LoadingState } from './state-views'
import type { GroupId } from '@/domain/schemas'
import { userMessage } from '@/lib/user-message'
import { FACT_KIND_TEXT } from '@/domain/facts'
import './fact-cards.css'

const regionOf = (d: Dataset) => d.meta.region

/**
 * A group's statements without a number (位居全市前列, 未发生…, 全员覆盖), each in the report's
 * own words with its 出处. Its own query and states: a broken facts file is an error here only.
 * They are the whole district's: with a unit on screen the heading says so.
 */
export function FactCards({
  group,
  year,
  orgId,
  reportTitle,
  accent,
}: {
  group: GroupId
  /** The year on screen: a fact of another year is not shown as if it were this year's. */
  year: number
  /** The unit on screen. */
  orgId: string
  reportTitle: string
  accent: string
}) {
  const facts = useFacts()
  const region = useDataset(regionOf)
  // When the whole source fails, the page's note or the header's mark says so already.
  const state = useDatasetState()
  const sourceStale = state.status === 'ready' && state.stale
  // The page's 重试 (or the next refresh) brings the source back: the statements come with it.
  const wasStale = useRef(sourceStale)
  useEffect(() => {
    if (wasStale.current && !sourceStale && facts.isError) void facts.refetch()
    wasStale.current = sourceStale
  }, [sourceStale, facts])
  if (facts.isPending) return <LoadingState label="事实陈述加载中…" />
  if (!facts.data) {
    // Under its own heading: a bare red box against the cards did not say what failed.
    return (
      <section className="fact-cards" aria-label="报告中的定性事实">
        <h4 className="fact-cards__title">报告中的定性事实</h4>
        <ErrorState
          message={userMessage(facts.error, '定性事实加载失败')}
          onRetry={() => void facts.refetch()}
        />
      </section>
    )
  }
  const items = facts.data.items.filter((f) => f.group === group && f.year === year)
  const broken = facts.data.problems.filter((p) => p.key === group || p.key === null).length
  // A refresh with malformed statements of this group keeps the ones shown (keep-good-items.ts).
  const kept = facts.data.kept?.keys.includes(group) ? facts.data.kept : null
  if (items.length === 0 && broken === 0) return null
  const scope = orgId === region.id ? '' : `(${region.name}全区,非本单位)`
  return (
    <section
      className="fact-cards"
      aria-label={`报告中的定性事实(${year}年)${scope}`}
      style={{ '--accent': accent } as CSSProperties}
    >
      <h4 className="fact-cards__title">
        报告中的定性事实
        {scope && <span className="fact-cards__scope">{scope}</span>}
      </h4>
      {/* A failed refresh keeps the last good statements, and says so (the header's mark is the
          four data collections'; when they failed too it speaks for both). */}
      {(facts.isError || kept) && !sourceStale && (
        <StaleNote
          what="定性事实"
          noun="内容"
          at={kept ? kept.since : facts.dataUpdatedAt}
          reason={facts.isError ? userMessage(facts.error, '刷新失败') : kept!.message}
          onRetry={() => void facts.refetch()}
        />
      )}
      <ul className="fact-cards__list">
        {items.map((fact) => (
          <li key={fact.id} className="fact-card" data-fact-id={fact.id} data-kind={fact.kind}>
            <span className="fact-card__kind">{FACT_KIND_TEXT[fact.kind]}</span>
            <span className="fact-card__text">{fact.source.quote}</span>
            <SourceNote title={fact.title} source={fact.source} reportTitle={reportTitle} />
          </li>
        ))}
      </ul>
      {broken > 0 && (
        <p className="fact-cards__problem" role="alert">
          ⚠ {broken} 条事实陈述数据格式错误,未显示
        </p>
      )}
    </section>
  )
}
