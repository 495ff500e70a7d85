// A stand-in for Bluesky's AppView: the PDS forwards app.bsky.* reads here. It answers profile
// look-ups and posts (getPosts, with their reply, repost, like and quote counts) from the PDS's
// own records (the real AppView indexes the same records); anything else is "not implemented",
// as a server that does not serve a method says.
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

// Every record of a collection in a repo, page by page (listRecords gives at most 100).
async function allRecords(pdsUrl, repo, collection) {
  const found = []
  let cursor
  do {
    const params = { repo, collection, limit: '100' }
    if (cursor) params.cursor = cursor
    const page = await fromPds(pdsUrl, 'com.atproto.repo.listRecords', params)
    found.push(...(page?.records ?? []))
    cursor = page?.records?.length ? page.cursor : undefined
  } while (cursor)
  return found
}

async function allRepos(pdsUrl) {
  const dids = []
  let cursor
  do {
    const params = { limit: '500' }
    if (cursor) params.cursor = cursor
    const page = await fromPds(pdsUrl, 'com.atproto.sync.listRepos', params)
    dids.push(...(page?.repos ?? []).filter((repo) => repo.active !== false).map((r) => r.did))
    cursor = page?.repos?.length ? page.cursor : undefined
  } while (cursor)
  return dids
}

// The post a quote embeds: app.bsky.embed.record, or the record of recordWithMedia.
const quoted = (embed) => embed?.record?.uri ?? embed?.record?.record?.uri

// app.bsky.feed.getPosts: a PostView per post found, in the order asked, missing ones left out
// (as the AppView does). The counts are those of every repo on the PDS, as the AppView
// counts the likes, reposts, replies (reply.parent) and quotes it has indexed.
async function posts(pdsUrl, uris) {
  const everyone = await allRepos(pdsUrl)
  const counts = new Map(uris.map((uri) => [uri, { replyCount: 0, repostCount: 0, likeCount: 0, quoteCount: 0 }]))
  const add = (uri, field) => counts.get(uri) && (counts.get(uri)[field] += 1)
  for (const did of everyone) {
    for (const like of await allRecords(pdsUrl, did, 'app.bsky.feed.like')) add(like.value?.subject?.uri, 'likeCount')
    for (const repost of await allRecords(pdsUrl, did, 'app.bsky.feed.repost')) add(repost.value?.subject?.uri, 'repostCount')
    for (const post of await allRecords(pdsUrl, did, 'app.bsky.feed.post')) {
      add(post.value?.reply?.parent?.uri, 'replyCount')
      add(quoted(post.value?.embed), 'quoteCount')
    }
  }
  const views = []
  for (const uri of uris) {
    const [repo, collection, rkey] = uri.replace(/^at:\/\//, '').split('/')
    if (collection !== 'app.bsky.feed.post') continue
    const found = await fromPds(pdsUrl, 'com.atproto.repo.getRecord', { repo, collection, rkey })
    if (!found) continue
    const author = await profile(pdsUrl, repo)
    if (!author) continue
    const { did, handle, displayName, avatar } = author
    views.push({
      uri: found.uri,
      cid: found.cid,
      author: { did, handle, ...(displayName && { displayName }), ...(avatar && { avatar }), labels: [] },
      record: found.value,
      ...counts.get(uri),
      indexedAt: found.value?.createdAt ?? new Date().toISOString(),
      labels: [],
    })
  }
  return views
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
  if (method === 'app.bsky.feed.getPosts') {
    const uris = url.searchParams.getAll('uris')
    if (uris.length > 25) {
      return json(res, 400, { error: 'InvalidRequest', message: 'uris must not have more than 25 elements' })
    }
    return json(res, 200, { posts: await posts(pdsUrl, uris) })
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
