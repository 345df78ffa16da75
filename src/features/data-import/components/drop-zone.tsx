import { useId, useRef, useState, type DragEvent } from 'react'

/** A file picker that also takes a dropped file. Keyboard: the button opens the picker. */
export function DropZone({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const inputId = useId()
  const input = useRef<HTMLInputElement>(null)
  const [over, setOver] = useState(false)

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault()
    setOver(false)
    const file = e.dataTransfer.files[0]
    if (file && !busy) onFile(file)
  }

  return (
    <div
      className={`drop-zone${over ? ' drop-zone--over' : ''}`}
      data-drop-zone
      onDragOver={(e) => {
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <p className="drop-zone__text">把填好的 Excel(.xlsx)或 CSV 文件拖到这里</p>
      <p className="drop-zone__or">或</p>
      <label className="button drop-zone__button" htmlFor={inputId}>
        选择文件…
      </label>
      <input
        ref={input}
        id={inputId}
        className="visually-hidden"
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        aria-label="选择要导入的文件"
        disabled={busy}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0]
          if (file) onFile(file)
          // Choosing the same file again after fixing it must read it again.
          e.currentTarget.value = ''
        }}
      />
      <p className="drop-zone__hint">
        文件只在本浏览器内读取,不会上传。支持模板格式的 .xlsx 与 CSV(UTF-8 或 GBK 编码)。
      </p>
    </div>
  )
}
