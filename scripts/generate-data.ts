/**
 * Writes the published dataset (public/data/*.json) from the report text and the demo generator.
 * The build copies public/ as it is, so the production app fetches these files at run time;
 * replacing them on the server updates the dashboard without a rebuild.
 *
 *   npm run data:generate [-- --out DIR]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildDataset } from './dataset/build-dataset'
import { datasetFiles } from './dataset/files'

const outIndex = process.argv.indexOf('--out')
const outDir = resolve(outIndex > 0 ? process.argv[outIndex + 1]! : 'public/data')
const report = readFileSync(resolve('scripts/dataset/report-2024.txt'), 'utf8')
const files = datasetFiles(buildDataset(report))
mkdirSync(outDir, { recursive: true })
for (const [name, body] of Object.entries(files)) {
  writeFileSync(join(outDir, name), `${JSON.stringify(body, null, 1)}\n`)
}
console.log(`wrote ${Object.keys(files).length} files to ${outDir}`)
