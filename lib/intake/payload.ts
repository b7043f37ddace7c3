/** A complaint as the intake accepts it; unknown top-level fields are kept in `extra`. */
export interface IntakeComplaint {
	messageId: string;
	text: string;
	customer?: string;
	receivedAt?: string;
	channel?: string;
	tier?: string;
	language?: string;
	product?: string;
	lot?: string;
	contact?: string;
	extra: Record<string, unknown>;
}

/** One problem with a payload field. */
export interface FieldProblem {
	field: string;
	message: string;
}

export type PayloadCheck =
	| { ok: true; complaint: IntakeComplaint }
	| {
			ok: false;
			status: 400 | 413 | 415 | 422;
			code: string;
			message: string;
			problems: FieldProblem[];
	  };

/** Limits of {@link parseComplaintPayload}. */
export interface PayloadLimits {
	/** Largest body in bytes (default 1 MiB). */
	maxBytes?: number;
	/** Longest complaint text in characters (default 100,000). */
	maxTextLength?: number;
}

const MESSAGE_ID = /^[A-Za-z0-9][A-Za-z0-9._:@/-]{0,199}$/;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const OPTIONAL_TEXT = [
	'customer',
	'channel',
	'tier',
	'language',
	'product',
	'lot',
	'contact',
] as const;
/** Keys that would reach an object's prototype if copied naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses and validates a complaint pushed by a portal or CRM: a JSON object with `messageId`
 * (the sender's unique id, used for idempotency) and `text`, optionally `customer`,
 * `receivedAt` (ISO-8601 with offset), `channel`, `tier`, `language`, `product`, `lot`,
 * `contact`. Other fields are kept in `extra` (without prototype keys). Answers say which HTTP
 * status fits: 400 not JSON, 413 too large, 415 wrong content type, 422 invalid fields.
 *
 * @example
 * parseComplaintPayload('{"messageId":"crm-1","text":"Housing cracked"}', 'application/json');
 * // { ok: true, complaint: { messageId: 'crm-1', text: 'Housing cracked', extra: {} } }
 * parseComplaintPayload('{"text":""}', 'application/json').ok; // false (422: messageId, text)
 */
export function parseComplaintPayload(
	body: Buffer | string,
	contentType: string | undefined,
	limits: PayloadLimits = {},
): PayloadCheck {
	const maxBytes = limits.maxBytes ?? 1024 * 1024;
	const maxText = limits.maxTextLength ?? 100_000;
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type !== 'application/json' && !type.endsWith('+json')) {
		return fail(
			415,
			'unsupported_media_type',
			`send the complaint as application/json, got ${type ? JSON.stringify(type) : 'no content type'}`,
			[],
		);
	}
	const bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
	if (bytes > maxBytes)
		return fail(
			413,
			'too_large',
			`the body has ${bytes} bytes, more than the limit of ${maxBytes}`,
			[],
		);
	let parsed: unknown;
	try {
		const text = typeof body === 'string' ? body : body.toString('utf8');
		parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (error) {
		return fail(
			400,
			'invalid_json',
			`the body is not valid JSON (${(error as Error).message})`,
			[],
		);
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		return fail(422, 'invalid_payload', 'the body must be a JSON object', [
			{ field: '(body)', message: 'must be a JSON object' },
		]);
	}
	const input = parsed as Record<string, unknown>;
	const own = (key: string): unknown =>
		Object.prototype.hasOwnProperty.call(input, key) ? input[key] : undefined;
	const problems: FieldProblem[] = [];
	const messageId = own('messageId');
	if (typeof messageId !== 'string' || !MESSAGE_ID.test(messageId)) {
		problems.push({
			field: 'messageId',
			message:
				'required: 1-200 characters of letters, digits and . _ : @ / -, starting with a letter or digit',
		});
	}
	const text = own('text');
	if (typeof text !== 'string' || text.trim() === '')
		problems.push({ field: 'text', message: 'required: the complaint as the customer wrote it' });
	else if (text.length > maxText)
		problems.push({
			field: 'text',
			message: `has ${text.length} characters, more than the limit of ${maxText}`,
		});
	const complaint: IntakeComplaint = {
		messageId: messageId as string,
		text: text as string,
		extra: {},
	};
	for (const key of OPTIONAL_TEXT) {
		const value = own(key);
		if (value === undefined || value === null) continue;
		if (typeof value !== 'string' || value.length > 1000)
			problems.push({ field: key, message: 'must be text of at most 1000 characters' });
		else complaint[key] = value;
	}
	const receivedAt = own('receivedAt');
	if (receivedAt !== undefined && receivedAt !== null) {
		if (
			typeof receivedAt !== 'string' ||
			!ISO_WITH_OFFSET.test(receivedAt) ||
			Number.isNaN(Date.parse(receivedAt))
		) {
			problems.push({
				field: 'receivedAt',
				message: 'must be an ISO-8601 date-time with offset, e.g. 2026-03-02T09:15:00+08:00',
			});
		} else complaint.receivedAt = receivedAt;
	}
	const known = new Set<string>(['messageId', 'text', 'receivedAt', ...OPTIONAL_TEXT]);
	for (const key of Object.keys(input)) {
		if (known.has(key)) continue;
		if (FORBIDDEN_KEYS.has(key)) {
			problems.push({ field: key, message: 'is not allowed as a field name' });
			continue;
		}
		Object.defineProperty(complaint.extra, key, {
			value: input[key],
			enumerable: true,
			writable: true,
			configurable: true,
		});
	}
	if (problems.length > 0) {
		return fail(
			422,
			'invalid_payload',
			problems.map((p) => `${p.field}: ${p.message}`).join('; '),
			problems,
		);
	}
	return { ok: true, complaint };
}

function fail(
	status: 400 | 413 | 415 | 422,
	code: string,
	message: string,
	problems: FieldProblem[],
): PayloadCheck {
	return { ok: false, status, code, message, problems };
}
