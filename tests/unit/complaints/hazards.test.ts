import {
	classifyComplaint,
	createComplaintClassifier,
	decideSeverity,
	defaultHazardClasses,
	defaultTaxonomy,
	hazardClassIds,
} from '../../../lib/complaints';
import hazardBilingual from '../../fixtures/complaints/hazard-bilingual.json';
import hazardFresh from '../../fixtures/complaints/hazard-fresh.json';
import hazardIndirect from '../../fixtures/complaints/hazard-indirect.json';
import hazardHeldout from '../../fixtures/complaints/hazard-heldout.json';
import hazardUnseen from '../../fixtures/complaints/hazard-unseen.json';
import hazardVehicle from '../../fixtures/complaints/hazard-vehicle.json';
import hazardVehicle2 from '../../fixtures/complaints/hazard-vehicle-2.json';

const classesOf = (text: string) => [
	...new Set(classifyComplaint(text).hazards.map((h) => h.class)),
];

/** Each text stays below critical with no hazard found. */
function expectNoHazard(texts: string[]): void {
	for (const text of texts) {
		const r = classifyComplaint(text);
		expect([text, r.severity === 'critical', r.hazards]).toEqual([text, false, []]);
	}
}

describe('hazard classes: every class in English and Chinese', () => {
	// [class, English text, Chinese text]; each text is critical through that class.
	it.each([
		['fire_thermal', 'The charger started to smoke and the housing melted', '插座冒烟，端子烧焦了'],
		['fire_thermal', 'The power bank is puffed up and the cells are swelling', '充电宝鼓包发烫'],
		[
			'electrical',
			'Someone got a shock while he was working on the panel',
			'热水器漏电，洗澡被电到',
		],
		[
			'mechanical_injury',
			'The blade sliced my thumb when the lid was unlatched',
			'绞肉机把手指绞伤了',
		],
		[
			'vehicle_control',
			'Upon frontal collision the vehicle veered off the road',
			'高速行驶中刹车失灵',
		],
		['vehicle_control', 'One wheel came loose during the test drive', '行驶中右前车轮脱落'],
		[
			'occupant_protection',
			'Upon frontal collision, air bag failed to deploy',
			'正面碰撞气囊未弹开',
		],
		['chemical_toxic', 'Lab found lead content above the limit in the paint', '奶瓶检测出双酚A'],
		[
			'choking_suffocation',
			'The button eye came off and my baby had it in her mouth',
			'小零件脱落，孩子误吞',
		],
		[
			'medical_harm',
			'The infusion pump stopped delivering without alarming',
			'输液泵报警不响，病人用药过量',
		],
		['regulatory_legal', 'Market surveillance asked us to recall the lot', '市场监管要求召回'],
		['harm_to_person', 'The chair collapsed and my husband was injured', '折叠椅塌了，老人摔伤'],
	])('%s: "%s" / "%s"', (cls, en, zh) => {
		for (const text of [en, zh]) {
			const r = classifyComplaint(text);
			expect(r.severity).toBe('critical');
			expect(r.hazards.map((h) => h.class)).toContain(cls);
		}
	});

	it('covers every contract class and gives each its label in both languages', () => {
		for (const id of [
			'fire_thermal',
			'electrical',
			'mechanical_injury',
			'vehicle_control',
			'occupant_protection',
			'chemical_toxic',
			'choking_suffocation',
			'medical_harm',
			'regulatory_legal',
			'harm_to_person',
		])
			expect(hazardClassIds).toContain(id);
		for (const c of defaultHazardClasses) expect(Object.keys(c.label ?? {})).toEqual(['en', 'zh']);
	});
});

describe('complaints the earlier engine missed', () => {
	it.each([
		[
			'UPON FRONTAL COLLISION, AIR BAG FAILED TO DEPLOY',
			['vehicle_control', 'occupant_protection'],
		],
		[
			'THE ABS FAILED ON DRY PAVEMENT, RESULTING IN AN ACCIDENT',
			['vehicle_control', 'harm_to_person'],
		],
		[
			'THE WHEELS JERKED TO THE LEFT, SENDING THE VEHICLE INTO ONCOMING TRAFFIC',
			['vehicle_control'],
		],
		[
			'PARKED ON FLAT SURFACE EMERGENCY BRAKING ENGAGED VEHICLE ROLLED REARWARD',
			['vehicle_control'],
		],
		['自燃', ['fire_thermal']],
		['气囊未弹开', ['occupant_protection']],
		['转向失灵', ['vehicle_control']],
		['车轮脱落', ['vehicle_control']],
		['爆胎', ['vehicle_control']],
		['行驶中熄火', ['vehicle_control']],
		['动力消失', ['vehicle_control']],
	])('"%s" -> critical through %j', (text, classes) => {
		const r = classifyComplaint(text);
		expect(r.severity).toBe('critical');
		expect(classesOf(text).sort()).toEqual([...classes].sort());
	});
});

describe('harm told without the hazard word', () => {
	it.each([
		['The pump gave a dose nobody programmed and she ended up in the ER overnight', 'medical_harm'],
		['孩子的退烧药说明书剂量写错了，差点喂多了', 'medical_harm'],
		['We all had headaches and nausea from the exhaust fumes inside the cabin', 'chemical_toxic'],
		['宝宝把洗衣凝珠放进嘴里了，万一误食怎么办', 'chemical_toxic'],
		['THE BRAKE PEDAL WENT TO THE FLOOR AND THE TRUCK WOULD NOT SLOW DOWN', 'vehicle_control'],
		['THE HEADLIGHTS WENT OUT WHILE DRIVING AND I NEARLY DROVE INTO A DITCH', 'vehicle_control'],
		['THE EV LOST ALL MOTIVE POWER IN THE LEFT LANE OF THE HIGHWAY', 'vehicle_control'],
		['坡道起步后溜，差点撞到后车', 'vehicle_control'],
		['前轴断裂，车直接趴窝', 'vehicle_control'],
		['The passenger air bag off light stays on with an adult in the seat', 'occupant_protection'],
		['安全带卡扣坏了扣不上', 'occupant_protection'],
		['A bolt sheared and the head shot out across the workshop', 'mechanical_injury'],
		['螺栓断头飞出来，差点打到人', 'mechanical_injury'],
		[
			'The listing said UL listed but there is no UL listing on the charger, it cannot legally be sold',
			'regulatory_legal',
		],
		['锂电池发货未贴UN3481标签，违反危险品运输规定', 'regulatory_legal'],
		['Steam blasted out of the side of the lid while it was at pressure', 'fire_thermal'],
		[
			'The kettle does not click off when the water boils, it keeps going until the plug is pulled',
			'fire_thermal',
		],
		['Felt a buzz up my arm when I touched the fridge door and the sink', 'electrical'],
		[
			'The press still strokes with the guard open, the interlock switch is bridged',
			'mechanical_injury',
		],
		[
			'Small wooden bead on the rattle is smaller than a grape and comes off easily',
			'choking_suffocation',
		],
		['锅的涂层一刷就掉，碎屑混在饭里吃了', 'chemical_toxic'],
		['充电宝没有3C标志，在机场被没收了', 'regulatory_legal'],
	])('"%s" is critical through %s', (text, hazardClass) => {
		const r = classifyComplaint(text);
		expect([r.severity, classesOf(text).includes(hazardClass)]).toEqual(['critical', true]);
	});

	it('look-alikes of those words stay below critical', () => {
		expectNoHazard([
			'Love the fire-red finish, but the lid hinge squeaks',
			'Tested for leakage current: passed, no shock risk',
			'规格书容量写错了，市场部很头疼',
			'The hospital bed was delivered four days late',
			'On eco mode the vacuum dies after 35 minutes, not the 60 advertised',
			'The blinds arrived in a bent tube',
			'Glass top arrived shattered in the box, no corner protection',
			'快递显示已签收，可是我根本没收到',
			'The clear coat on the hood is peeling and flaking',
			'THE CONTACT RECEIVED A RECALL NOTICE FOR A LABEL; THE RECALL REMEDY IS NOT YET AVAILABLE',
		]);
	});
});

describe('component + failure within a short window', () => {
	it.each([
		['刹车失灵', 'vehicle_control', '刹车失灵'],
		['the brakes did not respond at all', 'vehicle_control', 'brakes did not respond'],
		['方向盘突然卡死', 'vehicle_control', '方向盘突然卡死'],
		['新车高速爆胎', 'vehicle_control', '爆胎'],
		['高速上发动机突然熄火', 'vehicle_control', '高速上发动机突然熄火'],
		['cells swelling', 'fire_thermal', 'cells swelling'],
		['安全带卡扣锁不住', 'occupant_protection', '安全带卡扣锁不住'],
	])('"%s" -> %s "%s"', (text, cls, term) => {
		const h = classifyComplaint(text).hazards.find((x) => x.class === cls);
		expect(h).toMatchObject({ term, harm: 'actual' });
		expect(text.slice(h?.start, h?.end)).toBe(term);
	});

	// Vehicle-owner reports in capitals, inflected forms, the NHTSA component areas.
	it.each([
		['WHILE MERGING ONTO THE INTERSTATE THE ENGINE SHUT DOWN', 'vehicle_control'],
		['THE BRAKE PEDAL SANK TO THE FLOOR AT A STOP SIGN', 'vehicle_control'],
		['THE VEHICLE SURGED FORWARD WHEN THE BRAKE WAS RELEASED', 'vehicle_control'],
		['THE TIE ROD END SNAPPED AND THE WHEEL TURNED SIDEWAYS', 'vehicle_control'],
		['THE WINDSHIELD WIPERS FAILED DURING A STORM', 'vehicle_control'],
		['THE PARKING BRAKE DID NOT HOLD ON A HILL', 'vehicle_control'],
		['THE DRIVER DOOR FLEW OPEN IN A TURN', 'vehicle_control'],
		['THE DRIVER SIDE AIR BAG DEPLOYED INADVERTENTLY OVER A POTHOLE', 'occupant_protection'],
		['THE FRONT SEAT BELTS WOULD NOT RETRACT', 'occupant_protection'],
		['FUEL IS LEAKING FROM THE FUEL PUMP', 'fire_thermal'],
		['The baby food jar had glass particles in it', 'chemical_toxic'],
		['油箱漏油，车库里全是汽油味', 'fire_thermal'],
		['下雨天雨刮器突然不工作', 'vehicle_control'],
	])('"%s" -> %s', (text, cls) => {
		expect(classesOf(text)).toContain(cls);
	});

	it('does not make a hazard of look-alikes near the same components', () => {
		for (const text of [
			'The glove box door would not latch',
			'The glass bottle arrived broken in the box',
			'The lamp base cracked in transit',
			'Small parts missing from the kit, no screws included',
			'I was shocked at the price of the repair',
			'We suffered a two week delay on the shipment',
			'THE LEATHER ON THE STEERING WHEEL IS CRACKING',
			'Stitching on the seat covers is coming undone',
		])
			expect([text, classifyComplaint(text).severity]).not.toEqual([text, 'critical']);
	});

	it('does not pair a component with a failure in another sentence or beyond the window', () => {
		expect(classesOf('The brake pads were fine. The app failed to sync.')).toEqual([]);
		expect(
			classesOf(
				'The brake caliper paint is scratched on the left side and the mirror cover failed',
			),
		).toEqual([]);
	});
});

describe('scope rules', () => {
	it('a tight explicit negation cancels the hazard it stands before', () => {
		for (const text of [
			'Screen scratched. No smoke, no fire.',
			'No sparks, smoke or burn marks were found.',
			'没有冒烟，只是外壳有划痕',
			'外壳有划痕，未起火',
			'没有出现冒烟和漏电',
		]) {
			const r = classifyComplaint(text);
			expect([text, r.severity, r.hazards]).toEqual([text, 'minor', []]);
		}
	});

	it('a negation before a different verb does not cancel the harm ("没断电被电到")', () => {
		const r = classifyComplaint('用户拆机时没断电被电到');
		expect(r.severity).toBe('critical');
		expect(r.hazards[0]).toMatchObject({ class: 'electrical', harm: 'actual' });
		expect('用户拆机时没断电被电到'.slice(r.hazards[0].start, r.hazards[0].end)).toBe('被电');
	});

	it('an accident, crash, collision or death always counts, even beside "no injuries"', () => {
		const crash = classifyComplaint('The car crashed into a pole, no injuries.');
		expect(crash.severity).toBe('critical');
		expect(crash.hazards).toEqual([
			{ class: 'vehicle_control', term: 'crashed into', start: 8, end: 20, harm: 'actual' },
		]);
		expect(classifyComplaint('幸好没出事故，刹车灯不亮').severity).toBe('critical');
		expect(
			classifyComplaint('THERE WERE NO INJURIES BUT THE VEHICLE WAS REAR ENDED').severity,
		).toBe('critical');
	});

	it('hypothetical hazards count as potential ("could cause a fire", "存在安全隐患")', () => {
		const en = classifyComplaint('The loose terminal could cause a fire in the end product');
		expect(en.severity).toBe('critical');
		expect(en.hazards).toEqual([
			{ class: 'fire_thermal', term: 'cause a fire', start: 25, end: 37, harm: 'potential' },
		]);
		const zh = classifyComplaint('电池仓设计存在安全隐患');
		expect(zh.severity).toBe('critical');
		expect(zh.hazards.map((h) => [h.class, h.term, h.harm])).toEqual([
			['harm_to_person', '安全隐患', 'potential'],
		]);
		expect(classifyComplaint('差点起火').hazards[0].harm).toBe('potential');
	});

	it('non-safety look-alikes are not hazards', () => {
		expectNoHazard([
			'Trying to fire up the app takes forever',
			'The smoke test of the new firmware build passed',
			'Battery life is short, the earbuds barely last two hours',
			'The smoke grey colour looks lighter than on the website',
			'The gas shock on the office chair squeaks',
			'The app crashes every time I open the settings page',
			'APP 一打开就 crash，无法使用',
			'Fire-retardant additive content is within spec',
			'冷车启动困难，打不着火',
			'这批纸箱是危险品专用箱，尺寸不对',
			'玻璃瓶互相碰撞，碎了好几个',
		]);
	});
});

describe('one severity decision', () => {
	it('hazard -> critical, functional loss -> major, otherwise minor, each with its reason', () => {
		const critical = classifyComplaint('刹车失灵');
		expect(critical.severity).toBe('critical');
		expect(critical.severityReason).toBe(
			'critical: vehicle_control hazard "刹车失灵" (actual harm)',
		);
		for (const text of [
			'Coffee machine dead on arrival',
			'The connector housings do not latch, it stopped our line for 4 hours',
			'这台设备不能用了',
			'来料不良导致停线',
			// a negated hazard leaves the functional loss standing
			'No fire, no burn marks, but the unit does not power on',
		]) {
			const r = classifyComplaint(text);
			expect([text, r.severity, r.severityReason.startsWith('major: functional loss')]).toEqual([
				text,
				'major',
				true,
			]);
		}
		const minor = classifyComplaint('Light scratches on the lid');
		expect(minor.severity).toBe('minor');
		expect(minor.severityReason).toBe('minor: no hazard or functional loss found');
	});

	it('decideSeverity names the first actual hazard before potential ones', () => {
		expect(
			decideSeverity(
				[
					{ class: 'fire_thermal', term: 'fire risk', start: 0, end: 9, harm: 'potential' },
					{ class: 'electrical', term: 'shocked', start: 14, end: 21, harm: 'actual' },
				],
				[{ term: 'not working', severity: 'major', start: 30, end: 41 }],
				'minor',
			),
		).toEqual({
			severity: 'critical',
			severityReason: 'critical: electrical hazard "shocked" (actual harm) and 1 more',
		});
	});

	it('a hazard outranks functional loss words in the same text', () => {
		expect(
			classifyComplaint('Two units stopped working and one of them caught fire').severity,
		).toBe('critical');
	});
});

describe('category of hazard complaints', () => {
	it('a hazard complaint with no category evidence is filed under design, not unclassified', () => {
		const r = classifyComplaint(
			'the charger started to smoke and the housing melted near the cable',
		);
		expect(r.category).toBe('design');
		expect(r.categories[0].id).toBe('design');
		expect(classifyComplaint('正面碰撞气囊未弹开').category).toBe('design');
	});

	it('keeps the category that evidence names ("绝缘层在装配时被划破" is production)', () => {
		expect(
			classifyComplaint('产品漏电，客户触电了，检查发现是绝缘层在装配时被划破。').category,
		).toBe('production');
	});

	it('scene words and the words of the hazard itself are no root-cause evidence', () => {
		// "truck" (logistics), "rain" and "4S店" say where it happened; "leak" is the hazard itself.
		expect(
			classifyComplaint('TL* THE CONTACT OWNS A 2019 TRUCK. THE TREAD SEPARATED ON THE HIGHWAY.')
				.category,
		).toBe('design');
		expect(classifyComplaint('WHILE DRIVING IN HEAVY RAIN THE HEADLIGHTS WENT OUT').category).toBe(
			'design',
		);
		expect(classifyComplaint('THERE WAS A FUEL LEAK UNDER THE VEHICLE').category).toBe('design');
		expect(classifyComplaint('高速上刹车失灵，拖到4S店检查').category).toBe('design');
	});

	it('a functional loss with no category evidence is a product complaint', () => {
		expect(classifyComplaint('The heater does not work at all').category).toBe('design');
	});

	it('dealer and service-network complaints go to service, parts availability to delivery', () => {
		for (const text of [
			'4S店服务态度差',
			'维修技术差，修了三次没修好',
			'保养乱收费',
			'销售承诺不兑现',
			'销售欺诈',
		])
			expect([text, classifyComplaint(text).category]).toEqual([text, 'service']);
		expect(classifyComplaint('配件缺货，等了两个月').category).toBe('delivery');
	});
});

describe('configuration through the taxonomy JSON and options', () => {
	it('a hazard class can be switched off per deployment', () => {
		const off = createComplaintClassifier({ disabledHazardClasses: ['regulatory_legal'] });
		expect(off('Please send the recall list').severity).toBe('minor');
		expect(off('The charger caught fire').severity).toBe('critical');
		const viaTaxonomy = createComplaintClassifier({
			taxonomy: { ...defaultTaxonomy, hazards: { disabled: ['regulatory_legal'] } },
		});
		expect(viaTaxonomy('Please send the recall list').hazards).toEqual([]);
	});

	it('takes custom hazard terms and classes from the taxonomy JSON', () => {
		const classify = createComplaintClassifier({
			taxonomy: {
				...defaultTaxonomy,
				hazards: {
					classes: [
						{ id: 'fire_thermal', terms: { en: ['glowing'] } },
						{
							id: 'radiation',
							label: { en: 'Radiation' },
							terms: { en: ['x-ray leak'], zh: ['辐射泄漏'] },
						},
					],
				},
			},
		});
		expect(classify('the element keeps glowing after switch-off').hazards[0]).toMatchObject({
			class: 'fire_thermal',
			term: 'glowing',
		});
		expect(classify('设备辐射泄漏').hazards[0]).toMatchObject({
			class: 'radiation',
			term: '辐射泄漏',
		});
		expect(classify('no x-ray leak was measured').hazards).toEqual([]);
	});

	it('rejects bad hazard settings naming the field', () => {
		expect(() => createComplaintClassifier({ disabledHazardClasses: ['fire'] })).toThrow(
			"disabledHazardClasses.disabled[0]: 'fire' is not a hazard class",
		);
		expect(() =>
			createComplaintClassifier({
				taxonomy: { ...defaultTaxonomy, hazards: { classes: [{ id: 'x', terms: { en: [''] } }] } },
			}),
		).toThrow('taxonomy.hazards.classes[0].terms.en must be an array of non-empty strings');
		expect(() =>
			createComplaintClassifier({
				taxonomy: { ...defaultTaxonomy, hazards: { category: 'nope' } },
			}),
		).toThrow("taxonomy.hazards.category: 'nope' is not a category of the taxonomy");
	});
});

describe('held-out hazard sets (tests/fixtures/complaints/hazard-*.json)', () => {
	// Floors a little under the measured figures (bench/complaints/hazard-eval.js prints them).
	it.each([
		['hazard-heldout.json', hazardHeldout.complaints, 0.95, 0.72],
		['hazard-unseen.json', hazardUnseen.complaints, 0.95, 0.7],
		['hazard-fresh.json', hazardFresh.complaints, 0.9, 0.7],
		['hazard-bilingual.json', hazardBilingual.complaints, 0.95, 0.83],
		['hazard-vehicle.json', hazardVehicle.complaints, 0.95, 0.78],
		['hazard-vehicle-2.json', hazardVehicle2.complaints, 0.95, 0.7],
		['hazard-indirect.json', hazardIndirect.complaints, 0.95, 0.7],
	])(
		'%s: critical recall per language and category accuracy above their floors, false critical <= 5 %%',
		(_file, rows, recall, accuracy) => {
			const results = rows.map((r) => classifyComplaint(r.text));
			for (const language of ['en', 'zh']) {
				const critical = rows.filter((r) => r.severity === 'critical' && r.language === language);
				const found = critical.filter((r) => results[rows.indexOf(r)].severity === 'critical');
				expect([language, found.length / critical.length >= recall]).toEqual([language, true]);
			}
			const nonCritical = rows.filter((r) => r.severity !== 'critical');
			const falseCritical = nonCritical.filter(
				(r) => results[rows.indexOf(r)].severity === 'critical',
			);
			expect(falseCritical.length / nonCritical.length).toBeLessThanOrEqual(0.05);
			const right = rows.filter((r, i) => results[i].category === r.category).length;
			expect(right / rows.length).toBeGreaterThanOrEqual(accuracy);
		},
	);
});
