/**
 * An SMTP server on 127.0.0.1 that keeps every message it receives, parsed enough for assertions:
 * decoded headers, text and HTML bodies, attachments (name, type, bytes).
 */
import type { AddressInfo } from 'node:net';

import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
	raw: string;
}

export interface SmtpSink {
	port: number;
	mails: ReceivedMail[];
	/** Mails whose subject matches, waiting up to `timeoutMs` for at least `count`. */
	waitFor(subject: RegExp, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
	close(): Promise<void>;
}

/** RFC 2047 encoded words (=?UTF-8?B?...?= / ?Q?) in a header; adjacent words join (a character may span two). */
function decodeWords(value: string): string {
	const word = /=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g;
	return value.replace(/=\?[^?]+\?[bBqQ]\?[^?]*\?=(?:\s+=\?[^?]+\?[bBqQ]\?[^?]*\?=)*/g, (run) => {
		const bytes: Buffer[] = [];
		for (const [, , encoding, text] of run.matchAll(word)) {
			if (encoding.toUpperCase() === 'B') bytes.push(Buffer.from(text, 'base64'));
			else
				bytes.push(
					Buffer.from(
						text
							.replace(/_/g, ' ')
							.replace(/=([0-9A-Fa-f]{2})/g, (_x, hex: string) =>
								String.fromCharCode(parseInt(hex, 16)),
							),
						'latin1',
					),
				);
		}
		return Buffer.concat(bytes).toString('utf8');
	});
}

function parseHeaders(block: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
		const at = line.indexOf(':');
		if (at > 0)
			headers.set(line.slice(0, at).trim().toLowerCase(), decodeWords(line.slice(at + 1).trim()));
	}
	return headers;
}

function decodeBody(body: string, encoding: string | undefined): Buffer {
	switch ((encoding ?? '').toLowerCase()) {
		case 'base64':
			return Buffer.from(body.replace(/\s+/g, ''), 'base64');
		case 'quoted-printable':
			return Buffer.from(
				body
					.replace(/=\r?\n/g, '')
					.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) =>
						String.fromCharCode(parseInt(hex, 16)),
					),
				'latin1',
			);
		default:
			return Buffer.from(body, 'utf8');
	}
}

/** Walks a MIME entity: text parts fill text/html, the rest become attachments. */
function walk(entity: string, mail: ReceivedMail): Map<string, string> {
	const split = entity.search(/\r?\n\r?\n/);
	const headers = parseHeaders(split < 0 ? entity : entity.slice(0, split));
	const body = split < 0 ? '' : entity.slice(split).replace(/^\r?\n\r?\n/, '');
	const type = headers.get('content-type') ?? 'text/plain';
	const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
	if (type.toLowerCase().startsWith('multipart/') && boundary) {
		const parts = body.split(`--${boundary}`).slice(1);
		for (const part of parts) {
			if (part.startsWith('--')) break;
			walk(part.replace(/^\r?\n/, ''), mail);
		}
		return headers;
	}
	const content = decodeBody(body, headers.get('content-transfer-encoding'));
	const disposition = headers.get('content-disposition') ?? '';
	const filename =
		/filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(type)?.[1];
	if (filename || disposition.toLowerCase().startsWith('attachment')) {
		mail.attachments.push({
			filename: filename ?? '',
			contentType: type.split(';')[0].trim(),
			content,
		});
	} else if (type.toLowerCase().startsWith('text/html')) {
		mail.html += content.toString('utf8');
	} else {
		mail.text += content.toString('utf8');
	}
	return headers;
}

export function parseMail(raw: string, envelopeTo: string[] = []): ReceivedMail {
	const mail: ReceivedMail = {
		from: '',
		to: envelopeTo,
		subject: '',
		text: '',
		html: '',
		attachments: [],
		raw,
	};
	const headers = walk(raw, mail);
	mail.subject = headers.get('subject') ?? '';
	mail.from = headers.get('from') ?? '';
	if (mail.to.length === 0) mail.to = (headers.get('to') ?? '').split(',').map((a) => a.trim());
	return mail;
}

export async function startSmtpSink(): Promise<SmtpSink> {
	const mails: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				mails.push(
					parseMail(
						Buffer.concat(chunks).toString('utf8'),
						session.envelope.rcptTo.map((r) => r.address),
					),
				);
				callback();
			});
		},
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const port = (server.server.address() as AddressInfo).port;
	return {
		port,
		mails,
		async waitFor(subject, count = 1, timeoutMs = 60000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = mails.filter((m) => subject.test(m.subject));
				if (found.length >= count) return found;
				if (Date.now() > deadline) {
					throw new Error(
						`No ${count} mail(s) with subject ${subject} within ${timeoutMs / 1000}s; received: ${JSON.stringify(mails.map((m) => m.subject))}`,
					);
				}
				await new Promise((resolve) => setTimeout(resolve, 250));
			}
		},
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
