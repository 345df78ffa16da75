/**
 * Saves a blob as a file under a name, through a temporary object URL (nothing leaves the
 * browser). The URL is revoked once the browser has had time to start the download.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  document.body.append(a)
  a.click()
  a.remove()
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
}

/** Long enough for a slow machine to start the download; revoking earlier can cancel it. */
export const REVOKE_AFTER_MS = 10_000
