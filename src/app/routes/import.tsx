import { DataBoundary } from '@/components/data-boundary'
import { ImportPage } from '@/features/data-import/components/import-page'

/**
 * 数据导入 for department staff (issue 8). Loaded lazily from the router; the spreadsheet reader
 * is loaded by this chunk only when a file is read or written.
 */
export default function ImportRoute() {
  return (
    <DataBoundary name="数据导入" staleNote>
      <ImportPage />
    </DataBoundary>
  )
}
