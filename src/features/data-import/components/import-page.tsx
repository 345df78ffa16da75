import { useCallback, useRef, useState } from 'react'
import { useLocalDataActions } from '@/api/local-data'
import { useDataset } from '@/api/dataset'
import { analyseFile, refuseBySize, type ImportAnalysis } from '../analyse'
import { changeCount, effectiveUpdates } from '../diff'
import { ChangeTable } from './change-table'
import { usePublishedFacts } from './published-facts'
import { FactChanges, TargetChanges } from './side-changes'
import { DropZone } from './drop-zone'
import { ErrorTable } from './error-table'
import { LocalDataPanel } from './local-data-panel'
import { TemplateLinks } from './template-links'
import './import-page.css'
import { userMessage } from '@/lib/user-message'

type Phase =
  | { state: 'idle' }
  | { state: 'reading'; fileName: string }
  | { state: 'read'; analysis: ImportAnalysis }
  | { state: 'applied'; analysis: ImportAnalysis; count: number }
  | { state: 'failed'; message: string }

/** The file's bytes (FileReader where Blob.arrayBuffer is missing, as in older engines). */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === 'function') {
    return file.arrayBuffer().then((b) => new Uint8Array(b))
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer))
    reader.onerror = () => reject(reader.error ?? new Error('无法读取文件'))
    reader.readAsArrayBuffer(file)
  })
}

/** Lets the browser paint the “reading” state before a long synchronous stretch. */
const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

/**
 * 数据导入 for department staff: drop a spreadsheet, see what it changes against the data on screen
 * (new, changed, unchanged; errors by row), apply it to this browser only, revert at any time.
 * Publishing for everyone is the administrator's `npm run data:import` (docs/data-import.md).
 */
export function ImportPage() {
  const data = useDataset()
  const publishedFacts = usePublishedFacts()
  const [phase, setPhase] = useState<Phase>({ state: 'idle' })
  const { apply, revert } = useLocalDataActions()
  const run = useRef(0)

  const onFile = useCallback(
    async (file: File) => {
      const id = ++run.current
      setPhase({ state: 'reading', fileName: file.name })
      await nextFrame()
      try {
        const analysis =
          refuseBySize(file.name, file.size) ??
          (await analyseFile(await readBytes(file), file.name, {
            indicators: data.indicators,
            organizations: data.publishedOrganizations,
            observations: data.observations,
            facts: await publishedFacts(),
          }))
        if (id === run.current) setPhase({ state: 'read', analysis })
      } catch (err) {
        if (id === run.current) {
          setPhase({
            state: 'failed',
            message: userMessage(err, '无法读取文件'),
          })
        }
      }
    },
    [data.indicators, data.publishedOrganizations, data.observations, publishedFacts],
  )

  const onApply = useCallback(
    async (analysis: ImportAnalysis) => {
      const updates = effectiveUpdates(analysis.diff)
      try {
        await apply(updates, analysis.fileName, data.local)
        setPhase({ state: 'applied', analysis, count: updates.length })
      } catch (err) {
        setPhase({
          state: 'failed',
          message: userMessage(err, '应用失败'),
        })
      }
    },
    [apply, data.local],
  )

  const onRevert = useCallback(async () => {
    await revert()
    setPhase({ state: 'idle' })
  }, [revert])

  return (
    <div className="import-page">
      <div className="import-page__intro">
        <h2 className="import-page__title">数据导入</h2>
        <p>
          各部门按模板填写数据(每行一个数:指标、单位、年度、数值,不是一年的数注明统计期),
          拖入下方即可核对与现有数据的差异;模板的“目标”“定性事实”表可一并核对。
          “应用到本浏览器”只改变这台电脑上看到的看板,随时可恢复为发布数据;
          要让所有人看到,请把检查无误的文件交管理员发布。
        </p>
      </div>

      <div className="import-page__columns">
        <div className="import-page__main">
          <DropZone onFile={onFile} busy={phase.state === 'reading'} />
          {phase.state === 'reading' && (
            <p className="import-status" role="status">
              正在读取“{phase.fileName}”…
            </p>
          )}
          {phase.state === 'failed' && (
            <p className="import-status import-status--error" role="alert">
              ⚠ {phase.message}
            </p>
          )}
          {(phase.state === 'read' || phase.state === 'applied') && (
            <ImportResult
              analysis={phase.analysis}
              applied={phase.state === 'applied' ? phase.count : null}
              onApply={onApply}
            />
          )}
        </div>
        <aside className="import-page__side">
          <LocalDataPanel onRevert={onRevert} />
          <TemplateLinks />
        </aside>
      </div>
    </div>
  )
}

function ImportResult({
  analysis,
  applied,
  onApply,
}: {
  analysis: ImportAnalysis
  applied: number | null
  onApply: (analysis: ImportAnalysis) => void
}) {
  const { counts } = analysis.diff
  // Errors of a row, and errors of the whole file (empty, wrong columns, not a table): an empty
  // file is no "row" to point at.
  const errorRows = new Set(analysis.errors.flatMap((e) => (e.row === null ? [] : [e.row]))).size
  const fileErrors = analysis.errors.filter((e) => e.row === null).length
  const errorScope = [errorRows > 0 && `涉及 ${errorRows} 行`, fileErrors > 0 && '整个文件']
    .filter(Boolean)
    .join('、')
  const changes = counts.new + counts.changed
  const sideChanges = changeCount(analysis.targets) + changeCount(analysis.facts)
  const blocked = analysis.errors.length > 0
  return (
    <section className="import-result" aria-label="导入结果" data-import-result>
      <h3 className="import-result__title">
        {/* An element, not bare text: Chromium 83's gap fallback spaces elements only. */}
        <span className="import-result__file">“{analysis.fileName}”</span>
        {analysis.sheet && analysis.sheet !== analysis.fileName && (
          <span className="import-result__sheet">工作表「{analysis.sheet}」</span>
        )}
        <span className="import-result__rows">
          {analysis.dataRows} 行数据
          {analysis.sideRows.targets > 0 && `、${analysis.sideRows.targets} 行目标`}
          {analysis.sideRows.facts > 0 && `、${analysis.sideRows.facts} 行定性事实`}
        </span>
      </h3>
      <ul className="import-summary" aria-label="变化统计">
        <li className="import-summary__item import-summary__item--new" data-kind="new">
          新增 <strong>{counts.new}</strong>
        </li>
        <li className="import-summary__item import-summary__item--changed" data-kind="changed">
          修改 <strong>{counts.changed}</strong>
        </li>
        <li className="import-summary__item" data-kind="unchanged">
          不变 <strong>{counts.unchanged}</strong>
        </li>
        <li
          className={`import-summary__item${blocked ? ' import-summary__item--error' : ''}`}
          data-kind="error"
        >
          错误 <strong>{analysis.errors.length}</strong>
          {blocked && <span>({errorScope})</span>}
        </li>
      </ul>

      {blocked ? (
        <>
          <p className="import-status import-status--error" role="alert">
            ⚠ 文件中有 {analysis.errors.length}{' '}
            处错误,整个文件都没有导入。请按下表在原文件中改正后重新选择文件。
          </p>
          <ErrorTable issues={analysis.errors} />
        </>
      ) : (
        <>
          {analysis.warnings.length > 0 && (
            <ErrorTable issues={analysis.warnings} caption="请核对(不影响导入)" kind="warning" />
          )}
          <div className="import-actions">
            {applied === null ? (
              <button
                type="button"
                className="button import-actions__apply"
                disabled={changes === 0}
                onClick={() => onApply(analysis)}
              >
                应用到本浏览器({changes} 条变化)
              </button>
            ) : (
              <p className="import-status import-status--ok" role="status">
                ✓ 已应用 {applied} 条变化:本浏览器的看板现在显示导入的数据。
                <a href="#/">查看总览</a>
              </p>
            )}
            {changes === 0 && applied === null && (
              <span className="import-actions__note">
                {sideChanges === 0
                  ? '文件中的数据与当前数据完全相同,无需导入。'
                  : analysis.dataRows > 0 && '“数据”表与当前数据相同。'}
              </span>
            )}
          </div>
          {sideChanges > 0 && (
            <p className="import-status" data-side-note>
              目标和定性事实有 {sideChanges} 处变化:它们不应用到本浏览器, 请把文件交管理员发布(npm
              run data:import)后生效。
            </p>
          )}
          {analysis.dataRows > 0 && <ChangeTable diff={analysis.diff} />}
          <TargetChanges changes={analysis.targets} />
          <FactChanges changes={analysis.facts} />
        </>
      )}
    </section>
  )
}
