// A real Bluesky PDS for the tests: a PLC directory (in-memory), the PDS (SQLite in a temporary
// directory) and a stand-in AppView, all on 127.0.0.1. Prints one JSON line when ready, stops on
// SIGTERM or when stdin closes (the test process is gone). Logs: LOG_ENABLED=true.
import dns from 'node:dns'
import fs from 'node:fs/promises'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { Secp256k1Keypair } from '@atproto/crypto'
import { PDS, envToCfg, envToSecrets } from '@atproto/pds'
import { Database as PlcDatabase, PlcServer } from '@did-plc/server'

import { startAppView } from './appview.mjs'

const HOST = '127.0.0.1'

// "localhost" must mean the address we bind, not ::1.
dns.setDefaultResultOrder('ipv4first')

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

// Both servers call app.listen(port), which binds every interface: pin it to loopback.
function bindLoopback(app) {
  const listen = app.listen.bind(app)
  app.listen = (port) => listen(port, HOST)
}

const hex = (bytes) => Buffer.from(bytes).toString('hex')

async function main() {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'omroeper-pds-'))
  const [plcPort, pdsPort, appViewPort] = [await freePort(), await freePort(), await freePort()]

  const plc = PlcServer.create({ db: PlcDatabase.mock(), port: plcPort })
  bindLoopback(plc.app)
  await plc.start()

  const pdsUrl = `http://localhost:${pdsPort}`
  const appView = await startAppView({ host: HOST, port: appViewPort, pdsUrl })

  const rotationKey = await Secp256k1Keypair.create({ exportable: true })
  const adminPassword = hex(crypto.getRandomValues(new Uint8Array(16)))
  const env = {
    port: pdsPort,
    hostname: 'localhost', // handles end in .test
    dataDirectory: dataDir,
    blobstoreDiskLocation: path.join(dataDir, 'blobs'),
    didPlcUrl: `http://localhost:${plcPort}`, // the PDS refuses an IP literal here
    inviteRequired: false,
    devMode: true, // allows plain HTTP to loopback services
    bskyAppViewUrl: `http://localhost:${appViewPort}`,
    bskyAppViewDid: 'did:web:localhost',
    crawlers: [],
    serviceHandleDomains: [],
    rateLimitBypassIps: [],
    handleBackupNameservers: [],
    trustedOAuthClients: [],
    jwtSecret: hex(crypto.getRandomValues(new Uint8Array(16))),
    adminPassword,
    plcRotationKeyK256PrivateKeyHex: hex(await rotationKey.export()),
  }
  const pds = await PDS.create(envToCfg(env), envToSecrets(env))
  bindLoopback(pds.app)
  await pds.start()

  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await Promise.allSettled([pds.destroy(), plc.destroy(), appView.close()])
    await fs.rm(dataDir, { recursive: true, force: true })
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.stdin.on('end', stop)
  process.stdin.resume()

  const ready = {
    pds: pdsUrl,
    plc: `http://localhost:${plcPort}`,
    appview: `http://localhost:${appViewPort}`,
    admin_password: adminPassword,
    handle_domain: '.test',
    data_dir: dataDir,
  }
  process.stdout.write(`${JSON.stringify(ready)}\n`)
}

main().catch((err) => {
  process.stderr.write(`PDS launcher failed: ${err?.stack ?? err}\n`)
  process.exit(1)
})
