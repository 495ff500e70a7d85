// A stand-in for Bluesky's AppView: the PDS forwards app.bsky.* reads here. It answers profile
// look-ups from the PDS's own records (the real AppView indexes the same records); anything
// else is "not implemented", as a server that does not serve a method says.
import http from 'node:http'

const json = (res, status, body) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

async function fromPds(pdsUrl, method, params) {
  const url = new URL(`/xrpc/${method}`, pdsUrl)
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
  const answer = await fetch(url)
  return answer.ok ? answer.json() : null
}

async function profile(pdsUrl, actor) {
  const repo = await fromPds(pdsUrl, 'com.atproto.repo.describeRepo', { repo: actor })
  if (!repo) return null
  const { did, handle } = repo
  const view = { did, handle, followersCount: 0, followsCount: 0, postsCount: 0 }
  const record = await fromPds(pdsUrl, 'com.atproto.repo.getRecord', {
    repo: did,
    collection: 'app.bsky.actor.profile',
    rkey: 'self',
  })
  const value = record?.value ?? {}
  if (value.displayName) view.displayName = value.displayName
  if (value.description) view.description = value.description
  const avatar = value.avatar?.ref?.$link
  if (avatar) {
    view.avatar = `${pdsUrl}/xrpc/com.atproto.sync.getBlob?did=${did}&cid=${avatar}`
  }
  if (value.createdAt) view.createdAt = value.createdAt
  const posts = await fromPds(pdsUrl, 'com.atproto.repo.listRecords', {
    repo: did,
    collection: 'app.bsky.feed.post',
    limit: '100',
  })
  view.postsCount = posts?.records?.length ?? 0
  return view
}

async function handle(pdsUrl, req, res) {
  const url = new URL(req.url, 'http://appview')
  const method = url.pathname.replace(/^\/xrpc\//, '')
  if (method === 'app.bsky.actor.getProfile') {
    const view = await profile(pdsUrl, url.searchParams.get('actor') ?? '')
    if (view) return json(res, 200, view)
    return json(res, 400, { error: 'InvalidRequest', message: 'Profile not found' })
  }
  if (method === 'app.bsky.actor.getProfiles') {
    const actors = url.searchParams.getAll('actors')
    const views = await Promise.all(actors.map((actor) => profile(pdsUrl, actor)))
    return json(res, 200, { profiles: views.filter(Boolean) })
  }
  return json(res, 501, { error: 'MethodNotImplemented', message: `${method} (stand-in AppView)` })
}

export function startAppView({ host, port, pdsUrl }) {
  const server = http.createServer((req, res) => {
    handle(pdsUrl, req, res).catch((err) => json(res, 500, { error: 'InternalServerError', message: String(err) }))
  })
  return new Promise((resolve) => {
    server.listen(port, host, () =>
      resolve({ close: () => new Promise((done) => server.close(() => done())) }),
    )
  })
}
