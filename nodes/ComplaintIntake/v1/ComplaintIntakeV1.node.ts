import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	IDataObject,
	INodeCredentialTestResult,
	INodeType,
	INodeTypeBaseDescription,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	caseIdFor,
	parseComplaintPayload,
	rememberMessage,
	verifySignature,
	type SeenIds,
} from '../../../lib/intake';
import { versionDescription } from './description';

/** Seen message ids per workflow and path in this process (bounded like the static-data list). */
const processSeen = new Map<string, SeenIds>();

interface IntakeOptions {
	caseIdPrefix?: string;
	maxBytes?: number;
	maxTextLength?: number;
	rememberIds?: number;
	signatureHeader?: string;
	timestampHeader?: string;
	toleranceSeconds?: number;
}

/** Version 1 of the Complaint Intake trigger. */
export class ComplaintIntakeV1 implements INodeType {
	description: INodeTypeDescription;

	constructor(baseDescription: INodeTypeBaseDescription) {
		this.description = { ...baseDescription, ...versionDescription };
	}

	methods = {
		credentialTest: {
			/** Nothing to call: a signing secret is good when it is long enough to resist guessing. */
			async complaintIntakeSecret(
				this: ICredentialTestFunctions,
				credential: ICredentialsDecrypted,
			): Promise<INodeCredentialTestResult> {
				const data = (credential.data ?? {}) as { secret?: string; previousSecret?: string };
				for (const [name, value] of [
					['Signing Secret', data.secret],
					['Previous Secret', data.previousSecret],
				] as const) {
					if (name === 'Previous Secret' && !value) continue;
					if (typeof value !== 'string' || value.length < 16)
						return { status: 'Error', message: `${name} must have at least 16 characters` };
				}
				return { status: 'OK', message: 'The secret is usable for HMAC-SHA256 signatures' };
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const options = this.getNodeParameter('options', {}) as IntakeOptions;
		const answer = (status: number, body: IDataObject): IWebhookResponseData => {
			res.status(status).json(body);
			return { noWebhookResponse: true };
		};

		const credentials = await this.getCredentials<{ secret?: string; previousSecret?: string }>(
			'complaintIntakeApi',
		);
		const secrets = [credentials.secret ?? '', credentials.previousSecret ?? ''].filter(
			(s) => s.length > 0,
		);
		if (!req.rawBody && typeof req.readRawBody === 'function') await req.readRawBody();
		const raw: Buffer | undefined = req.rawBody;
		if (!raw) return answer(400, { error: 'no_body', message: 'the request has no body' });

		const header = (name: string | undefined, fallback: string): string | undefined => {
			const value = req.headers[(name || fallback).toLowerCase()];
			return Array.isArray(value) ? value.join(',') : value;
		};
		const now = Date.now();
		const signed = verifySignature({
			body: raw,
			timestamp: header(options.timestampHeader, 'x-qms-timestamp'),
			signature: header(options.signatureHeader, 'x-qms-signature'),
			secrets,
			toleranceSeconds: options.toleranceSeconds ?? 300,
			now,
		});
		if (!signed.ok) return answer(signed.status, { error: signed.code, message: signed.message });

		const payload = parseComplaintPayload(raw, req.headers['content-type'], {
			maxBytes: options.maxBytes,
			maxTextLength: options.maxTextLength,
		});
		if (!payload.ok)
			return answer(payload.status, {
				error: payload.code,
				message: payload.message,
				problems: payload.problems as unknown as IDataObject[],
			});
		const complaint = payload.complaint;

		const path = this.getNodeParameter('path', 'complaints') as string;
		const caseId = caseIdFor(
			complaint.messageId,
			`${this.getWorkflow().id ?? ''}/${path}`,
			options.caseIdPrefix || 'CMP',
		);
		const remember = options.rememberIds ?? 1000;
		if (remember > 0) {
			// Two lists: the process's own (answers a replay at once) and the workflow's static data (kept
			// across restarts when n8n saves it; n8n 2.40 saves changes made in webhook() only while the
			// node's static data is new). Either knowing the id makes the call a duplicate.
			const scope = `${this.getWorkflow().id ?? ''}/${path}`;
			const local = processSeen.get(scope) ?? {};
			processSeen.set(scope, local);
			const inProcess = rememberMessage(local, complaint.messageId, caseId, now, remember);
			const stored = rememberMessage(
				this.getWorkflowStaticData('node') as SeenIds,
				complaint.messageId,
				caseId,
				now,
				remember,
			);
			const seen =
				stored.duplicate && (!inProcess.duplicate || stored.firstSeenAt <= inProcess.firstSeenAt)
					? stored
					: inProcess;
			if (seen.duplicate) {
				return answer(200, {
					status: 'duplicate',
					caseId: seen.caseId,
					messageId: complaint.messageId,
					firstSeenAt: new Date(seen.firstSeenAt).toISOString(),
				});
			}
		}

		const receivedAt = new Date(now).toISOString();
		const json: IDataObject = {
			caseId,
			messageId: complaint.messageId,
			text: complaint.text,
			receivedAt: complaint.receivedAt ?? receivedAt,
			...(complaint.customer !== undefined ? { customer: complaint.customer } : {}),
			...(complaint.channel !== undefined ? { channel: complaint.channel } : {}),
			...(complaint.tier !== undefined ? { tier: complaint.tier } : {}),
			...(complaint.language !== undefined ? { language: complaint.language } : {}),
			...(complaint.product !== undefined ? { product: complaint.product } : {}),
			...(complaint.lot !== undefined ? { lot: complaint.lot } : {}),
			...(complaint.contact !== undefined ? { contact: complaint.contact } : {}),
			extra: complaint.extra as IDataObject,
			intake: { receivedAt, signedAt: new Date(signed.timestamp * 1000).toISOString() },
		};
		return {
			webhookResponse: { status: 'accepted', caseId, messageId: complaint.messageId },
			workflowData: [[{ json }]],
		};
	}
}
