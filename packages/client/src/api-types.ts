/**
 * Generated from Tessera's OpenAPI document (/docs-json) by `npm run client:types`: do not
 * edit. Only the verification routes and the schemas they use. A test fails when it is stale.
 */
export interface paths {
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
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
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
}
