import { useDataset, type Dataset } from '@/api/dataset'
import { DataBoundary } from '@/components/data-boundary'
import './findings-panel.css'

const selectFindings = (d: Dataset) => d.meta.findings

function Findings() {
  const findings = useDataset(selectFindings)
  return (
    <div className="findings__body">
      <div>
        <h4 className="findings__heading">{findings.section}</h4>
        <ol className="findings__list">
          {findings.shortcomings.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ol>
      </div>
      <div>
        <h4 className="findings__heading">{findings.plansSection}</h4>
        <ol className="findings__list findings__list--plans">
          {findings.plans.map((p) => (
            <li key={p.title}>
              <strong>{p.title}</strong>
              <p>{p.text}</p>
            </li>
          ))}
        </ol>
      </div>
    </div>
  )
}

/** 主要不足 and 下一年度主要安排, as the report states them. */
export function FindingsPanel() {
  return (
    <section className="panel findings" aria-labelledby="findings-title">
      <header className="panel__head">
        <h3 className="panel__title" id="findings-title">
          主要不足与下一年度安排
        </h3>
      </header>
      <DataBoundary name="主要不足与下一年度安排">
        <Findings />
      </DataBoundary>
    </section>
  )
}
