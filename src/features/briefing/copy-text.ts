/**
 * Copies text to the clipboard: the Clipboard API where the page may use it (https or localhost),
 * else a selected off-screen textarea and the copy command (plain http on an office network).
 */
export async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text)
    return
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.cssText = 'position:fixed;left:-10000px;top:0;'
  document.body.append(area)
  try {
    area.select()
    if (!document.execCommand('copy')) throw new Error('copy command refused')
  } finally {
    area.remove()
  }
}
