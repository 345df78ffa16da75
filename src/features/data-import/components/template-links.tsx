import { useState } from 'react'
import { useDataset } from '@/api/dataset'
import { datasetSheets } from '../workbook'
import { writeXlsx } from '../xlsx'
import { usePublishedFacts } from './published-facts'
import { downloadBlob } from '@/lib/download'
import { userMessage } from '@/lib/user-message'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The blank templates, and the data on screen as a workbook to edit and import again. */
export function TemplateLinks() {
  const data = useDataset()
  const publishedFacts = usePublishedFacts()
  const [status, setStatus] = useState<string | null>(null)
  const exportCurrent = async () => {
    setStatus('正在生成…')
    try {
      const bytes = await writeXlsx(
        datasetSheets({
          indicators: data.indicators,
          organizations: data.publishedOrganizations,
          observations: data.observations,
          facts: await publishedFacts(),
        }),
      )
      const day = new Date().toISOString().slice(0, 10).replace(/-/g, '')
      downloadBlob(new Blob([bytes as BlobPart], { type: XLSX_TYPE }), `看板数据_${day}.xlsx`)
      setStatus(`已导出 ${data.observations.length} 条`)
    } catch (err) {
      setStatus(userMessage(err, '导出失败'))
    }
  }
  return (
    <section className="import-card" aria-label="模板与导出">
      <h3 className="import-card__title">模板</h3>
      <ul className="import-card__links">
        <li>
          <a href="templates/import-template.xlsx" download="数据导入模板.xlsx">
            Excel 模板(.xlsx)
          </a>
          <span>含“目标”“定性事实”表,以及“目录”表:指标编码与单位名称</span>
        </li>
        <li>
          <a href="templates/import-template.csv" download="数据导入模板.csv">
            CSV 模板
          </a>
        </li>
      </ul>
      <h3 className="import-card__title">当前数据</h3>
      <p>把看板现在显示的全部数据、目标和定性事实导出为模板格式,修改后可直接导入。</p>
      <button type="button" className="button" onClick={exportCurrent}>
        导出当前数据(.xlsx)
      </button>
      {status && (
        <p className="import-card__status" role="status">
          {status}
        </p>
      )}
    </section>
  )
}
