/**
 * A Swagger UI plugin, sent to the browser as source (it must not close over anything): every
 * Authorize with a password makes a session, so before a new one replaces the old, and when
 * Logout is clicked, and when the page is left (its credentials are kept in memory only), the
 * old session is ended with `POST /auth/logout`. Without it each Authorize would leave a live
 * session behind (listed under GET /sessions until it expires).
 */
/* eslint-disable */
export function endReplacedSessions(system: any) {
  function logout(accessToken: string) {
    return fetch('/api/v1/auth/logout', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + accessToken },
      keepalive: true,
    });
  }
  function field(map: any, key: string) {
    return map && (typeof map.get === 'function' ? map.get(key) : map[key]);
  }
  function endSession() {
    const token = field(field(system.authSelectors.authorized(), 'oauth2'), 'token');
    const accessToken = field(token, 'access_token');
    if (!accessToken) return;
    const refreshToken = field(token, 'refresh_token');
    void logout(accessToken)
      .then(function (answer) {
        // Its access token expired (15 min by default): the refresh token still ends it.
        if (answer.status !== 401 || !refreshToken) return undefined;
        return fetch('/api/v1/auth/refresh', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ refreshToken: refreshToken }),
        })
          .then(function (refreshed) {
            return refreshed.ok ? refreshed.json() : undefined;
          })
          .then(function (pair: any) {
            return pair && logout(pair.accessToken);
          });
      })
      .catch(function () {
        return undefined;
      });
  }
  // Credentials live in this page's memory only: leaving it ends its password session.
  (globalThis as any).addEventListener('pagehide', endSession);
  return {
    statePlugins: {
      auth: {
        wrapActions: {
          authorizeOauth2: function (original: (payload: unknown) => unknown) {
            return function (payload: unknown) {
              endSession();
              return original(payload);
            };
          },
          logout: function (original: (names: unknown) => unknown) {
            return function (names: Iterable<string> | undefined) {
              if (Array.from(names || []).indexOf('oauth2') >= 0) endSession();
              return original(names);
            };
          },
        },
      },
    },
  };
}
