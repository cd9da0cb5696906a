// A real OAuth2 authorization server for the tests: node-oidc-provider (from .ci/node) on
// 127.0.0.1, issuing JWT access tokens for one API (a resource indicator) by the client
// credentials grant.
//
//   node tests/oauth2_provider.mjs CONFIG.json
//
// CONFIG: {"port", "audiences": [APIs it issues tokens for, the first by default],
//          "keys": [private JWKs, the first signs],
//          "clients": [{"client_id", "client_secret", "scope", "claims": {...}, "ttl"}]}
// A client's `scope` lists the scopes it may be granted; `claims` are added to its access
// tokens; `ttl` is their lifetime in seconds. Prints "listening" once it serves.
import { readFileSync } from 'node:fs';
import http from 'node:http';

const { default: Provider } = await import(
  new URL('../.ci/node/node_modules/oidc-provider/lib/index.js', import.meta.url)
);

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const issuer = `http://127.0.0.1:${config.port}`;
const clients = new Map(config.clients.map((c) => [c.client_id, c]));

const provider = new Provider(issuer, {
  // The operations' scopes, as the clients list them.
  scopes: [...new Set(config.clients.flatMap((c) => c.scope.split(' ')))],
  clients: config.clients.map(({ client_id, client_secret, scope }) => ({
    client_id,
    client_secret,
    scope,
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
    token_endpoint_auth_method: 'client_secret_basic',
  })),
  jwks: { keys: config.keys },
  features: {
    clientCredentials: { enabled: true },
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      // A token request without `resource` is for the API all the same.
      defaultResource: async () => config.audiences[0],
      useGrantedResource: async () => true,
      getResourceServerInfo: async (_ctx, resource, client) => {
        if (!config.audiences.includes(resource)) {
          throw new Provider.errors.InvalidTarget();
        }
        return {
          scope: client.scope,
          audience: resource,
          accessTokenTTL: clients.get(client.clientId).ttl ?? 300,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  extraTokenClaims: async (_ctx, token) => clients.get(token.clientId)?.claims ?? {},
});
provider.proxy = false;

http.createServer(provider.callback()).listen(config.port, '127.0.0.1', () => {
  console.log('listening');
});
