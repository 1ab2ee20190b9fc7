// Builds the web UI only when its inputs changed; run by Maven from web/:
//   node scripts/build-if-changed.mjs
// Node built-ins only, so it works from a fresh clone (no node_modules, no dist).
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const BUILD_HASH = join(root, 'dist', '.build-hash')
const LOCK_HASH = join(root, 'node_modules', '.gridgov-lock-hash')

/** Top-level files that shape the build, besides everything under the input folders. */
const ROOT_FILE = /^(index\.html|package\.json|package-lock\.json|\.npmrc|vite\.config\.[cm]?[jt]s|tsconfig.*\.json|.*\.d\.ts)$/
const INPUT_DIRS = ['src', 'public', 'scripts']

function filesUnder(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return filesUnder(path)
    return entry.isFile() ? [path] : []
  })
}

function inputFiles() {
  const top = readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isFile() && ROOT_FILE.test(e.name))
    .map((e) => join(root, e.name))
  const nested = INPUT_DIRS.flatMap((d) => filesUnder(join(root, d)))
  return [...top, ...nested]
    .map((path) => relative(root, path).split(sep).join('/'))
    .sort()
}

function hashOf(paths) {
  const hash = createHash('sha256')
  for (const path of paths) {
    hash.update(path).update('\0')
    hash.update(readFileSync(join(root, path))).update('\0')
  }
  return hash.digest('hex')
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8').trim()
  } catch {
    return null
  }
}

function npm(args) {
  console.log(`> npm ${args.join(' ')}`)
  const result = spawnSync('npm', args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' })
  if (result.error) fail(`could not run npm (${result.error.message}); is Node.js with npm on the PATH?`)
  if (result.status !== 0) fail(`npm ${args.join(' ')} failed with exit code ${result.status}`)
}

function fail(message) {
  console.error(`web UI build failed: ${message}`)
  process.exit(1)
}

if (!existsSync(join(root, 'package-lock.json'))) fail('package-lock.json is missing')

const buildHash = hashOf(inputFiles())
if (readText(BUILD_HASH) === buildHash && existsSync(join(root, 'dist', 'index.html'))) {
  console.log('web UI unchanged, build skipped')
  process.exit(0)
}

const lockHash = hashOf(['package-lock.json'])
if (readText(LOCK_HASH) !== lockHash || !statSync(join(root, 'node_modules'), { throwIfNoEntry: false })?.isDirectory()) {
  npm(['ci', '--no-audit', '--no-fund'])
  writeFileSync(LOCK_HASH, `${lockHash}\n`)
}

rmSync(BUILD_HASH, { force: true })
npm(['run', 'build'])
if (!existsSync(join(root, 'dist', 'index.html'))) fail('the build produced no dist/index.html')
mkdirSync(dirname(BUILD_HASH), { recursive: true })
writeFileSync(BUILD_HASH, `${buildHash}\n`)
console.log(`web UI built (inputs ${buildHash.slice(0, 12)})`)
