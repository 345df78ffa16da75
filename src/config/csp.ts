/**
 * The Content-Security-Policy of the production build (docs/deployment.md gives the nginx header).
 * A live backend on another origin needs its origin added to `connect-src` at deployment.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')
