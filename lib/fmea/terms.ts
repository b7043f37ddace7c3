/**
 * Bilingual failure vocabulary for matching complaints with FMEA rows: each concept lists
 * English words (matched on their Porter stems, phrases as consecutive words) and Chinese
 * terms (matched as substrings), so "terminal pushed out" and "端子退针" meet on the concepts
 * `terminal` and `detach`. Written for this package from the failure modes common in
 * connector, cable, electronics and charger PFMEAs; extend it per deployment through
 * `options.concepts` of matchComplaints.
 */
export interface FailureConcept {
	id: string;
	en: string[];
	zh: string[];
}

export const FAILURE_CONCEPTS: FailureConcept[] = [
	// failure modes
	{ id: 'crack', en: ['crack', 'fracture', 'split'], zh: ['裂', '破裂'] },
	{
		id: 'break',
		en: ['break', 'broke', 'broken', 'snap'],
		zh: ['断裂', '折断', '断开', '断了', '破损', '碎'],
	},
	{
		id: 'scratch',
		en: ['scratch', 'scuff', 'abrasion'],
		zh: ['划痕', '划伤', '刮花', '刮伤', '擦伤'],
	},
	{
		id: 'deform',
		en: ['deform', 'deformed', 'bent', 'bend', 'warp', 'dent', 'crush', 'crushed'],
		zh: ['变形', '弯曲', '弯', '凹陷', '翘曲', '压扁', '压坏'],
	},
	{
		id: 'overheat',
		en: [
			'overheat',
			'hot',
			'heat',
			'temperature',
			'thermal',
			'overheated',
			'overheating',
			'over-temperature',
		],
		zh: ['过热', '发热', '发烫', '高温', '烫手', '温升', '温度', '过温'],
	},
	{
		id: 'fire',
		en: ['fire', 'flame', 'ignite', 'burn', 'burnt', 'burned', 'scorch', 'char'],
		zh: ['起火', '着火', '火', '燃烧', '烧', '焦'],
	},
	{ id: 'smoke', en: ['smoke', 'smoking', 'fume'], zh: ['冒烟', '烟'] },
	{ id: 'melt', en: ['melt', 'melted', 'molten'], zh: ['熔', '融化'] },
	{ id: 'short', en: ['short circuit', 'short-circuit'], zh: ['短路'] },
	{
		id: 'shock',
		en: ['electric shock', 'shock', 'electrocute', 'leakage current', 'touch current'],
		zh: ['触电', '漏电', '电击', '被电', '麻手'],
	},
	{
		id: 'intermittent',
		en: [
			'intermittent',
			'intermittently',
			'flicker',
			'sporadic',
			'on and off',
			'loose contact',
			'poor contact',
			'unstable',
			'cut in and out',
			'cutting in and out',
			'cuts out',
		],
		zh: ['时断时续', '间歇', '断断续续', '接触不良', '不稳定', '时好时坏'],
	},
	{ id: 'loose', en: ['loose', 'wobble', 'rattle'], zh: ['松动', '松', '晃动'] },
	{
		id: 'detach',
		en: [
			'detach',
			'come off',
			'came off',
			'fall out',
			'fell out',
			'pull out',
			'pulled out',
			'push out',
			'pushed out',
			'back out',
			'backed out',
			'disconnect',
			'separate',
			'slip out',
			'slips out',
			'slipped out',
		],
		zh: ['脱落', '脱开', '掉出', '拔出', '脱出', '退针', '退出', '分离', '掉了'],
	},
	{
		id: 'corrosion',
		en: ['corrosion', 'corrode', 'rust', 'oxidation', 'oxidize', 'tarnish'],
		zh: ['腐蚀', '锈', '氧化', '发黑'],
	},
	{
		id: 'contamination',
		en: [
			'dirt',
			'dust',
			'contamination',
			'contaminated',
			'debris',
			'foreign',
			'particle',
			'residue',
			'oil',
		],
		zh: ['脏污', '异物', '灰尘', '污染', '残留', '油污', '毛屑'],
	},
	{
		id: 'water',
		en: ['water', 'moisture', 'ingress', 'wet', 'humid', 'humidity', 'rain'],
		zh: ['进水', '渗水', '漏水', '受潮', '潮湿', '水'],
	},
	{ id: 'leak', en: ['leak', 'leakage', 'seep'], zh: ['泄漏', '渗漏', '漏液', '漏油', '漏气'] },
	{
		id: 'missing',
		en: ['missing', 'absent', 'lack', 'omit', 'omitted', 'forgot'],
		zh: ['缺少', '缺失', '缺件', '漏装', '少装', '遗漏', '没有装', '未装'],
	},
	{
		id: 'wrong',
		en: ['wrong', 'mix', 'mixed', 'incorrect', 'mismatch', 'reversed', 'swap', 'swapped'],
		zh: ['错', '混料', '装反', '反向', '极性反', '不对', '不一致'],
	},
	{
		id: 'dimension',
		en: [
			'dimension',
			'size',
			'diameter',
			'length',
			'width',
			'height',
			'thickness',
			'tolerance',
			'oversize',
			'undersize',
			'out of spec',
			'out of specification',
		],
		zh: ['尺寸', '超差', '直径', '长度', '宽度', '高度', '厚度', '公差', '偏大', '偏小'],
	},
	{
		id: 'swell',
		en: ['swell', 'swollen', 'swelling', 'bulge', 'bulging', 'puff'],
		zh: ['鼓包', '膨胀', '鼓起'],
	},
	{
		id: 'noise',
		en: ['noise', 'noisy', 'buzz', 'whine', 'hum', 'squeak', 'click'],
		zh: ['噪音', '异响', '响声', '嗡嗡', '啸叫', '吱吱'],
	},
	{
		id: 'dead',
		en: [
			'dead',
			'not work',
			'not working',
			'does not work',
			'stop working',
			'stopped working',
			'no power',
			'fail to',
			'failed to',
			'inoperative',
			'doa',
			'stop',
			'stopped',
			'no output',
		],
		zh: ['不工作', '不能用', '无法使用', '没反应', '坏了', '失效', '不通电', '无电'],
	},
	{ id: 'slow', en: ['slow', 'slowly'], zh: ['慢', '缓慢', '弱'] },
	{
		id: 'force',
		en: ['force', 'hard to', 'difficult to', 'tight', 'stiff'],
		zh: ['插拔力', '保持力', '拉拔力', '插入力', '费力', '太紧', '插不进', '难插'],
	},
	{ id: 'resistance', en: ['resistance', 'ohm'], zh: ['电阻', '阻值'] },
	{
		id: 'open',
		en: ['open circuit', 'no continuity', 'no contact'],
		zh: ['开路', '断路', '不导通', '不通'],
	},
	{
		id: 'insufficient',
		en: ['insufficient', 'too low', 'too thin', 'thin', 'not enough', 'too little'],
		zh: ['不足', '偏低', '过低', '太薄', '偏薄', '不够'],
	},
	{ id: 'weld', en: ['weld', 'welding', 'welded', 'ultrasonic'], zh: ['焊接', '超声波焊'] },
	// components and features
	{
		id: 'transistor',
		en: ['mosfet', 'transistor', 'power switch'],
		zh: ['功率管', 'mos管', '晶体管'],
	},
	{
		id: 'terminal',
		en: ['terminal', 'pin', 'contact', 'socket'],
		zh: ['端子', '插针', '针脚', '引脚', '触点', '触头', '弯针', '歪针'],
	},
	{
		id: 'housing',
		en: ['housing', 'enclosure', 'shell', 'casing', 'cover'],
		zh: ['外壳', '壳体', '壳', '胶壳', '外罩', '盖'],
	},
	{
		id: 'latch',
		en: ['latch', 'lock', 'clip', 'catch', 'snap fit', 'tab'],
		zh: ['卡扣', '锁扣', '卡勾', '锁', '卡子', '扣'],
	},
	{ id: 'seal', en: ['seal', 'gasket', 'o-ring', 'grommet'], zh: ['密封', '胶圈', '防水圈'] },
	{ id: 'crimp', en: ['crimp', 'crimping', 'crimped'], zh: ['压接', '铆压', '压线'] },
	{
		id: 'solder',
		en: ['solder', 'soldering', 'soldered', 'cold joint', 'solder joint'],
		zh: ['虚焊', '锡', '焊点', '焊锡', '焊脚', '回流焊', '冷焊', '脱焊'],
	},
	{
		id: 'wire',
		en: ['wire', 'cable', 'cord', 'harness', 'strand'],
		zh: ['电线', '线缆', '导线', '线材', '线束', '电缆'],
	},
	{
		id: 'insulation',
		en: ['insulation', 'insulator', 'jacket', 'sheath'],
		zh: ['绝缘', '外皮', '护套'],
	},
	{
		id: 'plating',
		en: ['plating', 'plated', 'coating', 'coat'],
		zh: ['镀层', '电镀', '涂层', '镀'],
	},
	{
		id: 'label',
		en: ['label', 'marking', 'sticker', 'print', 'printing', 'nameplate', 'barcode'],
		zh: ['标签', '标识', '丝印', '印字', '铭牌', '条码'],
	},
	{
		id: 'manual',
		en: ['manual', 'instruction', 'datasheet', 'certificate', 'document'],
		zh: ['说明书', '手册', '证书', '文件'],
	},
	{
		id: 'screw',
		en: ['screw', 'bolt', 'torque', 'fastener', 'nut'],
		zh: ['螺丝', '螺钉', '螺栓', '扭矩', '螺母'],
	},
	{
		id: 'charging',
		en: ['charge', 'charging', 'charger', 'charged'],
		zh: ['充电', '充不进', '充不上', '充电器'],
	},
	{
		id: 'output',
		en: ['output', 'voltage', 'volt', 'current', 'amp', 'power delivery'],
		zh: ['输出', '电压', '电流'],
	},
	{ id: 'battery', en: ['battery', 'cell', 'pack'], zh: ['电池', '电芯', '充电宝'] },
	{
		id: 'fuse',
		en: ['fuse', 'protection', 'overcurrent', 'overvoltage', 'protect'],
		zh: ['保险丝', '保护', '过流', '过压'],
	},
	{
		id: 'transformer',
		en: ['transformer', 'coil', 'inductor', 'winding'],
		zh: ['变压器', '线圈', '电感', '绕组'],
	},
	{ id: 'capacitor', en: ['capacitor'], zh: ['电容'] },
	{
		id: 'pcb',
		en: ['pcb', 'board', 'pcba', 'circuit board'],
		zh: ['电路板', '线路板', '主板', '元器件', '元件'],
	},
	{ id: 'led', en: ['led', 'indicator', 'lamp'], zh: ['指示灯', '灯'] },
	{
		id: 'plug',
		en: ['plug', 'prong', 'blade', 'usb', 'port', 'connector', 'receptacle'],
		zh: ['插头', '插脚', '接口', '插座', '连接器', '插口'],
	},
	{
		id: 'mating',
		en: ['mate', 'mating', 'insert', 'insertion', 'plug in', 'engage', 'connect'],
		zh: ['插入', '插拔', '插接', '对插', '配合', '插'],
	},
	{
		id: 'packaging',
		en: ['packaging', 'package', 'carton', 'box', 'pallet', 'tray', 'bag'],
		zh: ['包装', '纸箱', '外箱', '箱', '托盘', '吸塑'],
	},
	{
		id: 'transport',
		en: ['transport', 'shipping', 'shipment', 'transit', 'handling', 'drop', 'dropped'],
		zh: ['运输', '搬运', '跌落', '摔'],
	},
	{
		id: 'material',
		en: ['material', 'resin', 'raw material', 'supplier'],
		zh: ['材料', '原料', '来料', '供应商', '物料'],
	},
	{
		id: 'adhesive',
		en: ['adhesive', 'glue', 'potting', 'bond'],
		zh: ['胶水', '灌胶', '粘接', '点胶'],
	},
	{
		id: 'appearance',
		en: [
			'appearance',
			'cosmetic',
			'color',
			'colour',
			'discolor',
			'stain',
			'blemish',
			'flash',
			'burr',
			'short shot',
		],
		zh: ['外观', '颜色', '色差', '变色', '污渍', '毛刺', '披锋'],
	},
];

/**
 * Concepts a complaint category brings as evidence, for complaints whose text says little
 * more than their category (default taxonomy ids of classifyComplaint).
 */
export const CATEGORY_CONCEPTS: Record<string, string[]> = {
	logistics_packaging: ['packaging', 'transport'],
	supplier_material: ['material'],
	documentation: ['label', 'manual'],
};

/** Concepts a hazard class of classifyComplaint brings as evidence. */
export const HAZARD_CONCEPTS: Record<string, string[]> = {
	fire_thermal: ['overheat', 'fire'],
	electrical: ['shock', 'short'],
	chemical_toxic: ['leak'],
};
