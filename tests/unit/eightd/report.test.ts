import {
	advance,
	openFromComplaint,
	renderEightDReport,
	type EightDReport,
	type RenderedEightDReport,
} from '../../../lib/eightd';
import { CHARACTERISTIC, documentReport } from './helpers';

// the first render loads the 10 MB font and resvg
jest.setTimeout(60_000);

const NOW = '2026-04-02T10:00:00+08:00';
/** Tags the HTML edition writes itself; anything else would be record text let through unescaped. */
const OWN_TAGS = new Set(
	'html head meta title body table thead tbody tr td th h1 h2 h3 p span ul ol li img'.split(' '),
);

let closed: EightDReport;
const editions: Record<'en' | 'zh', RenderedEightDReport> = {} as never;

beforeAll(() => {
	closed = documentReport();
	editions.en = renderEightDReport(closed, { language: 'en', now: NOW });
	editions.zh = renderEightDReport(closed, { language: 'zh', now: NOW });
});

describe('renderEightDReport: HTML and text', () => {
	it('escapes every value from the record', () => {
		for (const { html } of Object.values(editions)) {
			expect(html).not.toContain('<script>');
			expect(html).not.toContain('<b>');
			expect(html).toContain(
				'&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;',
			);
			expect(html).toContain('O&#39;Brien &lt;b&gt;');
			expect(html).toContain('Logistics &amp; Packaging');
			const tags = new Set(
				[...html.matchAll(/<\/?([a-zA-Z0-9]+)/g)].map((m) => m[1].toLowerCase()),
			);
			expect([...tags].filter((t) => !OWN_TAGS.has(t))).toEqual([]);
		}
	});

	it.each([
		[
			'en',
			[
				'8D report 8D-2026-0142',
				'D0 Prepare and emergency response',
				'D1 Team',
				'D2 Problem description',
				'D3 Interim containment',
				'D4 Root causes and escape point',
				'D5 Permanent corrective actions',
				'D6 Implementation and validation',
				'D7 Prevent recurrence',
				'D8 Closure and recognition',
				'Approvals',
				'Deadlines',
				'History check',
			],
		],
		[
			'zh',
			[
				'8D 报告 8D-2026-0142',
				'D0 准备与紧急响应',
				'D1 成立小组',
				'D2 问题描述',
				'D3 临时遏制措施',
				'D4 根本原因与流出点',
				'D5 永久纠正措施',
				'D6 实施与验证',
				'D7 预防再发生',
				'D8 关闭与表彰',
				'批准',
				'期限',
				'历史记录校验',
			],
		],
	] as const)('has every section in %s, in the HTML and the text', (language, headings) => {
		const { html, text } = editions[language];
		expect(html).toContain(`<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">`);
		for (const heading of headings) {
			expect(html).toContain(heading);
			expect(text).toContain(heading);
		}
	});

	it('states the header: case, customer, part, lot, dates, status', () => {
		const { text } = editions.en;
		expect(text).toContain('Case: 8D-2026-0142');
		expect(text).toContain('Customer: Contoso Appliances');
		expect(text).toContain('Part: PA-65 charger housing 充电器外壳');
		expect(text).toContain('Lot: 2602-117');
		expect(text).toContain('Opened: 2026-03-02 09:15 +08:00');
		expect(text).toContain('Closed: 2026-03-30 10:00 +08:00');
		expect(text).toContain('Status: closed, Stage D8');
		expect(editions.zh.text).toContain('状态: 已关闭，当前阶段 D8');
	});

	it('shows what each discipline recorded', () => {
		const { text } = editions.en;
		// D0, D1
		expect(text).toContain('Emergency response needed: yes');
		expect(text).toContain('  - Stop shipment of PA-65 lot 2602-117');
		expect(text).toContain('  Zhang Wei | champion | Plant management');
		// D2: 5W2H and is / is not
		expect(text).toContain('  how many | 3 of 5,000 shipped from lot 2602-117');
		expect(text).toContain(
			'  where | Line 3 production | Line 1, line 2 | Line 3 ultrasonic welder horn replaced in week 2605',
		);
		// D3: quantities per location with their total, and the verification of each action
		expect(text).toContain('  in transit | 800 | 800 | 1');
		expect(text).toContain('  Total | 5000 | 5000 | 7');
		expect(text).toMatch(
			/C1: Sort PA-65 .* \| effective; Li Na, 2026-03-02 19:00 \+08:00; Re-check/,
		);
		// D4: both root causes with their 5-Why, 6M category and verification; Ishikawa
		expect(text).toContain('Root cause of occurrence RC1:');
		expect(text).toContain('Root cause of escape RC2:');
		expect(text).toContain('Escape point: End-of-line test station, line 3');
		expect(text).toContain('6M category: measurement');
		expect(text).toContain('  - Why 5: Why was the energy low?');
		expect(text).toContain('  material | examined, none found');
		// D5: owners and due dates
		expect(text).toMatch(
			/A2: Add 4-wire joint resistance test .* \| escape \| RC2 \| Li Na \| 2026-03-18 18:00 \+08:00/,
		);
		// D7, D8
		expect(text).toContain('  control plan | CP-PA65-L3 | 12 | 2026-03-25 10:00 +08:00');
		expect(text).toContain(
			'  PF-12 | Weld joint resistance high 焊点电阻过高 | Horn amplitude not re-qualified | 9 / 2 / 3',
		);
		expect(text).toMatch(/Lessons learned: Any tooling change/);
		expect(text).toMatch(/Customer acceptance: accepted, /);
		expect(text).toMatch(/Recognition: /);
		// approvals
		expect(text).toContain('  D5 | champion | Zhang Wei | 2026-03-13 17:00 +08:00');
	});

	it('shows the D6 evidence: characteristic, points after the fix, limits, Cpk and the chart', () => {
		const { text, html, images } = editions.en;
		expect(text).toContain('Effectiveness proven by SPC [effective (proven by SPC)]:');
		expect(text).toContain(`Characteristic: ${CHARACTERISTIC}`);
		expect(text).toContain('Points after the fix: 25 (needed 25)');
		// center 10, sigma 0.2843312 (see STABLE): limits 10 -/+ 3 sigma
		expect(text).toContain('I chart center / limits: 10 / 9.147 – 10.853 mm');
		expect(text).toContain('Run-rule reports: none');
		expect(text).toContain('Cpk: 1.41 (needed ≥ 1.33)');
		expect(images).toHaveLength(1);
		expect(images[0]).toMatchObject({
			id: 'd6-spc-chart',
			mimeType: 'image/png',
			fileName: '8D-2026-0142-d6-spc-chart.png',
		});
		expect(images[0].data.subarray(1, 4).toString()).toBe('PNG');
		expect(html).toContain(`src="data:image/png;base64,${images[0].data.toString('base64')}"`);
		const cid = renderEightDReport(closed, { now: NOW, imageSrc: (id) => `cid:${id}` });
		expect(cid.html).toContain('src="cid:d6-spc-chart"');
		expect(cid.html).not.toContain('data:image/png');
	});

	it('marks each deadline met on the report closed in time', () => {
		const { text } = editions.en;
		expect(text).toContain(
			'  D3 Interim containment | 2026-03-03 09:15 +08:00 | 2026-03-02 20:00 +08:00 | met',
		);
		expect(text).toContain(
			'  D4 Root causes and escape point | 2026-03-12 09:15 +08:00 | 2026-03-09 10:00 +08:00 | met',
		);
		expect(text).toContain(
			'  D8 Closure and recognition | 2026-04-01 09:15 +08:00 | 2026-03-30 10:00 +08:00 | met',
		);
		expect(editions.zh.text).toContain('按时完成');
	});

	it('marks a deadline missed: completed late, or still open past due', () => {
		// D3 due 2026-03-03 09:15, left only at 03-04 09:15: 24 h late
		const late = advance(documentReport('D3'), 'D4', 'Li Na', { now: '2026-03-04T09:15:00+08:00' });
		// D4 due 2026-03-12 09:15, still open at 03-20 10:00: 8 days 45 min = 192.75 h
		const { text, html } = renderEightDReport(late, { now: '2026-03-20T10:00:00+08:00' });
		expect(text).toContain(
			'| 2026-03-03 09:15 +08:00 | 2026-03-04 09:15 +08:00 | missed (24 h late)',
		);
		expect(text).toContain(
			'  D4 Root causes and escape point | 2026-03-12 09:15 +08:00 | – | missed, still open (192.8 h late)',
		);
		expect(text).toContain(
			'  D8 Closure and recognition | 2026-04-01 09:15 +08:00 | – | open, on time',
		);
		expect(html).toContain('background:#fef2f2;');
		const zh = renderEightDReport(late, { language: 'zh', now: '2026-03-20T10:00:00+08:00' }).text;
		expect(zh).toContain('逾期完成 (24 小时)');
		expect(zh).toContain('已逾期，未完成 (192.8 小时)');
	});

	it('states the history check: verified, or where it breaks', () => {
		expect(editions.en.text).toContain(
			'History of 10 entries verified: the hash chain is intact (last hash ',
		);
		expect(editions.zh.text).toContain('历史记录共 10 条，哈希链校验通过');
		const tampered = structuredClone(closed);
		tampered.history?.[3].reasons.push('edited afterwards');
		const { text } = renderEightDReport(tampered, { now: NOW });
		expect(text).toContain(
			'History check FAILED at entry 3 (entry 3: hash does not match its content)',
		);
	});

	it('renders a report just opened: disciplines not started, nothing recorded', () => {
		const opened = openFromComplaint(
			{
				text: '充电器外壳冒烟 <img src=x>',
				customer: 'Northwind Motors',
				receivedAt: '2026-03-02T09:15:00+08:00',
				severity: 'critical',
			},
			{ now: '2026-03-02T10:00:00+08:00', id: '8D-NEW-1' },
		);
		const { text, html } = renderEightDReport(opened, {
			language: 'zh',
			now: '2026-03-02T11:00:00+08:00',
		});
		expect(text).toContain('D0 准备与紧急响应 [进行中]');
		expect(text).toContain('D1 成立小组 [未开始]');
		expect(text).toContain('无记录。');
		expect(text).toContain('阶段规则集: northwind-motors');
		expect(text).toContain('历史记录共 1 条，哈希链校验通过');
		expect(html).toContain('充电器外壳冒烟 &lt;img src=x&gt;');
	});

	it('refuses an unknown language or format, and a report that fails the schema', () => {
		expect(() => renderEightDReport(closed, { language: 'fr' as 'en' })).toThrow(
			'options.language: "fr"',
		);
		expect(() => renderEightDReport(closed, { format: 'docx' as 'pdf' })).toThrow(
			'options.format: "docx"',
		);
		expect(() => renderEightDReport({ id: 'x' })).toThrow(/openedAt/);
	});
});
