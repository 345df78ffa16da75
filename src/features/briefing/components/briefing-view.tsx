import { useMemo, useState } from 'react'
import { useDataset } from '@/api/dataset'
import { useFacts } from '@/api/get-facts'
import { briefingOf, briefingText, groupText, type BriefingGroup } from '@/lib/briefing/model'
import type { Statement } from '@/lib/briefing/sentences'
import { DEMO_SUFFIX, DERIVED } from '@/lib/charts/chart-view'
import { useFilters } from '@/stores/url-state'
import { copyText } from '../copy-text'
import './briefing-view.css'

/**
 * 简报: the words of 生成汇报材料 on a page, per group, each with a copy button, so they can be
 * pasted into an existing document. Each figure shows its source sentence on hover and in the
 * group's 数据来源 list. Text only: nothing of the data becomes markup.
 */
export function BriefingView() {
  const data = useDataset()
  const filters = useFilters(data)
  // The statements without a number join when facts.json has come (the figures do not wait).
  const facts = useFacts().data?.items
  const briefing = useMemo(() => briefingOf({ ...data, facts }, filters), [data, facts, filters])
  return (
    <div className="briefing">
      <header className="briefing__head">
        <h3 className="briefing__title">{briefing.title}</h3>
        <CopyButton label="复制全文" text={() => briefingText(briefing)} />
      </header>
      <p className="briefing__lead">{briefing.lead}</p>
      {briefing.groups.map((g) => (
        <GroupBriefing key={g.group.id} group={g} />
      ))}
      {briefing.findings.map((s) => (
        <section key={s.heading} className="panel briefing__section">
          <h4 className="briefing__heading">{s.heading}</h4>
          {s.paragraphs.map((p) => (
            <p key={p} className="briefing__paragraph">
              {p}
            </p>
          ))}
        </section>
      ))}
      <p className="briefing__source">{briefing.sourceLine}</p>
    </div>
  )
}

function GroupBriefing({ group }: { group: BriefingGroup }) {
  const all = group.said
  const sourced = all.filter((s) => s.source)
  return (
    <section className="panel briefing__section" aria-label={group.group.fullName}>
      <header className="briefing__section-head">
        <h4 className="briefing__heading">{group.heading}</h4>
        <CopyButton
          label="复制"
          name={`复制 ${group.group.fullName}`}
          text={() => groupText(group)}
        />
      </header>
      <p className="briefing__paragraph">
        {group.lead}
        {all.map((s, i) => (
          <StatementText
            key={s.indicatorId}
            statement={s}
            end={i === all.length - 1 ? '。' : ';'}
          />
        ))}
      </p>
      {sourced.length > 0 && (
        <details className="briefing__sources">
          <summary>数据来源({sourced.length} 项,均摘自报告原文)</summary>
          <ol>
            {sourced.map((s) => (
              <li key={s.indicatorId}>
                <strong>{s.figure}</strong>:{s.source!.sentence}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  )
}

function StatementText({ statement, end }: { statement: Statement; end: string }) {
  return (
    <>
      {statement.pieces.map((p, i) =>
        p.role === 'figure' ? (
          <span
            key={i}
            className="briefing__figure"
            title={statement.source ? `出处:${statement.source.sentence}` : undefined}
          >
            {p.text}
          </span>
        ) : p.role === 'mark' ? (
          // 示例 and 派生 in the demo colour; 暂无数据 and 数据有误 are no demo data: muted.
          <span
            key={i}
            className={`briefing__mark${p.text === DEMO_SUFFIX || p.text === DERIVED ? '' : ' briefing__mark--none'}`}
          >
            {p.text}
          </span>
        ) : (
          p.text
        ),
      )}
      {end}
    </>
  )
}

function CopyButton({ label, name, text }: { label: string; name?: string; text: () => string }) {
  const [status, setStatus] = useState('')
  const onClick = () => {
    copyText(text()).then(
      () => setStatus('已复制'),
      () => setStatus('复制失败,请选中文字后手动复制'),
    )
  }
  return (
    <span className="briefing__copy">
      <button type="button" className="button button--small" aria-label={name} onClick={onClick}>
        {label}
      </button>
      <span role="status" className="briefing__copy-status">
        {status}
      </span>
    </span>
  )
}
