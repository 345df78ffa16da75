import * as z from 'zod/mini'

/**
 * zod compiles object parsers with `new Function` when it may, and probes for that the first time a
 * schema is built. The production CSP (script-src 'self', no 'unsafe-eval') refuses it, and the
 * browser reports a violation on every load. Jitless mode parses the same without eval.
 * Imported first in main.tsx, before any schema is created.
 */
z.config({ jitless: true })
