import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a signed request was refused (`status` is the HTTP answer). */
export interface SignatureRefusal {
	ok: false;
	status: 401;
	code:
		| 'missing_signature'
		| 'missing_timestamp'
		| 'bad_timestamp'
		| 'stale_timestamp'
		| 'bad_signature';
	message: string;
}

export type SignatureCheck = { ok: true; timestamp: number } | SignatureRefusal;

/** What {@link verifySignature} checks. */
export interface SignedRequest {
	/** The request body exactly as received (bytes or text). */
	body: Buffer | string;
	/** Value of the timestamp header: Unix seconds. */
	timestamp: string | undefined;
	/** Value of the signature header: `sha256=<hex>` or bare hex; several comma-separated are tried in turn. */
	signature: string | undefined;
	/** Shared secrets to try (the current one and, while rotating, the previous one). */
	secrets: readonly string[];
	/** Seconds a timestamp may be away from `now` in either direction (default 300). */
	toleranceSeconds?: number;
	/** Clock in milliseconds (default Date.now()). */
	now?: number;
}

const HEX64 = /^[0-9a-f]{64}$/i;

/**
 * HMAC-SHA256 signature of a request: hex of HMAC(secret, `${timestamp}.${body}`). The timestamp
 * is part of the signed text, so an old request cannot be replayed with a fresh timestamp.
 *
 * @example
 * signPayload('s3cret', 1767225600, '{"messageId":"m-1","text":"cracked housing"}');
 * // 'sha256=' + 64 hex digits
 */
export function signPayload(
	secret: string,
	timestamp: number | string,
	body: Buffer | string,
): string {
	return `sha256=${hmacHex(secret, String(timestamp), body)}`;
}

function hmacHex(secret: string, timestamp: string, body: Buffer | string): string {
	return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/**
 * Checks the timestamp window and the signature of a request, comparing in constant time.
 * A request outside the window is refused as stale whatever its signature.
 *
 * @example
 * const body = '{"messageId":"m-1","text":"cracked housing"}';
 * const now = Date.parse('2026-01-01T00:00:00Z');
 * const timestamp = String(now / 1000);
 * verifySignature({ body, timestamp, signature: signPayload('s3cret', timestamp, body), secrets: ['s3cret'], now });
 * // { ok: true, timestamp: 1767225600 }
 */
export function verifySignature(request: SignedRequest): SignatureCheck {
	const { body, timestamp, signature, secrets } = request;
	const tolerance = request.toleranceSeconds ?? 300;
	const now = request.now ?? Date.now();
	if (!signature || signature.trim() === '')
		return refuse('missing_signature', 'the request is not signed (signature header missing)');
	if (!timestamp || timestamp.trim() === '')
		return refuse('missing_timestamp', 'the timestamp header is missing');
	if (!/^\d{1,12}$/.test(timestamp.trim()))
		return refuse('bad_timestamp', 'the timestamp header must be Unix seconds');
	const seconds = Number(timestamp.trim());
	if (Math.abs(now / 1000 - seconds) > tolerance) {
		return refuse(
			'stale_timestamp',
			`the timestamp is more than ${tolerance} s away from the server clock (replayed or clock skew)`,
		);
	}
	const usable = secrets.filter((s) => typeof s === 'string' && s.length > 0);
	if (usable.length === 0) return refuse('bad_signature', 'no signing secret is configured');
	const offered = signature
		.split(',')
		.map((s) => s.trim().replace(/^sha256=/i, ''))
		.filter((s) => HEX64.test(s))
		.map((s) => Buffer.from(s.toLowerCase(), 'hex'));
	let match = false;
	// Every candidate is compared against every secret, so the time taken does not depend on which matched.
	for (const secret of usable) {
		const expected = Buffer.from(hmacHex(secret, timestamp.trim(), body), 'hex');
		for (const candidate of offered) if (timingSafeEqual(candidate, expected)) match = true;
	}
	return match
		? { ok: true, timestamp: seconds }
		: refuse('bad_signature', 'the signature does not match the body and timestamp');
}

function refuse(code: SignatureRefusal['code'], message: string): SignatureRefusal {
	return { ok: false, status: 401, code, message };
}
