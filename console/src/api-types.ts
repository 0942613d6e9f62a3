/**
 * Generated from the OpenAPI document (/docs-json) by `npm run console:types`: do not edit.
 * A test fails when this file is stale.
 */
export interface paths {
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first: who did what to which token, session or user, when, from where */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each scheduled job: its cron, whether it is on, its last and next run */
        get: operations["listJobs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run one job now */
        post: operations["runJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/{name}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last runs of one job, newest first */
        get: operations["listJobRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every organization, newest first, with its member count */
        get: operations["adminListOrgs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Purge now: expired and revoked tokens and sessions past retention, old idempotency records
         * @description With dryRun, counts what would be deleted and deletes nothing.
         */
        post: operations["purge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * API tokens of every user, newest first, each with its owner
         * @description e.g. `?expiringWithinDays=7`: the tokens that stop working within a week
         */
        get: operations["adminListTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke any user's API token at once. Idempotent.
         * @description With `permanent=true` the row is deleted too (the audit log keeps the events).
         */
        delete: operations["adminRevokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/tokens/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import API tokens from another system; their secrets keep working as they are
         * @description Up to 1000 tokens, each with its owner (ownerEmail or ownerId, or ownerOrg for an organization's token, checked against its policy and MAX_TOKENS_PER_ORG) and either the SHA-256 (hex) of the token string as clients present it or that string itself (hashed at once, never stored). A token whose hash is known already is skipped. The calling credential must hold every scope it imports; an API token held to an IP allowlist, a rate limit of its own or a quota cannot import (403), and one with an expiry gives it to rows without one and refuses rows expiring later. Each owner is told as of a new token: a `token.created` webhook with `imported: true`, and a mail. Each row stands alone: the good ones are imported, and each bad one (a field breaking the ImportTokenRowDto schema, an owner no user is, scopes the owner may not hold or the caller does not hold, a token twice in the call, a name the owner already has active) is reported in the 200's `errors` as `{index, message}` and writes nothing. Only a malformed call as a whole (no `tokens` array, none, over the limit) is a 400, and then nothing is written.
         */
        post: operations["importTokens"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/usage/top": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The most used API tokens of every user
         * @description Uses (let through and refused) in the UTC hours from `from` to `to` (default: the last 24 hours), most first.
         */
        get: operations["topAdminUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Users, newest first, by a part of their email, role and whether disabled */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create an account and mail it a link to set its password
         * @description The account has no usable password until the link (the console’s reset page, valid PASSWORD_RESET_MINUTES) sets one. Works whatever REGISTRATION says.
         */
        post: operations["createAdminUserCreation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One user, with its active tokens and sessions counted */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user’s role or disable it; every instance sees it on the next request
         * @description A disabled user’s sessions and API tokens are refused and login answers as for a wrong password; enabling it again brings them back. An admin cannot disable or demote themself.
         */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of a user (its API tokens keep working) */
        post: operations["logoutUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A user's API tokens, newest first */
        get: operations["listUserTokens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Browser log in: the refresh token is set as an HttpOnly cookie
         * @description Same checks and throttling as POST /auth/login. The answer carries the access token; the refresh token goes into a `SameSite=Strict`, `HttpOnly` cookie (`Secure` outside development) scoped to `/api/v1/auth/browser/refresh`.
         */
        post: operations["browserLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Browser log out: revokes the calling session and clears the cookie */
        post: operations["browserLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Browser second step of a login: as POST /auth/mfa/verify, cookie set */
        post: operations["browserVerifySecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/passkey/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Browser passkey sign-in: as POST /auth/passkey/login, cookie set */
        post: operations["browserPasskeyLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/browser/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Browser refresh: rotates the refresh cookie, returns a new access token
         * @description Reads the `tessera_refresh` cookie set by the browser login. Same rules as POST /auth/refresh (grace window, reuse detection, throttling per client address).
         */
        post: operations["browserRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in: opens a session and returns its access and refresh tokens */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the calling session */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every session of the caller */
        post: operations["logoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The calling user */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which second factors the caller has */
        get: operations["getSecondFactors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Passkey options for the second step of a login */
        post: operations["secondFactorPasskeyOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s passkeys */
        get: operations["listPasskeys"];
        put?: never;
        /** Register a passkey from the browser’s answer to the options */
        post: operations["registerPasskey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/passkeys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a passkey */
        delete: operations["deletePasskey"];
        options?: never;
        head?: never;
        /** Rename a passkey */
        patch: operations["renamePasskey"];
        trace?: never;
    };
    "/api/v1/auth/mfa/passkeys/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options for navigator.credentials.create(): register a passkey */
        post: operations["passkeyRegistrationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a TOTP set-up: a new secret, pending until confirmed with a code */
        post: operations["setUpTotp"];
        /** Disable TOTP */
        delete: operations["disableTotp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable TOTP with a first code; answers ten recovery codes, once */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Second step of a login: a TOTP code, a recovery code or a passkey
         * @description Exactly one of code, recoveryCode and passkey. The mfaToken lives 5 minutes, allows 5 attempts and completes once. Same answer as a login.
         */
        post: operations["verifySecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a passkey alone; same answer as a login */
        post: operations["passkeyLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Options for a password-less sign-in with a passkey */
        post: operations["passkeySignInOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; every other session is revoked */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with the token of a reset link
         * @description Every session of the account ends; its API tokens keep working.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/request": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mail a password-reset link
         * @description The same answer, as fast, whether or not an account has this email. The link works once, for PASSWORD_RESET_MINUTES, and replaces any earlier one.
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange a refresh token for a new pair
         * @description The replaced token presented again within REFRESH_GRACE_SECONDS gets the same pair; later, it revokes the session.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/registration": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who may sign up here
         * @description Public: a front end shows or hides its sign-up page by it.
         */
        get: operations["registrationAuth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prove who you are again (RFC 9470): sensitive actions need it within STEP_UP_SECONDS
         * @description Exactly one of password, code, recoveryCode and passkey. With a second factor enrolled, the password alone is refused: the factor is needed.
         */
        post: operations["stepUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/step-up/passkey/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Passkey options for a step-up */
        post: operations["stepUpPasskeyOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** OAuth2 token endpoint (password and refresh_token grants) */
        post: operations["tokenGrant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/whoami": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The credential making this request, as the service resolves it
         * @description Either kind of bearer credential; answered without a database query. Handy to check a token and see its scopes.
         */
        get: operations["whoami"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credentials/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report credentials found exposed: each live API token among them is revoked
         * @description No authentication: knowing a secret is the proof. The answer is the same, as fast, whether or not anything matched; the owner of each revoked token is told by mail, webhook (`token.revoked`, reason `leaked`) and audit log. Throttled per client address.
         */
        post: operations["revokeLeakedCredentials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/forward-auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * May the request a proxy describes go ahead?
         * @description Answered the same way for every method (GET, HEAD, POST, PUT, PATCH, DELETE and any other but OPTIONS, which is a CORS preflight here as on every route), and a body is never read. The original request comes from `X-Forwarded-Method` and `X-Forwarded-Uri`, or from `X-Original-Method` and `X-Original-URI`, never both pairs (400: the proxy must overwrite the pair it uses); each header at most once. Its credential comes from `Authorization`. The policy file's route rules decide: paths match ignoring ASCII case unless the file says `"caseSensitive": true`, and when the file declares routes a path none matches is refused (403) unless it says `"unmatched": "authenticated"`. An allowed request is a use of its API token.
         */
        get: operations["forwardAuth"];
        /**
         * May the request a proxy describes go ahead?
         * @description Answered the same way for every method (GET, HEAD, POST, PUT, PATCH, DELETE and any other but OPTIONS, which is a CORS preflight here as on every route), and a body is never read. The original request comes from `X-Forwarded-Method` and `X-Forwarded-Uri`, or from `X-Original-Method` and `X-Original-URI`, never both pairs (400: the proxy must overwrite the pair it uses); each header at most once. Its credential comes from `Authorization`. The policy file's route rules decide: paths match ignoring ASCII case unless the file says `"caseSensitive": true`, and when the file declares routes a path none matches is refused (403) unless it says `"unmatched": "authenticated"`. An allowed request is a use of its API token.
         */
        put: operations["forwardAuthPut"];
        /**
         * May the request a proxy describes go ahead?
         * @description Answered the same way for every method (GET, HEAD, POST, PUT, PATCH, DELETE and any other but OPTIONS, which is a CORS preflight here as on every route), and a body is never read. The original request comes from `X-Forwarded-Method` and `X-Forwarded-Uri`, or from `X-Original-Method` and `X-Original-URI`, never both pairs (400: the proxy must overwrite the pair it uses); each header at most once. Its credential comes from `Authorization`. The policy file's route rules decide: paths match ignoring ASCII case unless the file says `"caseSensitive": true`, and when the file declares routes a path none matches is refused (403) unless it says `"unmatched": "authenticated"`. An allowed request is a use of its API token.
         */
        post: operations["forwardAuthPost"];
        /**
         * May the request a proxy describes go ahead?
         * @description Answered the same way for every method (GET, HEAD, POST, PUT, PATCH, DELETE and any other but OPTIONS, which is a CORS preflight here as on every route), and a body is never read. The original request comes from `X-Forwarded-Method` and `X-Forwarded-Uri`, or from `X-Original-Method` and `X-Original-URI`, never both pairs (400: the proxy must overwrite the pair it uses); each header at most once. Its credential comes from `Authorization`. The policy file's route rules decide: paths match ignoring ASCII case unless the file says `"caseSensitive": true`, and when the file declares routes a path none matches is refused (403) unless it says `"unmatched": "authenticated"`. An allowed request is a use of its API token.
         */
        delete: operations["forwardAuthDelete"];
        options?: never;
        /**
         * May the request a proxy describes go ahead?
         * @description Answered the same way for every method (GET, HEAD, POST, PUT, PATCH, DELETE and any other but OPTIONS, which is a CORS preflight here as on every route), and a body is never read. The original request comes from `X-Forwarded-Method` and `X-Forwarded-Uri`, or from `X-Original-Method` and `X-Original-URI`, never both pairs (400: the proxy must overwrite the pair it uses); each header at most once. Its credential comes from `Authorization`. The policy file's route rules decide: paths match ignoring ASCII case unless the file says `"caseSensitive": true`, and when the file declares routes a path none matches is refused (403) unless it says `"unmatched": "authenticated"`. An allowed request is a use of its API token.
         */
        head: operations["forwardAuthHead"];
        /**
         * May the request a proxy describes go ahead?
         * @description Answered the same way for every method (GET, HEAD, POST, PUT, PATCH, DELETE and any other but OPTIONS, which is a CORS preflight here as on every route), and a body is never read. The original request comes from `X-Forwarded-Method` and `X-Forwarded-Uri`, or from `X-Original-Method` and `X-Original-URI`, never both pairs (400: the proxy must overwrite the pair it uses); each header at most once. Its credential comes from `Authorization`. The policy file's route rules decide: paths match ignoring ASCII case unless the file says `"caseSensitive": true`, and when the file declares routes a path none matches is refused (403) unless it says `"unmatched": "authenticated"`. An allowed request is a use of its API token.
         */
        patch: operations["forwardAuthPatch"];
        trace?: never;
    };
    "/api/v1/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Is this token active, and what may it do? (RFC 7662)
         * @description Needs the `tokens:introspect` or `admin` scope. Unknown, malformed, expired and revoked tokens are all `{"active": false}`.
         */
        post: operations["introspect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation as the signed-in user it names
         * @description 400 for an unknown, used, withdrawn or expired link; 403 when signed in with another email; 409 for a member already.
         */
        post: operations["acceptOrgInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's organizations, each with the caller's role */
        get: operations["listOrgs"];
        put?: never;
        /**
         * Create an organization
         * @description The caller becomes its first owner.
         */
        post: operations["createOrg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One organization of the caller */
        get: operations["getOrg"];
        put?: never;
        post?: never;
        /**
         * Delete an organization (owner)
         * @description Revokes every org token and ends every membership.
         */
        delete: operations["deleteOrg"];
        options?: never;
        head?: never;
        /**
         * Rename an organization or replace its policy (admin+)
         * @description A policy replaces the previous one whole; `{}` clears it.
         */
        patch: operations["updateOrg"];
        trace?: never;
    };
    "/api/v1/orgs/{org}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's pending invitations (admin+) */
        get: operations["listOrgInvitations"];
        put?: never;
        /**
         * Invite an email into an organization (admin+; owners by an owner)
         * @description Mails a single-use link to /console/invitations#token=…, valid INVITATION_DAYS. A new invitation for the same email replaces the pending one.
         */
        post: operations["createOrgInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending invitation (admin+): its link stops working */
        delete: operations["withdrawOrgInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's members, owners first */
        get: operations["listOrgMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member (admin+; owners by an owner), or leave
         * @description The member loses the organization on every instance at its next request. The last owner cannot leave (409).
         */
        delete: operations["removeOrgMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role (admin+; owners by an owner)
         * @description The last owner cannot be demoted (409).
         */
        patch: operations["updateOrgMember"];
        trace?: never;
    };
    "/api/v1/orgs/{org}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization's API tokens, newest first */
        get: operations["listOrgTokens"];
        put?: never;
        /**
         * Create an organization's API token (admin+)
         * @description The token acts for the organization, not for its creator, and keeps working when they leave. Its scopes are at most what the creator may grant and what the policy allows.
         */
        post: operations["createOrgToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One of an organization's API tokens */
        get: operations["getOrgToken"];
        put?: never;
        post?: never;
        /** Revoke an organization's API token (admin+). Idempotent. */
        delete: operations["revokeOrgToken"];
        options?: never;
        head?: never;
        /** Change an organization's API token (admin+) */
        patch: operations["updateOrgToken"];
        trace?: never;
    };
    "/api/v1/orgs/{org}/tokens/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the secret of an organization's API token (admin+)
         * @description The old secret works for gracePeriodSeconds more.
         */
        post: operations["rotateOrgToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/tokens/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Uses of one of an organization's API tokens, per hour or day
         * @description One point per UTC bucket from `from` to `to`, empty ones at zero, as for a personal token. Default: the last 24 hours by hour. At most 400 buckets.
         */
        get: operations["getOrgTokenUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orgs/{org}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Uses of all of an organization's API tokens, per hour or day
         * @description The same points as a token's usage, summed over every token the organization owns (revoked ones included), and its most used tokens in the range. Default: the last 24 hours by hour. At most 400 buckets.
         */
        get: operations["getOrgUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scopes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every scope an API token can hold: the built-in ones, then the policy file's */
        get: operations["listScopes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's active sessions, newest first */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        /**
         * Revoke every session but the calling one
         * @description Called with an API token, which belongs to no session, it revokes them all.
         */
        delete: operations["revokeOtherSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a session: its tokens stop working at once. Idempotent. */
        delete: operations["revokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's API tokens, newest first */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create an API token
         * @description The secret is in this response only. It can grant only scopes the caller holds.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One API token of the caller */
        get: operations["getToken"];
        put?: never;
        post?: never;
        /**
         * Revoke a token: it stops working at once. Idempotent.
         * @description With `permanent=true` the row is deleted too, at once (the audit log keeps the events); a token already deleted is 404.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        /** Rename, describe, rescope, change the allowlist, expiry or rate limits of a token */
        patch: operations["updateToken"];
        trace?: never;
    };
    "/api/v1/tokens/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the secret of a token
         * @description Same name, scopes, allowlist and expiry policy; the old secret works for gracePeriodSeconds more.
         */
        post: operations["rotateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Uses of one API token of the caller, per hour or day
         * @description One point per UTC bucket from `from` to `to`, empty ones at zero: uses let through (`valid`) and refused ones by code. Default: the last 24 hours by hour. At most 400 buckets.
         */
        get: operations["usageOfTokenUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API token making this request */
        get: operations["getCurrentToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/current/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke the API token making this request
         * @description Any API token may retire itself, whatever its scopes. Not for session tokens.
         */
        post: operations["revokeCurrentToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/defaults": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lifetime a new API token gets by default, and the longest */
        get: operations["getTokenDefaults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * May this credential be used now? Counts as its use
         * @description Needs the `tokens:verify` or `admin` scope. Always 200: `code` says why a credential is not valid. Unlike introspection, this charges an API token's rate limits and records its last use from `clientIp`.
         */
        post: operations["verifyCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A stream of credentials whose state changed, for caches of verifications
         * @description Needs the `tokens:verify` or `admin` scope. Server-sent events: `ready` first (`{"resumed", "exact"}`: when `resumed` is false, events may have been missed and a cache must be emptied), then `invalidate` (`{"tokens"?, "sessions"?, "users"?}`: SHA-256 of API token secrets in base64, session ids, user ids whose credentials changed) and `state` (`{"exact"}`: empty the cache; cache only while exact). A comment every 15 s. Resume with `Last-Event-ID`. The stream ends when the calling credential itself changes.
         */
        get: operations["streamVerifyEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: operations["live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The service can answer: the database responds
         * @description Also reports Redis (`up`, `down`, or `off` when not configured). Redis being down does not make the instance unready: it falls back to local counters and short-lived caches.
         */
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitationDto: {
            /**
             * @description From the link of the invitation mail (after #token=)
             * @example tsri_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA
             */
            token: string;
        };
        AdminOrgDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example 3 */
            members: number;
            /** @example Acme Corp */
            name: string;
            policy: components["schemas"]["OrgPolicyDto"];
            /** @example acme */
            slug: string;
        };
        AdminOrgPageDto: {
            items: components["schemas"]["AdminOrgDto"][];
            nextCursor: string | null;
        };
        AdminUserDto: {
            /** @description Live sessions */
            activeSessions: number;
            /** @description Active API tokens */
            activeTokens: number;
            /** Format: date-time */
            createdAt: string;
            disabled: boolean;
            /** Format: email */
            email: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastLoginAt: string | null;
            name: string | null;
            /** @enum {string} */
            role: "user" | "admin";
        };
        AdminUserPageDto: {
            items: components["schemas"]["AdminUserDto"][];
            nextCursor: string | null;
        };
        AuditActorDto: {
            /** Format: uuid */
            credentialId: string | null;
            /** @description The actor's email now; null: the system, or a user since deleted */
            email: string | null;
            ip: string | null;
            userAgent: string | null;
            /**
             * Format: uuid
             * @description Null: the system
             */
            userId: string | null;
            /** @example api_token */
            via: string | null;
        };
        AuditEventDto: {
            /** @enum {string} */
            action: "user.registered" | "user.created" | "user.password_changed" | "user.password_reset" | "user.role_changed" | "user.disabled" | "user.enabled" | "session.created" | "session.revoked" | "session.refresh_reuse" | "token.created" | "token.updated" | "token.rotated" | "token.revoked" | "token.deleted" | "token.imported" | "job.run" | "mfa.totp_enabled" | "mfa.totp_disabled" | "mfa.recovery_code_used" | "mfa.passkey_added" | "mfa.passkey_removed" | "session.stepped_up" | "org.created" | "org.updated" | "org.deleted" | "org.member_added" | "org.member_role_changed" | "org.member_removed" | "org.invitation_created" | "org.invitation_withdrawn";
            actor: components["schemas"]["AuditActorDto"];
            details: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            occurredAt: string;
            target: components["schemas"]["AuditTargetDto"];
        };
        AuditPageDto: {
            items: components["schemas"]["AuditEventDto"][];
            nextCursor: string | null;
        };
        AuditTargetDto: {
            /** Format: uuid */
            id: string | null;
            /** @description What people call the target: a user's email, a token's name */
            label: string | null;
            /**
             * Format: uuid
             * @description The organization the target belongs to
             */
            orgId: string | null;
            /** @description The owner's email now; null when there is none (or it was deleted) */
            ownerEmail: string | null;
            /** Format: uuid */
            ownerId: string | null;
            /** @enum {string} */
            type: "user" | "session" | "token" | "job" | "org";
        };
        BrowserSessionDto: {
            /** @description Session access token: keep it in memory only */
            accessToken: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** Format: uuid */
            sessionId: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        ChangePasswordDto: {
            currentPassword: string;
            newPassword: string;
        };
        CreatedTokenDto: {
            allowedIps: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description An organization's token: who made it (null once that user is deleted)
             */
            createdBy?: string | null;
            description: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Imported tokens only: the id the system it came from knew it by */
            externalId?: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Within 60 s
             */
            lastUsedAt: string | null;
            lastUsedIp: string | null;
            name: string;
            /**
             * Format: uuid
             * @description An organization's token: its organization
             */
            orgId?: string;
            /**
             * @description The first 8 characters of the secret; `legacy` for an imported token
             * @example tsr_a1B2
             */
            prefix: string;
            quota?: components["schemas"]["TokenQuotaViewDto"];
            rateLimit: components["schemas"]["TokenRateLimitViewDto"];
            /**
             * Format: date-time
             * @description In the future while a rotation grace period runs
             */
            revokedAt: string | null;
            scopes: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description The secret. Shown this once: only a hash of it is kept. */
            token: string;
        };
        CreateInvitationDto: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /**
             * @example member
             * @enum {string}
             */
            role: "member" | "admin" | "owner";
        };
        CreateOrgDto: {
            /** @example Acme Corp */
            name: string;
            /**
             * @description Stored lower-cased, unique ignoring case; derived from the name when absent. Reserved words and id-shaped slugs are refused.
             * @example acme
             */
            slug?: string;
        };
        CreateTokenDto: {
            /**
             * @description Addresses or CIDR blocks the token may be used from; empty or absent: any
             * @example [
             *       "203.0.113.7",
             *       "10.0.0.0/8",
             *       "2001:db8::/32"
             *     ]
             */
            allowedIps?: string[];
            description?: string;
            /**
             * Format: date-time
             * @description Instead of expiresInDays: in the future, within 3650 days
             */
            expiresAt?: string;
            /**
             * @description Not together with expiresAt
             * @example 90
             */
            expiresInDays?: number;
            /** @example CI deploys */
            name: string;
            quota?: components["schemas"]["TokenQuotaDto"];
            rateLimit?: components["schemas"]["TokenRateLimitDto"];
            /**
             * @example [
             *       "tokens:read"
             *     ]
             */
            scopes: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
        };
        CreateUserDto: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /** @example Ada Lovelace */
            name?: string;
            /**
             * @default user
             * @enum {string}
             */
            role: "user" | "admin";
        };
        CredentialDto: {
            /** @enum {string} */
            kind: "session" | "api_token";
            /**
             * Format: uuid
             * @description An organization's token: its organization
             */
            orgId?: string;
            /** @enum {string} */
            role: "user" | "admin" | "service";
            scopes: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
            /** Format: uuid */
            sessionId?: string;
            /** Format: uuid */
            tokenId?: string;
            /**
             * Format: uuid
             * @description Absent for an organization's token
             */
            userId?: string;
        };
        CredentialsReceivedDto: {
            /**
             * @description How many strings the report held: the same whether or not any was live
             * @example 1
             */
            received: number;
        };
        ErrorResponseDto: {
            /** @example Bad Request */
            error: string;
            /**
             * @example [
             *       "email must be an email"
             *     ]
             */
            message: string | string[];
            /** @example 400 */
            statusCode: number;
        };
        ImportErrorDto: {
            /** @description The row, counted from 0 */
            index: number;
            message: string;
        };
        ImportResultDto: {
            /** @description The rows not imported, each by its index with why; the other rows were imported or skipped */
            errors: components["schemas"]["ImportErrorDto"][];
            /** @description Tokens imported (or that would be, in a dry run) */
            imported: number;
            /** @description Tokens whose hash was known already, or whose imported token was revoked or deleted since: left as they were (each in `skippedRows`, with why) */
            skipped: number;
            /** @description The rows skipped, each by its index with why */
            skippedRows: components["schemas"]["ImportSkippedDto"][];
        };
        ImportSkippedDto: {
            /** @description The row, counted from 0 */
            index: number;
            /**
             * @description `exists`: a token with this hash is there already (imported before); `retired`: a token with this hash was imported before and has since been revoked or deleted, and is not brought back
             * @enum {string}
             */
            reason: "exists" | "retired";
        };
        ImportTokenRowDto: {
            /**
             * Format: date-time
             * @description Not in the future; absent: now
             */
            createdAt?: string;
            /**
             * Format: date-time
             * @description Absent: never expires
             */
            expiresAt?: string;
            /** @description The id the other system knew it by, shown in the token view */
            externalId?: string;
            /**
             * Format: date-time
             * @description Not in the future
             */
            lastUsedAt?: string;
            /** @example deploy key */
            name: string;
            /**
             * @description The owner, by email; or ownerId, or ownerOrg (exactly one of the three)
             * @example ada@example.com
             */
            ownerEmail?: string;
            /**
             * Format: uuid
             * @description The owner, by id; or ownerEmail, or ownerOrg
             */
            ownerId?: string;
            /**
             * @description The owning organization, by id or slug, instead of a user: the token is an org token, checked against the organization's policy and MAX_TOKENS_PER_ORG
             * @example acme
             */
            ownerOrg?: string;
            /** @description The token string itself, instead of sha256: hashed at once, never stored or logged. Visible ASCII without spaces; never a tsr_ string */
            plaintext?: string;
            /**
             * @example [
             *       "tokens:read"
             *     ]
             */
            scopes: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
            /**
             * @description SHA-256, in hex, of the token string exactly as clients present it; or plaintext, not both
             * @example 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
             */
            sha256?: string;
        };
        ImportTokensDto: {
            /** @description Each row is checked on its own: one that is not a valid row (of this schema, or for the database) is reported by its index in the 200's `errors`, not refused with the call */
            tokens: components["schemas"]["ImportTokenRowDto"][];
        };
        IntrospectDto: {
            /**
             * Format: ip
             * @description The address of the client that presented the token; the answer then says whether the token's IP allowlist admits it
             */
            client_ip?: string;
            /** @description The API token or session access token to look at */
            token: string;
            /** @description Accepted and ignored: the token tells its own kind */
            token_type_hint?: string;
        };
        IntrospectionDto: {
            active: boolean;
            /** @description Only when client_ip was given */
            client_ip_allowed?: boolean;
            /**
             * @description Which kind of credential
             * @enum {string}
             */
            credential?: "api_token" | "session";
            /** @description When it stops working, in seconds since the epoch */
            exp?: number;
            /** @description When it was issued (session access tokens) */
            iat?: number;
            /** @description The API token id, or the session id */
            jti?: string;
            /** @enum {string} */
            role?: "user" | "admin";
            /**
             * @description Space-separated scopes
             * @example tokens:read profile:read
             */
            scope?: string;
            /** @description The user id */
            sub?: string;
            /** @example Bearer */
            token_type?: string;
        };
        InvitationDto: {
            /** Format: date-time */
            createdAt: string;
            /** @example ada@example.com */
            email: string;
            /** Format: date-time */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            invitedBy: string | null;
            /** @enum {string} */
            role: "member" | "admin" | "owner";
        };
        InvitationListDto: {
            items: components["schemas"]["InvitationDto"][];
        };
        JobDto: {
            /** @example 0 3 * * * */
            cron: string;
            description: string;
            /** @description Scheduled on this instance */
            enabled: boolean;
            lastResult: components["schemas"]["JobRunDto"] | null;
            /** @description Start of the last finished run */
            lastRunAt: string | null;
            /** @example purge-tokens */
            name: string;
            /** @description Null when not scheduled here */
            nextRunAt: string | null;
            /** @description Running now, on any instance */
            running: boolean;
            /** @example UTC */
            timeZone: string;
        };
        JobRunDto: {
            counts: {
                [key: string]: number;
            };
            durationMs: number | null;
            /** @description Why it failed or was skipped */
            error: string | null;
            finishedAt: string | null;
            /**
             * Format: uuid
             * @description Null for dry runs
             */
            id: string | null;
            /** @description The instance that ran it */
            instance: string | null;
            job: string;
            /** @enum {string} */
            outcome: "running" | "ok" | "failed" | "skipped";
            startedAt: string;
            /** @enum {string} */
            trigger: "schedule" | "admin" | "cli";
        };
        LoginDto: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /** @example correct horse battery */
            password: string;
        };
        MemberDto: {
            /** @example ada@example.com */
            email: string;
            /** Format: date-time */
            joinedAt: string;
            /** @example Ada */
            name: string | null;
            /** @enum {string} */
            role: "member" | "admin" | "owner";
            /** Format: uuid */
            userId: string;
        };
        MemberListDto: {
            items: components["schemas"]["MemberDto"][];
        };
        MembershipDto: {
            /** Format: date-time */
            joinedAt: string;
            /** @example Acme Corp */
            name: string;
            /** Format: uuid */
            orgId: string;
            /** @enum {string} */
            role: "member" | "admin" | "owner";
            /** @example acme */
            slug: string;
            /** Format: uuid */
            userId: string;
        };
        MfaPasskeyOptionsDto: {
            /** @description From the login answer */
            mfaToken: string;
        };
        MfaRequiredDto: {
            methods: ("totp" | "passkey" | "recovery")[];
            /** @enum {boolean} */
            mfaRequired: true;
            /** @description Send it to POST /auth/mfa/verify: 5 minutes, 5 attempts, once */
            mfaToken: string;
        };
        MfaVerifyDto: {
            /** @description TOTP code: 6 digits, spaces ignored */
            code?: string;
            /** @description From the login answer */
            mfaToken: string;
            /** @description The PublicKeyCredential the browser returned from navigator.credentials.get(), as JSON (e.g. @simplewebauthn/browser startAuthentication) */
            passkey?: {
                [key: string]: unknown;
            };
            /** @description A recovery code; case, dashes and spaces do not matter */
            recoveryCode?: string;
        };
        OAuthTokenDto: {
            access_token: string;
            /** @example 900 */
            expires_in: number;
            refresh_token: string;
            /**
             * @description Space-separated: the scopes the access tokens carry
             * @example tokens:read profile:read
             */
            scope: string;
            /** @example Bearer */
            token_type: string;
        };
        OrgDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @example Acme Corp */
            name: string;
            policy: components["schemas"]["OrgPolicyDto"];
            /**
             * @description The caller's role
             * @enum {string}
             */
            role: "member" | "admin" | "owner";
            /** @example acme */
            slug: string;
        };
        OrgListDto: {
            items: components["schemas"]["OrgDto"][];
        };
        OrgPolicyDto: {
            /**
             * @description The only scopes org tokens may carry
             * @example [
             *       "tokens:read"
             *     ]
             */
            allowedScopes?: string[];
            /**
             * @description The longest lifetime of an org token, in days
             * @example 90
             */
            maxTokenDays?: number;
            quota?: components["schemas"]["TokenQuotaDto"];
            rateLimit?: components["schemas"]["OrgRateLimitDto"];
            /**
             * @description Every org token must name the addresses it may be used from
             * @example true
             */
            requireIpAllowlist?: boolean;
        };
        OrgRateLimitDto: {
            /** @example 50000 */
            perHour?: number;
            /** @example 1000 */
            perMinute?: number;
        };
        OrgTopTokenDto: {
            /** @description The token name */
            name: string;
            /** @description Uses refused in the range, all codes together */
            refused: number;
            /** Format: uuid */
            tokenId: string;
            /** @description Uses let through in the range */
            valid: number;
        };
        OrgUsageDto: {
            /** @enum {string} */
            granularity: "hour" | "day";
            /** Format: uuid */
            orgId: string;
            /** @description One point per bucket, oldest first: the sum of the organization's tokens */
            series: components["schemas"]["UsagePointDto"][];
            /** @description The organization's most used tokens in the range (at most 10), most first */
            top: components["schemas"]["OrgTopTokenDto"][];
        };
        OwnedTokenDto: {
            allowedIps: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description An organization's token: who made it (null once that user is deleted)
             */
            createdBy?: string | null;
            description: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Imported tokens only: the id the system it came from knew it by */
            externalId?: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Within 60 s
             */
            lastUsedAt: string | null;
            lastUsedIp: string | null;
            name: string;
            /**
             * Format: uuid
             * @description An organization's token: its organization
             */
            orgId?: string;
            /** @description The owner's email */
            ownerEmail: string | null;
            /**
             * @description The first 8 characters of the secret; `legacy` for an imported token
             * @example tsr_a1B2
             */
            prefix: string;
            quota?: components["schemas"]["TokenQuotaViewDto"];
            rateLimit: components["schemas"]["TokenRateLimitViewDto"];
            /**
             * Format: date-time
             * @description In the future while a rotation grace period runs
             */
            revokedAt: string | null;
            scopes: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /**
             * Format: uuid
             * @description The owner; null for an organization's token (see orgId)
             */
            userId: string | null;
        };
        OwnedTokenPageDto: {
            items: components["schemas"]["OwnedTokenDto"][];
            nextCursor: string | null;
        };
        PasskeyLoginDto: {
            /** @description The PublicKeyCredential the browser returned from navigator.credentials.get(), as JSON (e.g. @simplewebauthn/browser startAuthentication) */
            passkey: {
                [key: string]: unknown;
            };
        };
        PasskeyRegisterDto: {
            /** @description The PublicKeyCredential from navigator.credentials.create(), as JSON (e.g. @simplewebauthn/browser startRegistration) */
            credential: {
                [key: string]: unknown;
            };
            /** @example Laptop */
            name: string;
        };
        PasskeyRenameDto: {
            /** @example Phone */
            name: string;
        };
        PasskeyViewDto: {
            /** Format: date-time */
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
        };
        PasswordGrantDto: {
            /** @description Ignored */
            client_id?: string;
            /** @description Ignored */
            client_secret?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            grant_type: "PasswordGrantDto";
            password: string;
            /** @description Ignored */
            scope?: string;
            /**
             * Format: email
             * @description The email
             */
            username: string;
        };
        PasswordResetConfirmDto: {
            newPassword: string;
            /**
             * @description The token from the mailed link: what follows `#token=`
             * @example tsrp_…
             */
            token: string;
        };
        PasswordResetRequestDto: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
        };
        PasswordResetRequestedDto: {
            /** @description One and the same text whether or not an account has this email */
            message: string;
        };
        PurgeResultDto: {
            /** @description Audit events older than AUDIT_RETENTION_DAYS */
            auditEvents: number;
            dryRun: boolean;
            /** @description Idempotency-Key records deleted */
            idempotencyKeys: number;
            /** @description Expired second-step login challenges (mfaToken) */
            mfaChallenges: number;
            /** @description Spent or expired password-reset links deleted */
            passwordResetTokens: number;
            /** @description The recorded runs, one per purge job */
            runs: components["schemas"]["JobRunDto"][];
            /** @description Sessions deleted, with their refresh tokens */
            sessions: number;
            /** @description API tokens deleted (or that would be) */
            tokens: number;
            /** @description API tokens' hourly usage counts older than USAGE_RETENTION_DAYS */
            tokenUsage: number;
            /** @description Expired passkey (WebAuthn) ceremony challenges */
            webauthnChallenges: number;
            /** @description Webhook events delivered or given up more than 7 days ago */
            webhookEvents: number;
        };
        QuotaDto: {
            /** @description Successful uses allowed in the period */
            limit: number;
            /** @description Successful uses left in the period, after this one */
            remaining: number;
            /**
             * Format: date-time
             * @description When the period ends (UTC); null for a quota over the whole life of the token
             */
            reset: string | null;
        };
        RateLimitDto: {
            /** @description Requests allowed in the window nearest to exhaustion */
            limit: number;
            /** @description Requests left in that window */
            remaining: number;
            /** @description Seconds until that window starts over */
            reset: number;
        };
        RecoveryCodesDto: {
            /**
             * @description Ten single-use codes, shown only here: store them somewhere safe
             * @example [
             *       "abcde-fghjk"
             *     ]
             */
            recoveryCodes: string[];
        };
        RefreshDto: {
            /** @description The refresh token from login or the previous refresh */
            refreshToken: string;
        };
        RefreshTokenGrantDto: {
            /** @description Ignored */
            client_id?: string;
            /** @description Ignored */
            client_secret?: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            grant_type: "RefreshTokenGrantDto";
            refresh_token: string;
            /** @description Ignored */
            scope?: string;
        };
        RegisterDto: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /** @example Ada Lovelace */
            name?: string;
            /** @example correct horse battery */
            password: string;
        };
        RegistrationModeDto: {
            /**
             * @description `open`: anyone may sign up; `invite`: only emails with a pending organization invitation; `closed`: nobody (POST /auth/register answers 403)
             * @enum {string}
             */
            mode: "open" | "invite" | "closed";
        };
        RevokeCredentialsDto: {
            /**
             * @description Secrets found exposed, as found (`tsr_…`). Strings that are not well-formed API tokens are ignored.
             * @example [
             *       "tsr_0123456789abcdefghijABCDEFGHIJ012345678A"
             *     ]
             */
            credentials: string[];
        };
        RevokedCountDto: {
            /** @example 2 */
            revoked: number;
        };
        RotatedTokenDto: {
            allowedIps: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description An organization's token: who made it (null once that user is deleted)
             */
            createdBy?: string | null;
            description: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Imported tokens only: the id the system it came from knew it by */
            externalId?: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Within 60 s
             */
            lastUsedAt: string | null;
            lastUsedIp: string | null;
            name: string;
            /**
             * Format: uuid
             * @description An organization's token: its organization
             */
            orgId?: string;
            /**
             * @description The first 8 characters of the secret; `legacy` for an imported token
             * @example tsr_a1B2
             */
            prefix: string;
            quota?: components["schemas"]["TokenQuotaViewDto"];
            rateLimit: components["schemas"]["TokenRateLimitViewDto"];
            /**
             * Format: date-time
             * @description In the future while a rotation grace period runs
             */
            revokedAt: string | null;
            /** Format: uuid */
            rotatedFromId: string;
            scopes: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
            /** @description The secret. Shown this once: only a hash of it is kept. */
            token: string;
        };
        RotateTokenDto: {
            /**
             * @description How long the replaced token keeps working
             * @default 0
             */
            gracePeriodSeconds: number;
        };
        RunJobDto: {
            /**
             * @description Count what would be deleted, delete nothing
             * @default false
             */
            dryRun: boolean;
        };
        ScopeDto: {
            /** @description Only admins may hold or grant it */
            adminOnly: boolean;
            /** @description Tessera's own, or declared in the deployment's policy file */
            builtIn: boolean;
            /** @example List and read your API tokens */
            description: string;
            /** @example tokens:read */
            name: string;
            /** @description The roles that may hold it */
            roles: ("user" | "admin")[];
        };
        SecondFactorsDto: {
            /** @description How many passkeys are registered */
            passkeys: number;
            /** @description Recovery codes not used yet */
            recoveryCodesLeft: number;
            /** @description An authenticator app (TOTP) is enabled */
            totp: boolean;
        };
        SessionDto: {
            /** Format: date-time */
            createdAt: string;
            /** @description Whether this is the session making the request */
            current: boolean;
            deviceId: string | null;
            deviceName: string | null;
            /**
             * Format: date-time
             * @description When the session ends unless refreshed
             */
            expiresAt: string;
            /** Format: uuid */
            id: string;
            ip: string | null;
            /**
             * Format: date-time
             * @description Last login or refresh
             */
            lastUsedAt: string;
            userAgent: string | null;
        };
        StepUpDto: {
            /** @description TOTP code: 6 digits, spaces ignored */
            code?: string;
            /** @description The PublicKeyCredential the browser returned from navigator.credentials.get(), as JSON (e.g. @simplewebauthn/browser startAuthentication) */
            passkey?: {
                [key: string]: unknown;
            };
            /** @description Only for an account without a second factor */
            password?: string;
            /** @description A recovery code; case, dashes and spaces do not matter */
            recoveryCode?: string;
        };
        StepUpResultDto: {
            /**
             * Format: date-time
             * @description When the session last proved its user: now
             */
            authTime: string;
        };
        TokenDefaultsDto: {
            /**
             * @description Days a token created without an expiry lives (TOKEN_DEFAULT_DAYS); null: it never expires
             * @example 90
             */
            defaultDays: number | null;
            /**
             * @description The longest lifetime a token may be given, in days (TOKEN_MAX_DAYS)
             * @example 3650
             */
            maxDays: number;
        };
        TokenDto: {
            allowedIps: string[];
            /** Format: date-time */
            createdAt: string;
            /**
             * Format: uuid
             * @description An organization's token: who made it (null once that user is deleted)
             */
            createdBy?: string | null;
            description: string | null;
            /** Format: date-time */
            expiresAt: string | null;
            /** @description Imported tokens only: the id the system it came from knew it by */
            externalId?: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: date-time
             * @description Within 60 s
             */
            lastUsedAt: string | null;
            lastUsedIp: string | null;
            name: string;
            /**
             * Format: uuid
             * @description An organization's token: its organization
             */
            orgId?: string;
            /**
             * @description The first 8 characters of the secret; `legacy` for an imported token
             * @example tsr_a1B2
             */
            prefix: string;
            quota?: components["schemas"]["TokenQuotaViewDto"];
            rateLimit: components["schemas"]["TokenRateLimitViewDto"];
            /**
             * Format: date-time
             * @description In the future while a rotation grace period runs
             */
            revokedAt: string | null;
            scopes: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
            /** @enum {string} */
            status: "active" | "expired" | "revoked";
        };
        TokenPageDto: {
            items: components["schemas"]["TokenDto"][];
            nextCursor: string | null;
        };
        TokenPairDto: {
            /** @description Session access token, sent as `Authorization: Bearer …` */
            accessToken: string;
            /**
             * @description Seconds until the access token expires
             * @example 900
             */
            expiresIn: number;
            /** @description Single-use; exchange it at /auth/refresh for a new pair */
            refreshToken: string;
            /** Format: uuid */
            sessionId: string;
            /** @example Bearer */
            tokenType: string;
        };
        TokenQuotaDto: {
            /** @description Successful uses allowed in each period */
            limit: number;
            /**
             * @description A UTC calendar day or month, or the whole life of the token (and its rotations)
             * @enum {string}
             */
            period: "day" | "month" | "total";
        };
        TokenQuotaViewDto: {
            limit: number;
            /** @enum {string} */
            period: "day" | "month" | "total";
            /** @description Successful uses left in this period */
            remaining: number;
            /**
             * Format: date-time
             * @description When the period ends and the quota starts over; null for total
             */
            reset: string | null;
        };
        TokenRateLimitDto: {
            /** @description Requests an hour; at most TOKEN_RATE_PER_HOUR (400 above it) */
            perHour?: number;
            /** @description Requests a minute; at most TOKEN_RATE_PER_MINUTE (400 above it) */
            perMinute?: number;
        };
        TokenRateLimitPatchDto: {
            /** @description Requests an hour, at most TOKEN_RATE_PER_HOUR; null: the server’s limit */
            perHour?: number | null;
            /** @description Requests a minute, at most TOKEN_RATE_PER_MINUTE; null: the server’s limit */
            perMinute?: number | null;
        };
        TokenRateLimitViewDto: {
            /** @description Requests an hour; null: the server’s limit (TOKEN_RATE_PER_HOUR) */
            perHour: number | null;
            /** @description Requests a minute; null: the server’s limit (TOKEN_RATE_PER_MINUTE) */
            perMinute: number | null;
        };
        TokenUsageDto: {
            /** @enum {string} */
            granularity: "hour" | "day";
            /** @description One point per bucket, oldest first */
            series: components["schemas"]["UsagePointDto"][];
            /** Format: uuid */
            tokenId: string;
        };
        TopTokenDto: {
            /** @description The token name */
            name: string | null;
            refused: number;
            /** Format: uuid */
            tokenId: string;
            /** @description valid + refused */
            total: number;
            /**
             * Format: uuid
             * @description The owner
             */
            userId: string | null;
            valid: number;
        };
        TopUsageDto: {
            /**
             * Format: date-time
             * @description Start of the first hour counted
             */
            from: string;
            /** @description Most uses first */
            items: components["schemas"]["TopTokenDto"][];
            /**
             * Format: date-time
             * @description End of the last hour counted
             */
            to: string;
        };
        TotpCodeDto: {
            /**
             * @description 6 digits; spaces are ignored
             * @example 123456
             */
            code: string;
        };
        TotpSetupDto: {
            /** @example otpauth://totp/Tessera:ada%40example.com?secret=…&issuer=Tessera */
            otpauthUri: string;
            /** @description The otpauth URI as a QR code, an SVG document */
            qrSvg: string;
            /** @description Base32 secret, for typing into an app that cannot scan */
            secret: string;
        };
        UpdateMemberDto: {
            /**
             * @example admin
             * @enum {string}
             */
            role: "member" | "admin" | "owner";
        };
        UpdateOrgDto: {
            /** @example Acme Corporation */
            name?: string;
            policy?: components["schemas"]["OrgPolicyDto"];
        };
        UpdateTokenDto: {
            /** @description [] allows any address */
            allowedIps?: string[];
            /** @description null clears it */
            description?: string | null;
            /**
             * Format: date-time
             * @description A new expiry: in the future, within TOKEN_MAX_DAYS (default 3650) of now
             */
            expiresAt?: string;
            name?: string;
            quota?: components["schemas"]["TokenQuotaDto"] | null;
            rateLimit?: components["schemas"]["TokenRateLimitPatchDto"];
            scopes?: ("tokens:read" | "tokens:write" | "sessions:read" | "sessions:write" | "profile:read" | "tokens:introspect" | "tokens:verify" | "admin")[];
        };
        UpdateUserDto: {
            /** @description true: every session and API token of the user is refused from the next request on, and login answers as for a wrong password; false: they work again */
            disabled?: boolean;
            /**
             * @description Seen at once by every instance
             * @enum {string}
             */
            role?: "user" | "admin";
        };
        UsagePointDto: {
            /**
             * @description Refused uses by code (RATE_LIMITED, IP_NOT_ALLOWED, USAGE_EXCEEDED, …)
             * @example {
             *       "RATE_LIMITED": 2
             *     }
             */
            refused: {
                [key: string]: number;
            };
            /**
             * Format: date-time
             * @description Start of the bucket (UTC)
             */
            start: string;
            /** @description Uses that were let through */
            valid: number;
        };
        UserDto: {
            /** Format: date-time */
            createdAt: string;
            email: string;
            /** Format: uuid */
            id: string;
            name: string | null;
            /** @enum {string} */
            role: "user" | "admin";
        };
        VerificationDto: {
            /** @enum {string} */
            code: "VALID" | "NOT_FOUND" | "EXPIRED" | "REVOKED" | "IP_NOT_ALLOWED" | "RATE_LIMITED" | "USER_DISABLED" | "USAGE_EXCEEDED" | "INSUFFICIENT_SCOPE" | "MFA_ENROLLMENT_REQUIRED";
            /** @enum {string} */
            credential?: "api_token" | "session";
            /**
             * Format: date-time
             * @description When the credential stops working (absent: never)
             */
            expiresAt?: string;
            /** @description Set for an organization's API token: its organization */
            orgId?: string;
            /** @description A user's credential: the organizations the user belongs to, with the role ([] for none) */
            orgs?: components["schemas"]["VerifiedOrgDto"][];
            /** @description Set for an organization's API token: its organization's slug */
            orgSlug?: string;
            /** @description An API token's usage quota after this use (or when it is USAGE_EXCEEDED) */
            quota?: components["schemas"]["QuotaDto"];
            /** @description An API token's quota after this use (or when it is RATE_LIMITED) */
            rateLimit?: components["schemas"]["RateLimitDto"];
            /** @enum {string} */
            role?: "user" | "admin" | "service";
            scopes?: string[];
            /** @description Set for a session access token */
            sessionId?: string;
            /** @description Set for an API token */
            tokenId?: string;
            userId?: string;
            /** @description Whether the request carrying the token may go ahead */
            valid: boolean;
        };
        VerifiedOrgDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member";
            /** @example acme */
            slug: string;
        };
        VerifyDto: {
            /**
             * Format: ip
             * @description The address of the client that presented the token: checked against the token's allowlist and recorded as its last use
             * @example 127.0.0.1
             */
            clientIp?: string;
            /**
             * @description Scopes the credential must all hold; a missing one gives INSUFFICIENT_SCOPE
             * @example [
             *       "tokens:read"
             *     ]
             */
            scopes?: string[];
            /**
             * @description The API token or session access token presented to your service
             * @example tsr_…
             */
            token: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description One action or several: repeated (`action=a&action=b`) or comma-separated */
                action?: ("user.registered" | "user.created" | "user.password_changed" | "user.password_reset" | "user.role_changed" | "user.disabled" | "user.enabled" | "session.created" | "session.revoked" | "session.refresh_reuse" | "token.created" | "token.updated" | "token.rotated" | "token.revoked" | "token.deleted" | "token.imported" | "job.run" | "mfa.totp_enabled" | "mfa.totp_disabled" | "mfa.recovery_code_used" | "mfa.passkey_added" | "mfa.passkey_removed" | "session.stepped_up" | "org.created" | "org.updated" | "org.deleted" | "org.member_added" | "org.member_role_changed" | "org.member_removed" | "org.invitation_created" | "org.invitation_withdrawn")[];
                /** @description The email of the user who acted (exact, any case); instead of actorId */
                actorEmail?: string;
                /** @description The user who acted */
                actorId?: string;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 20; 50 for the audit log) */
                limit?: number;
                /** @description The email of the user the target belongs to; instead of ownerId */
                ownerEmail?: string;
                /** @description The user the target belongs to */
                ownerId?: string;
                /** @description Events at or after this time */
                since?: string;
                /** @description The token, session, user or job run */
                targetId?: string;
                targetType?: "user" | "session" | "token" | "job" | "org";
                /** @description Events before this time */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPageDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listJobs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobDto"][];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    runJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Another name is 404 */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunJobDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRunDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Job not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The job is running on another instance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not started: purge-tokens is running on another instance; try again when it ends"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listJobRuns: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                /** @description Another name is 404 */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobRunDto"][];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Job not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    adminListOrgs: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Items per page (default 20; 50 for the audit log) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminOrgPageDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    purge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RunJobDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PurgeResultDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A purge job is running on another instance */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Not started: purge-tokens is running on another instance; try again when it ends"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    adminListTokens: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                expiringWithinDays?: number;
                /** @description Items per page (default 20; 50 for the audit log) */
                limit?: number;
                status?: "active" | "expired" | "revoked" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OwnedTokenPageDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    adminRevokeToken: {
        parameters: {
            query?: {
                /** @description Also delete the row at once (the audit log keeps the events) */
                permanent?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    importTokens: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportTokensDto"];
            };
        };
        responses: {
            /** @description Every row counted once: imported, skipped (known already, or revoked or deleted since it was imported: each in `skippedRows` with why) or in `errors` */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
            /** @description A malformed call: not an object, `tokens` missing, not an array, empty or over 1000 rows, or an unknown field; nothing was imported */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A body over 2 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    topAdminUsage: {
        parameters: {
            query?: {
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: 24 hours (30 days by day) before `to` */
                from?: string;
                limit?: number;
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: now */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUsageDto"];
                };
            };
            /** @description An unreadable date, from not before to, or a range over 400 days */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                disabled?: boolean;
                /** @description A part of the email, in any letter case */
                email?: string;
                /** @description Items per page (default 20; 50 for the audit log) */
                limit?: number;
                role?: "user" | "admin";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserPageDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createAdminUserCreation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Email taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Email taken"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "User not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description An admin disabling or demoting themself */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "User not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The change would leave no enabled admin */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The change would leave no enabled admin"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    logoutUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCountDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "User not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listUserTokens: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                expiringWithinDays?: number;
                /** @description Items per page (default 20; 50 for the audit log) */
                limit?: number;
                status?: "active" | "expired" | "revoked" | "all";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPageDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"admin\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "User not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    browserLogin: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be `1` */
                "X-Tessera-CSRF": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description The access token; or, for a user with a second factor, `{mfaRequired: true, mfaToken, methods}` to complete at POST /auth/browser/mfa/verify (no cookie until then) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"] | components["schemas"]["MfaRequiredDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unknown email or wrong password */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Cross-site request */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    browserLogout: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be `1` */
                "X-Tessera-CSRF": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Cross-site request */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    browserVerifySecondFactor: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be `1` */
                "X-Tessera-CSRF": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong factor or passkey, or an unknown, expired or used mfaToken */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Cross-site request */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    browserPasskeyLogin: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be `1` */
                "X-Tessera-CSRF": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong factor or passkey, or an unknown, expired or used mfaToken */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Cross-site request */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    browserRefresh: {
        parameters: {
            query?: never;
            header: {
                /** @description Must be `1` */
                "X-Tessera-CSRF": "1";
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BrowserSessionDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No cookie, or an unknown, expired, revoked or reused refresh token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Cross-site request */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description A new login from the same device replaces its session */
                "X-Device-Id"?: string;
                "X-Device-Name"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct horse battery"
                 *     }
                 */
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            /** @description The tokens; or, for a user with a second factor, `{mfaRequired: true, mfaToken, methods}` to complete at POST /auth/mfa/verify */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"] | components["schemas"]["MfaRequiredDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unknown email or wrong password */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Invalid email or password"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    logoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCountDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope sessions:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"sessions:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope profile:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"profile:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getSecondFactors: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecondFactorsDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope profile:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"profile:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    secondFactorPasskeyOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaPasskeyOptionsDto"];
            };
        };
        responses: {
            /** @description PublicKeyCredential options in their JSON form: hand them to @simplewebauthn/browser (startRegistration or startAuthentication) or decode them for navigator.credentials */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description An unknown, expired, used or used-up mfaToken */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listPasskeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyViewDto"][];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope profile:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"profile:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    registerPasskey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyRegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyViewDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description This passkey is registered already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "This passkey is registered already"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deletePasskey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description An admin’s last factor while REQUIRE_MFA_FOR_ADMINS is on */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "An admin’s last factor while REQUIRE_MFA_FOR_ADMINS is on"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    renamePasskey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyRenameDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyViewDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    passkeyRegistrationOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PublicKeyCredential options in their JSON form: hand them to @simplewebauthn/browser (startRegistration or startAuthentication) or decode them for navigator.credentials */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description At most 20 passkeys per account */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "At most 20 passkeys per account"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    setUpTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpSetupDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description TOTP is enabled already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "TOTP is enabled already"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description TOTP is not enabled */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "TOTP is not enabled"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description An admin’s last factor while REQUIRE_MFA_FOR_ADMINS is on */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "An admin’s last factor while REQUIRE_MFA_FOR_ADMINS is on"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TotpCodeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No set-up pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "No set-up pending"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    verifySecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A wrong factor, or an unknown, expired, used or used-up mfaToken */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    passkeyLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasskeyLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The passkey was not accepted */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    passkeySignInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PublicKeyCredential options in their JSON form: hand them to @simplewebauthn/browser (startRegistration or startAuthentication) or decode them for navigator.credentials */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirmDto"];
            };
        };
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Unknown, used or expired token (one message for all), or a password of the wrong length */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "This password-reset link is invalid or has expired"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["PasswordResetRequestDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordResetRequestedDto"];
                };
            };
            /** @description Not an email */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unknown, expired, revoked or reused token */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "ada@example.com",
                 *       "password": "correct horse battery",
                 *       "name": "Ada"
                 *     }
                 */
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Registration is closed (`REGISTRATION=closed`), or by invitation only and this email has none */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Email taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "An account with this email already exists"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    registrationAuth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationModeDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    stepUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StepUpDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepUpResultDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    stepUpPasskeyOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PublicKeyCredential options in their JSON form: hand them to @simplewebauthn/browser (startRegistration or startAuthentication) or decode them for navigator.credentials */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    tokenGrant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordGrantDto"] | components["schemas"]["RefreshTokenGrantDto"];
                "application/x-www-form-urlencoded": components["schemas"]["PasswordGrantDto"] | components["schemas"]["RefreshTokenGrantDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthTokenDto"];
                };
            };
            /** @description RFC 6749 error: `error` is invalid_request, unsupported_grant_type, invalid_grant or invalid_scope */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "invalid_grant",
                     *       "message": "Invalid email or password",
                     *       "error_description": "Invalid email or password"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    whoami: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeLeakedCredentials: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeCredentialsDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsReceivedDto"];
                };
            };
            /** @description Not 1 to 100 strings of 1 to 512 characters */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over AUTH_RATE_PER_MINUTE reports from this address, or LEAK_REPORTS_PER_MINUTE from all together */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many attempts; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    forwardAuth: {
        parameters: {
            query?: never;
            header: {
                /** @description The method of the original request (any case). Or X-Original-Method. */
                "X-Forwarded-Method": string;
                /** @description The path and query of the original request, as sent (percent-escapes allowed). Or X-Original-URI. Refused (400): dot segments, encoded separators, `;`, a literal space or comma in the path, malformed escapes. */
                "X-Forwarded-Uri": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along) */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unreadable original request: a forwarding header missing or sent twice, both header pairs, a method that is no HTTP token, a path it will not read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No or bad credential */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A scope the route needs is missing, or no route of a policy that declares routes covers the path */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the API token's limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    forwardAuthPut: {
        parameters: {
            query?: never;
            header: {
                /** @description The method of the original request (any case). Or X-Original-Method. */
                "X-Forwarded-Method": string;
                /** @description The path and query of the original request, as sent (percent-escapes allowed). Or X-Original-URI. Refused (400): dot segments, encoded separators, `;`, a literal space or comma in the path, malformed escapes. */
                "X-Forwarded-Uri": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along) */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unreadable original request: a forwarding header missing or sent twice, both header pairs, a method that is no HTTP token, a path it will not read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No or bad credential */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A scope the route needs is missing, or no route of a policy that declares routes covers the path */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the API token's limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    forwardAuthPost: {
        parameters: {
            query?: never;
            header: {
                /** @description The method of the original request (any case). Or X-Original-Method. */
                "X-Forwarded-Method": string;
                /** @description The path and query of the original request, as sent (percent-escapes allowed). Or X-Original-URI. Refused (400): dot segments, encoded separators, `;`, a literal space or comma in the path, malformed escapes. */
                "X-Forwarded-Uri": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along) */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unreadable original request: a forwarding header missing or sent twice, both header pairs, a method that is no HTTP token, a path it will not read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No or bad credential */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A scope the route needs is missing, or no route of a policy that declares routes covers the path */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the API token's limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    forwardAuthDelete: {
        parameters: {
            query?: never;
            header: {
                /** @description The method of the original request (any case). Or X-Original-Method. */
                "X-Forwarded-Method": string;
                /** @description The path and query of the original request, as sent (percent-escapes allowed). Or X-Original-URI. Refused (400): dot segments, encoded separators, `;`, a literal space or comma in the path, malformed escapes. */
                "X-Forwarded-Uri": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along) */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unreadable original request: a forwarding header missing or sent twice, both header pairs, a method that is no HTTP token, a path it will not read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No or bad credential */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A scope the route needs is missing, or no route of a policy that declares routes covers the path */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the API token's limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    forwardAuthHead: {
        parameters: {
            query?: never;
            header: {
                /** @description The method of the original request (any case). Or X-Original-Method. */
                "X-Forwarded-Method": string;
                /** @description The path and query of the original request, as sent (percent-escapes allowed). Or X-Original-URI. Refused (400): dot segments, encoded separators, `;`, a literal space or comma in the path, malformed escapes. */
                "X-Forwarded-Uri": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along) */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unreadable original request: a forwarding header missing or sent twice, both header pairs, a method that is no HTTP token, a path it will not read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or bad credential */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A scope the route needs is missing, or no route of a policy that declares routes covers the path */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Over the API token's limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    forwardAuthPatch: {
        parameters: {
            query?: never;
            header: {
                /** @description The method of the original request (any case). Or X-Original-Method. */
                "X-Forwarded-Method": string;
                /** @description The path and query of the original request, as sent (percent-escapes allowed). Or X-Original-URI. Refused (400): dot segments, encoded separators, `;`, a literal space or comma in the path, malformed escapes. */
                "X-Forwarded-Uri": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Allowed. Identity in X-Tessera-User-Id, -Role, -Credential, -Token-Id or -Session-Id, -Scopes (only when a valid credential came along) */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No or unreadable original request: a forwarding header missing or sent twice, both header pairs, a method that is no HTTP token, a path it will not read */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No or bad credential */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A scope the route needs is missing, or no route of a policy that declares routes covers the path */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the API token's limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    introspect: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IntrospectDto"];
                "application/x-www-form-urlencoded": components["schemas"]["IntrospectDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntrospectionDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The credential holds neither tokens:introspect nor admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    acceptOrgInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitationDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipDto"];
                };
            };
            /** @description Invalid input, or an invitation link that is invalid, used or expired */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A member already */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "A member already"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listOrgs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgListDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createOrg: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateOrgDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The slug is in use */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The slug is in use"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    deleteOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, one that is unknown, malformed, expired or revoked, or (Session credentials: needs a proof of identity within STEP_UP_SECONDS (RFC 9470 `insufficient_user_authentication`, see POST /auth/step-up). API tokens: scopes alone.) */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateOrg: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateOrgDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listOrgInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationListDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createOrgInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The email belongs to a member */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The email belongs to a member"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    withdrawOrgInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listOrgMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberListDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    removeOrgMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The last owner */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The last owner"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateOrgMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The last owner */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The last owner"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listOrgTokens: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                expiringWithinDays?: number;
                /** @description Items per page (default 20; 50 for the audit log) */
                limit?: number;
                /** @description Only the tokens that break the organization's policy (made before it was tightened) */
                outOfPolicy?: "true" | "false";
                status?: "active" | "expired" | "revoked" | "all";
            };
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPageDto"];
                };
            };
            /** @description Invalid input, or a rule of the organization's policy broken */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createOrgToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenDto"];
                };
            };
            /** @description Invalid input, or a rule of the organization's policy broken */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description MAX_TOKENS_PER_ORG reached, or an active token of that name exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "MAX_TOKENS_PER_ORG reached, or an active token of that name exists"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 422,
                     *       "error": "Unprocessable Entity",
                     *       "message": "This Idempotency-Key was used with a different request body"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getOrgToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description Invalid input, or a rule of the organization's policy broken */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeOrgToken: {
        parameters: {
            query?: {
                /** @description Also delete the row at once (the audit log keeps the events) */
                permanent?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input, or a rule of the organization's policy broken */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateOrgToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description Invalid input, or a rule of the organization's policy broken */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token is revoked or expired, or another active token has that name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The token is revoked or expired, or another active token has that name"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    rotateOrgToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RotateTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedTokenDto"];
                };
            };
            /** @description Invalid input, or a rule of the organization's policy broken */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token is revoked, expired or already rotated */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "The token is revoked, expired or already rotated"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getOrgTokenUsage: {
        parameters: {
            query?: {
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: 24 hours (30 days by day) before `to` */
                from?: string;
                /** @description Bucket size; at most 400 buckets per query */
                granularity?: "hour" | "day";
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: now */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenUsageDto"];
                };
            };
            /** @description An unreadable date, from not before to, or more than 400 buckets */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getOrgUsage: {
        parameters: {
            query?: {
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: 24 hours (30 days by day) before `to` */
                from?: string;
                /** @description Bucket size; at most 400 buckets per query */
                granularity?: "hour" | "day";
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: now */
                to?: string;
            };
            header?: never;
            path: {
                /** @description The organization's id or slug (any case) */
                org: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrgUsageDto"];
                };
            };
            /** @description An unreadable date, from not before to, or more than 400 buckets */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": ""
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listScopes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScopeDto"][];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope sessions:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"sessions:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeOtherSessions: {
        parameters: {
            query: {
                /** @description Keep the calling session */
                except: "current";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedCountDto"];
                };
            };
            /** @description except=current is missing */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope sessions:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"sessions:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not a UUID */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope sessions:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"sessions:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Session not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description nextCursor of the previous page */
                cursor?: string;
                expiringWithinDays?: number;
                /** @description Items per page (default 20; 50 for the audit log) */
                limit?: number;
                status?: "active" | "expired" | "revoked" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPageDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Same key and body within 24 h replays the first response */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "CI deploys",
                 *       "scopes": [
                 *         "tokens:read"
                 *       ],
                 *       "expiresInDays": 90
                 *     }
                 */
                "application/json": components["schemas"]["CreateTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description `true` when this is the stored answer to an earlier request with this key */
                    "Idempotent-Replayed"?: "true";
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Token limit reached, an active token of that name exists, or the same Idempotency-Key is still in flight */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "You have 20 active API tokens, the most allowed (20); revoke one first"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Idempotency-Key reused with another body */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 422,
                     *       "error": "Unprocessable Entity",
                     *       "message": "This Idempotency-Key was used with a different request body"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: {
                /** @description Also delete the row at once (the audit log keeps the events) */
                permanent?: "true" | "false";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    updateToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "CI deploys (staging)"
                 *     }
                 */
                "application/json": components["schemas"]["UpdateTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token is revoked or expired, or another active token has that name */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "An expired API token cannot be changed"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    rotateToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "gracePeriodSeconds": 3600
                 *     }
                 */
                "application/json": components["schemas"]["RotateTokenDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedTokenDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:write */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:write\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token is revoked, expired or already rotated */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "This API token was already rotated and cannot be rotated"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Unsupported content type */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    usageOfTokenUsage: {
        parameters: {
            query?: {
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: 24 hours (30 days by day) before `to` */
                from?: string;
                /** @description Bucket size; at most 400 buckets per query */
                granularity?: "hour" | "day";
                /** @description ISO-8601 date (UTC midnight) or date-time with an offset, e.g. 2026-03-01T00:00:00Z. Default: now */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenUsageDto"];
                };
            };
            /** @description An unreadable date, from not before to, or more than 400 buckets */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Needs the scope tokens:read */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"tokens:read\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "API token not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getCurrentToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    revokeCurrentToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    getTokenDefaults: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenDefaultsDto"];
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    verifyCredential: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerificationDto"];
                };
            };
            /** @description A malformed body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "The access token is invalid, expired or revoked"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The credential holds neither tokens:verify nor admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "This action needs the \"\" scope"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Headers and body not received within REQUEST_TIMEOUT_SECONDS */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Body over 64 KiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 413,
                     *       "error": "Payload Too Large",
                     *       "message": "Request body is too large"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description A body that is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 415,
                     *       "error": "Unsupported Media Type",
                     *       "message": "Unsupported content type"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    streamVerifyEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description The id of the last event received, to be sent what came after it */
                "Last-Event-ID"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The event stream; it stays open */
            200: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description No credential, or one that is unknown, malformed, expired or revoked */
            401: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The credential holds neither tokens:verify nor admin */
            403: {
                headers: {
                    /** @description RFC 6750 challenge: `Bearer realm="tessera"`, with `error="invalid_token"` or `error="insufficient_scope", scope="…"` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description Over the calling API token's rate limit */
            429: {
                headers: {
                    /** @description Requests the calling API token's tightest window allows */
                    "RateLimit-Limit"?: number;
                    /** @description Requests left in that window */
                    "RateLimit-Remaining"?: number;
                    /** @description Seconds until that window has room again */
                    "RateLimit-Reset"?: number;
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Rate limit of this API token exceeded; try again later"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer; try again shortly */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 503,
                     *       "error": "Service Unavailable",
                     *       "message": "Service Unavailable"
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description Invalid input */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": [
                     *         "property color should not exist"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ErrorResponseDto"];
                };
            };
            /** @description The database does not answer */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
