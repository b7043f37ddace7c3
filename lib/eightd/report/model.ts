import { checkEightDDeadlines, type DeadlineState } from '../deadlines';
import { DISCIPLINES, stageIndex } from '../disciplines';
import { verifyHistory } from '../history';
import { type Bilingual, selectEightDRuleSet } from '../ruleSet';
import { evaluateSpcProof, type SpcProofOptions, type SpcProofResult } from '../spcProof';
import type { Discipline, EightDReport, SixM } from '../types';
import type { ReportBlock, ReportDocument, Tone } from './blocks';
import { spcProofChart } from './spcProofChart';
import { type Language, readableNumber, readableTime, verificationText } from './format';
import { DISCIPLINE_TITLES, LABELS, valueName } from './labels';

/** What the document is built from besides the report. */
export interface ReportModelOptions {
	language: Language;
	/** The clock for deadlines and the "generated" line (ISO with offset). */
	now: string;
	/** Options of the D6 SPC proof (rule thresholds, measurements from the workflow). */
	spc?: SpcProofOptions;
}

const SIX_M: SixM[] = ['man', 'machine', 'method', 'material', 'measurement', 'environment'];
const FIVE_W2H = ['who', 'what', 'where', 'when', 'why', 'how', 'howMany'] as const;

/** The builder of one document: the language and the blocks so far. */
class Builder {
	readonly blocks: ReportBlock[] = [];
	constructor(readonly language: Language) {}

	/** A fixed text in the document's language. */
	t(label: Bilingual): string {
		return label[this.language];
	}

	/** A record value (6M, scope, role, result ...) in the document's language. */
	v(value: string | undefined): string {
		return value === undefined ? '' : valueName(value, this.language);
	}

	heading(text: string, level: 2 | 3, note?: string, tone?: Tone): void {
		this.blocks.push({
			kind: 'heading',
			text,
			level,
			...(note && { note }),
			...(tone && { tone }),
		});
	}

	/** Label/value rows; rows with an empty value are left out. */
	fields(rows: [Bilingual, string | undefined][]): void {
		const kept = rows
			.filter(([, value]) => value !== undefined && value !== '')
			.map(([label, value]): [string, string] => [this.t(label), value as string]);
		if (kept.length) this.blocks.push({ kind: 'fields', rows: kept });
	}

	table(
		head: Bilingual[],
		rows: string[][],
		widths?: number[],
		tones?: (Tone | undefined)[],
	): void {
		if (rows.length === 0) return;
		this.blocks.push({
			kind: 'table',
			head: head.map((h) => this.t(h)),
			rows,
			...(widths && { widths }),
			...(tones && { tones }),
		});
	}

	paragraph(text: string | undefined, tone?: Tone): void {
		if (text) this.blocks.push({ kind: 'paragraph', text, ...(tone && { tone }) });
	}

	list(items: string[], numbered = false): void {
		if (items.length) this.blocks.push({ kind: 'list', items, numbered });
	}

	/** Marks a discipline with nothing in it. */
	emptyUnless(before: number): void {
		if (this.blocks.length === before) this.paragraph(this.t(LABELS.nothing), 'muted');
	}
}

/** Where a discipline stands: completed (when), skipped (by whom, why), in progress, not started. */
function disciplineNote(
	report: EightDReport,
	d: Discipline,
	b: Builder,
): { note: string; tone?: Tone } {
	const skip = report.skipped?.[d];
	if (skip)
		return {
			note: `${b.t(LABELS.skipped)}: ${skip.by}, ${readableTime(skip.at)}: ${skip.reason}`,
			tone: 'muted',
		};
	const done = report.completedAt?.[d];
	if (done) return { note: `${b.t(LABELS.completed)} ${readableTime(done)}`, tone: 'good' };
	const where = report.status === 'closed' ? 'closed' : report.stage;
	if (stageIndex(d) < stageIndex(where)) return { note: b.t(LABELS.completed), tone: 'good' };
	return d === where
		? { note: b.t(LABELS.inProgress) }
		: { note: b.t(LABELS.notStarted), tone: 'muted' };
}

function d0(report: EightDReport, b: Builder): void {
	const d = report.disciplines.D0;
	const c = d?.complaint;
	b.fields([
		[LABELS.symptom, d?.symptom],
		[LABELS.complaint, c?.text],
		[LABELS.received, readableTime(c?.receivedAt)],
		[LABELS.category, c?.category],
		[LABELS.severity, b.v(c?.severity)],
		[
			LABELS.emergencyNeeded,
			d?.emergencyResponse ? b.t(d.emergencyResponse.needed ? LABELS.yes : LABELS.no) : undefined,
		],
	]);
	if (d?.emergencyResponse?.actions?.length) {
		b.paragraph(b.t(LABELS.emergencyActions));
		b.list(d.emergencyResponse.actions);
	}
}

function d1(report: EightDReport, b: Builder): void {
	b.table(
		[LABELS.name, LABELS.role, LABELS.department],
		(report.disciplines.D1?.team ?? []).map((m) => [m.name, b.v(m.role), m.department ?? '']),
		[2, 1.5, 2],
	);
}

function d2(report: EightDReport, b: Builder): void {
	const d = report.disciplines.D2;
	b.fields([[LABELS.problemStatement, d?.problemStatement]]);
	const answers = FIVE_W2H.filter((q) => d?.fiveW2H?.[q]).map((q) => [
		b.v(q),
		d?.fiveW2H?.[q] ?? '',
	]);
	if (answers.length) b.heading(b.t(LABELS.fiveW2H), 3);
	b.table([LABELS.question, LABELS.answer], answers, [1, 4]);
	if (d?.isIsNot?.length) b.heading(b.t(LABELS.isIsNot), 3);
	b.table(
		[LABELS.dimension, LABELS.is, LABELS.isNot, LABELS.difference],
		(d?.isIsNot ?? []).map((r) => [b.v(r.dimension), r.is, r.isNot, r.difference ?? '']),
		[1, 2, 2, 2],
	);
}

function d3(report: EightDReport, b: Builder): void {
	const d = report.disciplines.D3;
	const count = (n: number | undefined) => (n === undefined ? '–' : String(n));
	b.table(
		[
			LABELS.action,
			LABELS.scope,
			LABELS.owner,
			LABELS.implemented,
			LABELS.quantities,
			LABELS.verification,
			LABELS.removed,
		],
		(d?.actions ?? []).map((a) => [
			`${a.id}: ${a.description}`,
			b.v(a.scope),
			a.owner ?? '',
			readableTime(a.implementedAt),
			a.quantities
				? `${count(a.quantities.suspect)} / ${count(a.quantities.sorted)} / ${count(a.quantities.rejected)}`
				: '',
			verificationText(a.verification, b.language),
			readableTime(a.removedAt),
		]),
		[3, 1.2, 1.2, 1.4, 1.2, 3, 1.4],
	);
	const rows = d?.quantities ?? [];
	if (rows.length) {
		b.heading(b.t(LABELS.quantitiesPerLocation), 3);
		const sum = (key: 'suspect' | 'sorted' | 'rejected') =>
			rows.reduce((s, r) => s + (r[key] ?? 0), 0);
		b.table(
			[LABELS.scope, LABELS.suspect, LABELS.sorted, LABELS.rejected],
			[
				...rows.map((r) => [b.v(r.location), count(r.suspect), count(r.sorted), count(r.rejected)]),
				[b.t(LABELS.total), String(sum('suspect')), String(sum('sorted')), String(sum('rejected'))],
			],
			[2, 1, 1, 1],
		);
	}
}

function d4(report: EightDReport, b: Builder): void {
	const d = report.disciplines.D4;
	for (const cause of d?.rootCauses ?? []) {
		const label = cause.type === 'escape' ? LABELS.rootCauseEscape : LABELS.rootCauseOccurrence;
		b.heading(`${b.t(label)} ${cause.id}`, 3);
		b.fields([
			[LABELS.description, cause.description],
			[LABELS.sixM, b.v(cause.category)],
			[LABELS.escapePoint, cause.escapePoint],
			[LABELS.verification, verificationText(cause.verification, b.language)],
		]);
		b.list((cause.fiveWhy ?? []).map((why, i) => `${b.t(LABELS.why)} ${i + 1}: ${why}`));
	}
	if (d?.ishikawa) {
		b.heading(b.t(LABELS.ishikawa), 3);
		b.table(
			[LABELS.sixM, LABELS.causesConsidered],
			SIX_M.map((m) => {
				const causes = d.ishikawa?.[m];
				const text = !Array.isArray(causes)
					? b.t(LABELS.notExamined)
					: causes.length
						? causes.join('; ')
						: b.t(LABELS.noneFound);
				return [b.v(m), text];
			}),
			[1, 4],
		);
	}
}

function d5(report: EightDReport, b: Builder): void {
	b.table(
		[
			LABELS.action,
			LABELS.addresses,
			LABELS.rootCause,
			LABELS.owner,
			LABELS.due,
			LABELS.verification,
		],
		(report.disciplines.D5?.actions ?? []).map((a) => [
			`${a.id}: ${a.description}`,
			b.v(a.addresses),
			a.rootCause ?? '',
			a.owner ?? '',
			readableTime(a.dueAt),
			verificationText(a.verification, b.language),
		]),
		[3, 1.5, 1.2, 1.3, 1.6, 3],
	);
}

/** The SPC proof of D6: characteristic, fix date, points, limits, rule reports, Cpk, the chart. */
function spcEvidence(proof: SpcProofResult, b: Builder): void {
	b.heading(
		b.t(LABELS.spcProof),
		3,
		b.t(proof.passed ? LABELS.proven : LABELS.notProven),
		proof.passed ? 'good' : 'bad',
	);
	const unit = proof.unit ? ` ${proof.unit}` : '';
	const spec = [
		proof.lsl !== undefined && `LSL ${proof.lsl}`,
		proof.usl !== undefined && `USL ${proof.usl}`,
	]
		.filter(Boolean)
		.join(' – ');
	const chart = proof.chart;
	const limits = chart
		? `${readableNumber(chart.center, 4)} / ${readableNumber(typeof chart.lcl === 'number' ? chart.lcl : Math.min(...chart.lcl), 4)} – ${readableNumber(typeof chart.ucl === 'number' ? chart.ucl : Math.max(...chart.ucl), 4)}${unit}`
		: undefined;
	const reports = chart ? chart.violations.length : undefined;
	b.fields([
		[LABELS.characteristic, proof.characteristic],
		[LABELS.fixedAt, readableTime(proof.fixedAt)],
		[LABELS.specification, spec ? `${spec}${unit}` : undefined],
		[LABELS.pointsAfterFix, `${proof.after.length} (${b.t(LABELS.needed)} ${proof.minPoints})`],
		[LABELS.controlLimits, limits],
		[
			LABELS.ruleReports,
			reports === undefined ? undefined : reports === 0 ? b.t(LABELS.none) : String(reports),
		],
		[
			LABELS.cpk,
			proof.capability
				? `${readableNumber(proof.capability.cpk, 2)} (${b.t(LABELS.needed)} ≥ ${proof.minCpk})`
				: undefined,
		],
	]);
	for (const failure of proof.failures) b.paragraph(b.t(failure), 'bad');
	const title = `${proof.characteristic} — ${b.t(LABELS.chartAlt)}`;
	const image = spcProofChart(proof, title);
	if (image)
		b.blocks.push({
			kind: 'image',
			id: 'd6-spc-chart',
			png: image.png,
			alt: title,
			width: image.width,
			height: image.height,
		});
}

function d6(report: EightDReport, b: Builder, spc: SpcProofOptions | undefined): void {
	b.table(
		[LABELS.action, LABELS.implemented, LABELS.validation],
		(report.disciplines.D6?.actions ?? []).map((a) => [
			a.actionId,
			readableTime(a.implementedAt),
			verificationText(a.validation, b.language),
		]),
		[1, 1.5, 4],
	);
	const proof = evaluateSpcProof(report, spc);
	if (proof) spcEvidence(proof, b);
}

function d7(report: EightDReport, b: Builder): void {
	const d = report.disciplines.D7;
	if (d?.documents?.length) b.heading(b.t(LABELS.documents), 3);
	b.table(
		[LABELS.type, LABELS.document, LABELS.revision, LABELS.updated],
		(d?.documents ?? []).map((doc) => [
			b.v(doc.type),
			doc.id,
			doc.revision ?? '',
			readableTime(doc.updatedAt),
		]),
		[1.5, 2, 1, 1.5],
	);
	if (d?.fmea?.length) b.heading(b.t(LABELS.fmea), 3);
	b.table(
		[LABELS.id, LABELS.failureMode, LABELS.cause, LABELS.sod, LABELS.action],
		(d?.fmea ?? []).map((row) => [
			row.id,
			row.failureMode,
			row.cause ?? '',
			[row.severity, row.occurrence, row.detection]
				.map((r) => (r === undefined ? '–' : String(r)))
				.join(' / '),
			row.action ?? '',
		]),
		[0.8, 2, 2, 1, 2.5],
	);
	b.fields([[LABELS.lessonsLearned, d?.lessonsLearned]]);
	if (d?.horizontalDeployment?.length) {
		b.paragraph(b.t(LABELS.horizontalDeployment));
		b.list(d.horizontalDeployment);
	}
}

function d8(report: EightDReport, b: Builder): void {
	const d = report.disciplines.D8;
	const acceptance = d?.customerAcceptance;
	b.fields([
		[
			LABELS.customerAcceptance,
			acceptance
				? [
						b.t(acceptance.accepted ? LABELS.accepted : LABELS.notAccepted),
						acceptance.by,
						readableTime(acceptance.at),
						acceptance.reference,
					]
						.filter(Boolean)
						.join(', ')
				: undefined,
		],
		[LABELS.recognition, d?.recognition],
		[LABELS.summary, d?.summary],
	]);
}

/** One deadline in words: met, missed (hours late), or where an open one stands. */
function deadlineStatus(state: DeadlineState, b: Builder): { text: string; tone?: Tone } {
	const late =
		state.by === undefined ? '' : ` (${readableNumber(state.by, 1)} ${b.t(LABELS.hoursLate)})`;
	switch (state.status) {
		case 'met':
			return { text: b.t(LABELS.met), tone: 'good' };
		case 'late':
			return { text: `${b.t(LABELS.late)}${late}`, tone: 'bad' };
		case 'overdue':
			return { text: `${b.t(LABELS.overdue)}${late}`, tone: 'bad' };
		case 'due-soon':
			return { text: b.t(LABELS.dueSoon) };
		default:
			return { text: b.t(LABELS.onTime) };
	}
}

/** The history check in one sentence: entries, verified or where it breaks. */
function historyText(report: EightDReport, language: Language): { text: string; tone: Tone } {
	const entries = report.history ?? [];
	if (entries.length === 0) {
		return {
			text:
				language === 'zh'
					? '无历史记录：本报告的变更未经哈希链证明。'
					: 'No history recorded: no hash chain vouches for the changes in this report.',
			tone: 'muted',
		};
	}
	const check = verifyHistory(report);
	const last = entries[entries.length - 1].hash.slice(0, 16);
	if (check.valid) {
		return {
			text:
				language === 'zh'
					? `历史记录共 ${entries.length} 条，哈希链校验通过（最后哈希 ${last}…）。`
					: `History of ${entries.length} entries verified: the hash chain is intact (last hash ${last}…).`,
			tone: 'good',
		};
	}
	return {
		text:
			language === 'zh'
				? `历史记录校验失败（第 ${check.brokenAt} 条：${check.reason}）；记录可能被篡改。`
				: `History check FAILED at entry ${check.brokenAt} (${check.reason}); the record may have been altered.`,
		tone: 'bad',
	};
}

const CONTENT: Record<
	Discipline,
	(report: EightDReport, b: Builder, spc?: SpcProofOptions) => void
> = {
	D0: d0,
	D1: d1,
	D2: d2,
	D3: d3,
	D4: d4,
	D5: d5,
	D6: d6,
	D7: d7,
	D8: d8,
};

/**
 * The 8D report document as blocks: header (case, customer, part, lot, dates, status), D0-D8 with
 * what was recorded and where each stands, the SPC evidence of D6, approvals, deadlines met or
 * missed, evidence, and the history check.
 *
 * @example
 * buildReportDocument(report, { language: 'zh', now: '2026-04-02T10:00:00+08:00' }).blocks[0];
 * // { kind: 'title', text: '8D 报告 8D-2026-0142', subtitle: 'PA-65 charger housing melted ...' }
 */
export function buildReportDocument(
	report: EightDReport,
	options: ReportModelOptions,
): ReportDocument {
	const b = new Builder(options.language);
	const title = `${b.t(LABELS.report)} ${report.id}`;
	b.blocks.push({ kind: 'title', text: title, ...(report.title && { subtitle: report.title }) });
	const status = report.status === 'closed' ? LABELS.closed : LABELS.open;
	b.fields([
		[LABELS.caseId, report.id],
		[LABELS.customer, report.customer ?? report.disciplines.D0?.complaint?.customer],
		[LABELS.part, report.part],
		[LABELS.lot, report.lot],
		[LABELS.openedAt, readableTime(report.openedAt)],
		[LABELS.closedAt, readableTime(report.closedAt)],
		[LABELS.owner, report.owner],
		[
			LABELS.status,
			`${b.t(status)}${b.language === 'zh' ? '，' : ', '}${b.t(LABELS.stage)} ${report.stage}`,
		],
		[LABELS.ruleSet, report.ruleSet ?? selectEightDRuleSet(report).id],
	]);
	for (const d of DISCIPLINES) {
		const { note, tone } = disciplineNote(report, d, b);
		b.heading(`${d} ${b.t(DISCIPLINE_TITLES[d])}`, 2, note, tone);
		const before = b.blocks.length;
		CONTENT[d](report, b, options.spc);
		b.emptyUnless(before);
	}
	b.heading(b.t(LABELS.approvals), 2);
	const before = b.blocks.length;
	b.table(
		[LABELS.discipline, LABELS.role, LABELS.name, LABELS.date],
		(report.approvals ?? []).map((a) => [a.discipline, b.v(a.role), a.name, readableTime(a.at)]),
		[1, 1.5, 2, 2],
	);
	b.emptyUnless(before);
	const deadlines = checkEightDDeadlines(report, { now: options.now }).deadlines;
	b.heading(b.t(LABELS.deadlines), 2);
	const states = deadlines.map((state) => deadlineStatus(state, b));
	b.table(
		[LABELS.discipline, LABELS.dueAt, LABELS.completedAt, LABELS.status],
		deadlines.map((state, i) => [
			`${state.discipline} ${b.t(DISCIPLINE_TITLES[state.discipline])}`,
			// due dates are stored in the profile's zone; show them as the report's own times
			readableTime(state.dueAt, report.openedAt),
			readableTime(state.completedAt),
			states[i].text,
		]),
		[2.2, 1.8, 1.8, 1.6],
		states.map((s) => s.tone),
	);
	if (deadlines.length === 0) b.paragraph(b.t(LABELS.nothing), 'muted');
	if (report.evidence?.length) {
		b.heading(b.t(LABELS.evidence), 2);
		b.table(
			[LABELS.id, LABELS.discipline, LABELS.kind, LABELS.name],
			report.evidence.map((e) => [e.id, e.discipline, e.kind, e.name]),
			[0.8, 1, 1.2, 4],
		);
	}
	b.heading(b.t(LABELS.history), 2);
	const history = historyText(report, options.language);
	b.paragraph(history.text, history.tone);
	return {
		language: options.language,
		title,
		blocks: b.blocks,
		footer: `${report.id} · ${b.t(LABELS.generated)} ${readableTime(options.now)} · n8n-nodes-qms`,
	};
}
