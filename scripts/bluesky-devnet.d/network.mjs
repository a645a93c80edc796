// Starts a local AT Protocol network (PLC directory, PDS, AppView, and the Ozone/bsync
// services that @atproto/dev-env's TestNetwork brings along) on loopback, without mock data.
// Run by scripts/bluesky-devnet under Node 22 from the devnet home, where @atproto/dev-env is
// installed; it is copied there so that its imports resolve. Settings come from environment
// variables (see the start command); when the network is up it writes DEVNET_STATE_FILE.
import { writeFileSync, renameSync } from 'node:fs'
import net from 'node:net'

const env = process.env
const log = (...args) => console.log(new Date().toISOString(), '[devnet]', ...args)

// Every service of dev-env calls listen(port) without a host, which binds all interfaces.
// Keep them on loopback.
const LOOPBACK = '127.0.0.1'
const originalListen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    if (typeof args[1] !== 'string') args.splice(1, 0, LOOPBACK)
  } else if (args[0] && typeof args[0] === 'object' && args[0].port !== undefined && !args[0].host) {
    args[0] = { ...args[0], host: LOOPBACK }
  }
  return originalListen.apply(this, args)
}

// The PDS signs access tokens for a fixed '120mins' (no setting for it). For tests of token
// refresh, DEVNET_ACCESS_TOKEN_TTL (seconds) replaces that lifetime. Refresh tokens keep theirs.
const accessTtl = Number(env.DEVNET_ACCESS_TOKEN_TTL || 7200)
if (!Number.isInteger(accessTtl) || accessTtl < 1) {
  throw new Error(`DEVNET_ACCESS_TOKEN_TTL must be a positive number of seconds, got ${env.DEVNET_ACCESS_TOKEN_TTL}`)
}
if (accessTtl !== 7200) {
  const { SignJWT } = await import('jose')
  const setExpirationTime = SignJWT.prototype.setExpirationTime
  SignJWT.prototype.setExpirationTime = function (input) {
    const isPdsAccessToken = input === '120mins' && this._protectedHeader?.typ === 'at+jwt'
    return setExpirationTime.call(this, isPdsAccessToken ? `${accessTtl}s` : input)
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, LOOPBACK, () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
  })
const port = async (value) => (Number(value) > 0 ? Number(value) : await freePort())

const pgBase = (env.DEVNET_PG_URL || 'postgresql://postgres@127.0.0.1:5432').replace(/\/+$/, '')
const dbName = env.DEVNET_DB || 'socius_devnet'
if (!/^[a-z_][a-z0-9_]*$/.test(dbName)) throw new Error(`bad database name: ${dbName}`)

async function freshDatabase() {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: `${pgBase}/postgres`, connectionTimeoutMillis: 5000 })
  try {
    await admin.connect()
  } catch (err) {
    throw new Error(`PostgreSQL at ${pgBase} is not reachable (${err.message})`)
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${dbName}`)
  } finally {
    await admin.end()
  }
}

let network
let ready = false

process.on('unhandledRejection', (err) => {
  console.error(new Date().toISOString(), '[devnet] unhandled rejection:', err)
  if (!ready) process.exit(1)
})

async function shutdown(signal) {
  log(`${signal}: closing`)
  const timer = setTimeout(() => process.exit(0), 10_000)
  timer.unref()
  try {
    await network?.close()
  } catch (err) {
    log('close failed:', err?.message ?? err)
  }
  process.exit(0)
}
process.on('SIGTERM', () => shutdown('SIGTERM'))
process.on('SIGINT', () => shutdown('SIGINT'))

const ports = {
  plc: await port(env.DEVNET_PLC_PORT),
  pds: await port(env.DEVNET_PDS_PORT),
  appview: await port(env.DEVNET_APPVIEW_PORT),
}
env.REDIS_HOST ||= '127.0.0.1:6379'
log(`node ${process.version}; recreating database ${dbName}; redis ${env.REDIS_HOST}; ports`, ports)
await freshDatabase()

const { TestNetwork, ADMIN_PASSWORD } = await import('@atproto/dev-env')
const started = Date.now()
network = await TestNetwork.create({
  dbPostgresUrl: `${pgBase}/${dbName}`,
  dbPostgresSchema: 'devnet',
  plc: { port: ports.plc },
  pds: {
    port: ports.pds,
    hostname: 'localhost',
    inviteRequired: false,
    enableDidDocWithSession: true,
  },
  bsky: { port: ports.appview, publicUrl: `http://localhost:${ports.appview}` },
})
ready = true

const { pds, plc, bsky, ozone } = network
const state = {
  BLUESKY_PDS_URL: `http://${LOOPBACK}:${pds.port}`,
  BLUESKY_PLC_URL: `http://${LOOPBACK}:${plc.port}`,
  BLUESKY_APPVIEW_URL: `http://${LOOPBACK}:${bsky.port}`,
  BLUESKY_OZONE_URL: `http://${LOOPBACK}:${ozone.port}`,
  BLUESKY_PDS_PUBLIC_URL: pds.ctx.cfg.service.publicUrl,
  BLUESKY_PDS_DID: pds.ctx.cfg.service.did,
  BLUESKY_APPVIEW_DID: bsky.serverDid,
  BLUESKY_HANDLE_DOMAIN: pds.ctx.cfg.identity.serviceHandleDomains[0],
  BLUESKY_INVITE_REQUIRED: String(pds.ctx.cfg.invites.required),
  BLUESKY_ACCESS_TOKEN_TTL: String(accessTtl),
  BLUESKY_ADMIN_PASSWORD: ADMIN_PASSWORD,
}
const tmp = `${env.DEVNET_STATE_FILE}.tmp`
writeFileSync(tmp, Object.entries(state).map(([k, v]) => `${k}=${v}`).join('\n') + '\n')
renameSync(tmp, env.DEVNET_STATE_FILE)
log(`ready in ${Date.now() - started} ms:`, state)
