/**
 * What a user reads when something fails: always Chinese words, never a raw `TypeError` text. The
 * app's own errors (ApiError, import errors) already carry a Chinese message and keep it; anything
 * else — a JavaScript error from an API the browser lacks, a library's English message — becomes a
 * plain sentence, and the technical detail goes to the console for the operator.
 */

/** Native JavaScript errors: their messages are the engine's, in English. */
const ENGINE_ERRORS = new Set([
  'TypeError',
  'ReferenceError',
  'SyntaxError',
  'RangeError',
  'EvalError',
  'URIError',
])

/** A message a user can read: it is Chinese (holds CJK characters). */
const READABLE = /[\u4e00-\u9fff]/

/**
 * Old browsers fail on APIs they lack ("x is not a function", "x is not defined"): tell the user
 * the browser is too old rather than blaming the data.
 */
const MISSING_API =
  /is not a function|is not defined|is not a constructor|Unexpected token|Cannot read propert/i

export const OLD_BROWSER_MESSAGE = '浏览器版本过低,部分功能无法运行,请升级浏览器或联系管理员'

/** Errors already written to the console: a render that asks again does not log twice. */
const logged = new WeakSet<object>()

function logOnce(fallback: string, error: unknown) {
  if (typeof error === 'object' && error !== null) {
    if (logged.has(error)) return
    logged.add(error)
  }
  console.error(`${fallback}:`, error)
}

export function userMessage(error: unknown, fallback: string): string {
  if (error instanceof Error) {
    if (!ENGINE_ERRORS.has(error.name) && READABLE.test(error.message)) return error.message
    logOnce(fallback, error)
    if (ENGINE_ERRORS.has(error.name) && MISSING_API.test(error.message)) {
      return `${fallback}:${OLD_BROWSER_MESSAGE}`
    }
    return fallback
  }
  if (typeof error === 'string' && READABLE.test(error)) return error
  if (error !== undefined && error !== null) logOnce(fallback, error)
  return fallback
}
