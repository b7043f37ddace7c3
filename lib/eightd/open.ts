import { createHash } from 'node:crypto';

import { parseActor, type EightDActor } from './audit';
import { parseDateTime } from '../shared/dates';
import { formatTime, resolveNow } from './dates';
import { computeDeadlines } from './deadlines';
import { appendHistory } from './history';
import { type DeadlineProfile, resolveDeadlineProfile } from './profiles';
import { type EightDRuleSetSource, selectEightDRuleSet } from './ruleSet';
import type { EightDD0, EightDReport } from './types';
import { validateEightDReport } from './validate';
import { InputError } from '../shared/errors';

/** A complaint as the Complaint Classifier returns it, plus the text and where it came from. */
export interface ClassifiedComplaint {
	text: string;
	customer?: string;
	receivedAt?: string;
	category?: string;
	severity?: 'critical' | 'major' | 'minor';
	keywords?: { term: string; category?: string; start?: number; end?: number }[];
	language?: 'zh' | 'en' | 'mixed';
	confidence?: number;
	/** The customer's reference (complaint number), kept as the report title when there is no other. */
	reference?: string;
}

/** Options of {@link openFromComplaint}. */
export interface OpenOptions {
	/** Report id; default `8D-<date received>-<first 8 hex of the complaint's hash>`. */
	id?: string;
	title?: string;
	owner?: string;
	/** Who opens it (default `complaint-classifier`). */
	actor?: EightDActor;
	now?: string | Date;
	profile?: string | DeadlineProfile;
	profiles?: Record<string, DeadlineProfile>;
	ruleSet?: string | EightDRuleSetSource;
	ruleSets?: EightDRuleSetSource[];
}

const SEVERITIES = ['critical', 'major', 'minor'];
const LANGUAGES = ['zh', 'en', 'mixed'];

/** Checks the classifier fields that are present; throws naming the bad one. */
function checkComplaint(complaint: unknown): ClassifiedComplaint {
	if (complaint === null || typeof complaint !== 'object' || Array.isArray(complaint)) {
		throw new InputError(
			'complaint',
			`${complaint === undefined || complaint === null ? 'missing' : 'not an object'} (expected { text, customer?, receivedAt?, category, severity, ... })`,
		);
	}
	const c = complaint as Record<string, unknown>;
	if (typeof c.text !== 'string' || c.text.trim() === '')
		throw new InputError('complaint.text', 'required (the complaint as the customer wrote it)');
	if (c.severity !== undefined && !SEVERITIES.includes(c.severity as string))
		throw new InputError(
			'complaint.severity',
			`${JSON.stringify(c.severity)} is not one of ${SEVERITIES.join(', ')}`,
		);
	if (c.language !== undefined && !LANGUAGES.includes(c.language as string))
		throw new InputError(
			'complaint.language',
			`${JSON.stringify(c.language)} is not one of ${LANGUAGES.join(', ')}`,
		);
	if (
		c.confidence !== undefined &&
		(typeof c.confidence !== 'number' || !(c.confidence >= 0 && c.confidence <= 1))
	) {
		throw new InputError(
			'complaint.confidence',
			`${JSON.stringify(c.confidence)} is not a number from 0 to 1`,
		);
	}
	for (const key of ['category', 'customer', 'reference'] as const) {
		if (c[key] !== undefined && typeof c[key] !== 'string')
			throw new InputError(`complaint.${key}`, 'expected text');
	}
	if (
		c.keywords !== undefined &&
		(!Array.isArray(c.keywords) ||
			c.keywords.some((k) => typeof (k as { term?: unknown })?.term !== 'string'))
	) {
		throw new InputError('complaint.keywords', 'expected a list of { term, category, start, end }');
	}
	if (c.receivedAt !== undefined) parseDateTime(c.receivedAt, 'complaint.receivedAt');
	return c as unknown as ClassifiedComplaint;
}

/**
 * Opens an 8D report from a classified complaint. D0 gets the symptom (the complaint text) and the
 * classifier's result; a critical complaint gets an emergency response marked as needed, so D0
 * cannot be left until its actions are listed. D2 gets the facts the complaint states (who: the
 * customer, what: the text, when: received) and leaves the rest to the team. The deadlines are
 * counted from receipt (the customer's clock), stored, and vouched for by the first history entry.
 *
 * @example
 * const report = openFromComplaint(
 *   { text: '充电器外壳冒烟', customer: 'Northwind Motors', receivedAt: '2026-03-02T09:15:00+08:00',
 *     category: 'production', severity: 'critical', keywords: [{ term: '冒烟', category: 'production', start: 5, end: 7 }], language: 'zh', confidence: 0.9 },
 *   { now: '2026-03-02T10:00:00+08:00' },
 * );
 * report.deadlines.D3; // '2026-03-03T01:15:00.000Z' (24 h after receipt)
 * report.ruleSet; // 'northwind-motors' (chosen by customer)
 */
export function openFromComplaint(
	complaintInput: unknown,
	options: OpenOptions = {},
): EightDReport {
	const complaint = checkComplaint(complaintInput);
	const now = resolveNow(options.now);
	const received = complaint.receivedAt
		? parseDateTime(complaint.receivedAt, 'complaint.receivedAt')
		: now;
	if (received > now)
		throw new InputError(
			'complaint.receivedAt',
			`${complaint.receivedAt} is after the time of opening (${formatTime(now)})`,
		);
	const openedAt = complaint.receivedAt ?? formatTime(now);
	const actor = parseActor(options.actor ?? 'complaint-classifier');
	const profile = resolveDeadlineProfile(options.profile, undefined, options.profiles);
	const ruleSet = selectEightDRuleSet(
		{ customer: complaint.customer },
		options.ruleSet,
		options.ruleSets,
	);
	const deadlines = computeDeadlines(openedAt, profile);
	const id =
		options.id ??
		`8D-${received.toUTC().toFormat('yyyyMMdd')}-${createHash('sha256')
			.update(`${complaint.text}\n${openedAt}\n${complaint.customer ?? ''}`)
			.digest('hex')
			.slice(0, 8)}`;
	const d0: EightDD0 = {
		symptom: complaint.text.trim(),
		complaint: {
			text: complaint.text,
			...(complaint.category !== undefined && { category: complaint.category }),
			...(complaint.severity !== undefined && { severity: complaint.severity }),
			...(complaint.keywords !== undefined && { keywords: complaint.keywords }),
			...(complaint.language !== undefined && { language: complaint.language }),
			...(complaint.confidence !== undefined && { confidence: complaint.confidence }),
			...(complaint.customer !== undefined && { customer: complaint.customer }),
			...(complaint.receivedAt !== undefined && { receivedAt: complaint.receivedAt }),
		},
		...(complaint.severity === 'critical' && { emergencyResponse: { needed: true, actions: [] } }),
	};
	const report: EightDReport = {
		id,
		title:
			options.title ??
			complaint.reference ??
			`${complaint.category ?? 'complaint'}: ${complaint.text.trim().slice(0, 60)}`,
		...(complaint.customer !== undefined && { customer: complaint.customer }),
		openedAt,
		stage: 'D0',
		status: 'open',
		// Only names are stored: an inline rule set or profile object must be passed again on each call.
		...((typeof options.ruleSet === 'string' && !options.ruleSet.trim().startsWith('{')) ||
		(options.ruleSet === undefined && ruleSet.id !== 'default')
			? { ruleSet: ruleSet.id }
			: {}),
		...(typeof options.profile === 'string' && { profile: options.profile }),
		deadlines,
		...(options.owner !== undefined && { owner: options.owner }),
		disciplines: {
			D0: d0,
			D2: {
				fiveW2H: {
					...(complaint.customer !== undefined && { who: complaint.customer }),
					what: complaint.text.trim(),
					when: openedAt,
				},
			},
		},
		approvals: [],
		evidence: [],
		history: [],
	};
	const summary = [
		complaint.category && `category ${complaint.category}`,
		complaint.severity && `severity ${complaint.severity}`,
		complaint.confidence !== undefined && `confidence ${complaint.confidence}`,
	]
		.filter(Boolean)
		.join(', ');
	report.history = appendHistory([], {
		at: formatTime(now),
		actor,
		action: 'open',
		from: null,
		to: 'D0',
		decision: 'opened',
		reasons: [`opened from complaint${summary ? ` (${summary})` : ''}`],
		ruleSet: ruleSet.id,
		reportId: id,
		openedAt,
		deadlines,
	});
	return validateEightDReport(report);
}
