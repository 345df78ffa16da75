import type { DashboardState } from '@/api/use-dashboard-data'
import { ErrorState, LoadingState } from '@/components/state-views'
import './findings-panel.css'

/** 主要不足 and 下一年度主要安排, as the report states them. */
export function FindingsPanel({ state }: { state: DashboardState }) {
  return (
    <section className="panel findings" aria-labelledby="findings-title">
      <header className="panel__head">
        <h3 className="panel__title" id="findings-title">
          主要不足与下一年度安排
        </h3>
      </header>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState message={state.message} onRetry={state.retry} />}
      {state.status === 'ready' && (
        <div className="findings__body">
          <div>
            <h4 className="findings__heading">{state.data.meta.findings.section}</h4>
            <ol className="findings__list">
              {state.data.meta.findings.shortcomings.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ol>
          </div>
          <div>
            <h4 className="findings__heading">{state.data.meta.findings.plansSection}</h4>
            <ol className="findings__list findings__list--plans">
              {state.data.meta.findings.plans.map((p) => (
                <li key={p.title}>
                  <strong>{p.title}</strong>
                  <p>{p.text}</p>
                </li>
              ))}
            </ol>
          </div>
        </div>
      )}
    </section>
  )
}
