import type { RatingScaleSet } from './types';

/**
 * PFMEA rating criteria, written for this package after the meaning of the AIAG-VDA FMEA
 * Handbook (1st ed., 2019) tables for process FMEA: severity (effect on the own plant, the
 * ship-to plant and the end user; the highest applies), occurrence (type and effectiveness of
 * the prevention controls) and detection (maturity and opportunity of the detection method).
 * The wording is ours.
 */
export const PFMEA_SCALES: RatingScaleSet = {
	severity: [
		{
			rating: 10,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'May endanger the operator, or affects safe use of the product or the health of the end user.',
				zh: '可能危及操作者，或影响产品的安全使用、危及最终用户的健康。',
			},
		},
		{
			rating: 9,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'Noncompliance with plant or product regulations.',
				zh: '不符合工厂或产品法规。',
			},
		},
		{
			rating: 8,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'The whole production run may be scrapped, or the ship-to plant stops its line; the end user loses a primary function.',
				zh: '整批产品可能报废，或客户工厂停线；最终用户丧失主要功能。',
			},
		},
		{
			rating: 7,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Product must be sorted and part of it scrapped; the end user finds a primary function degraded.',
				zh: '产品需要挑选并部分报废；最终用户发现主要功能下降。',
			},
		},
		{
			rating: 6,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'The whole run may be reworked off line; the end user loses a secondary function.',
				zh: '整批产品可能需要线外返工；最终用户丧失次要功能。',
			},
		},
		{
			rating: 5,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Part of the run reworked off line; the end user finds a secondary function degraded.',
				zh: '部分产品需要线外返工；最终用户发现次要功能下降。',
			},
		},
		{
			rating: 4,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'The whole run reworked in station; very objectionable appearance, sound or feel to the end user.',
				zh: '整批产品在工位上返工；外观、声音或手感令最终用户非常反感。',
			},
		},
		{
			rating: 3,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Part of the run reworked in station; moderately objectionable appearance, sound or feel.',
				zh: '部分产品在工位上返工；外观、声音或手感令人中度反感。',
			},
		},
		{
			rating: 2,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Slight inconvenience to the process or operator; slightly objectionable appearance, sound or feel.',
				zh: '对过程或操作者造成轻微不便；外观、声音或手感令人轻微反感。',
			},
		},
		{
			rating: 1,
			level: { en: 'Very low', zh: '很低' },
			criteria: { en: 'No discernible effect.', zh: '没有可察觉的影响。' },
		},
	],
	occurrence: [
		{
			rating: 10,
			level: { en: 'Extremely high', zh: '极高' },
			criteria: { en: 'No prevention controls.', zh: '没有预防控制。' },
		},
		{
			rating: 9,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'Prevention controls have little effect on the cause.',
				zh: '预防控制对该原因几乎不起作用。',
			},
		},
		{
			rating: 8,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'Prevention controls have little effect on the cause.',
				zh: '预防控制对该原因几乎不起作用。',
			},
		},
		{
			rating: 7,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Prevention controls are somewhat effective against the cause.',
				zh: '预防控制对该原因有一定效果。',
			},
		},
		{
			rating: 6,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Prevention controls are somewhat effective against the cause.',
				zh: '预防控制对该原因有一定效果。',
			},
		},
		{
			rating: 5,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Prevention controls are effective against the cause.',
				zh: '预防控制对该原因有效。',
			},
		},
		{
			rating: 4,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Prevention controls are effective against the cause.',
				zh: '预防控制对该原因有效。',
			},
		},
		{
			rating: 3,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Prevention controls are highly effective against the cause.',
				zh: '预防控制对该原因非常有效。',
			},
		},
		{
			rating: 2,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Prevention controls are highly effective against the cause.',
				zh: '预防控制对该原因非常有效。',
			},
		},
		{
			rating: 1,
			level: { en: 'Extremely low', zh: '极低' },
			criteria: {
				en: 'The cause cannot occur because of the part geometry or the process design (e.g. fixture, error-proofing).',
				zh: '由于零件几何形状或过程设计（如夹具、防错），该原因不可能发生。',
			},
		},
	],
	detection: [
		{
			rating: 10,
			level: { en: 'Very low', zh: '很低' },
			criteria: {
				en: 'No test or inspection method established or known.',
				zh: '没有建立或已知的试验或检验方法。',
			},
		},
		{
			rating: 9,
			level: { en: 'Very low', zh: '很低' },
			criteria: {
				en: 'Unlikely to be detected; only random or sporadic audits.',
				zh: '不太可能被发现；只有随机或零星的审核。',
			},
		},
		{
			rating: 8,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Human inspection (visual, touch, hearing) or manual gauging that should find it, not proven.',
				zh: '人工检验（目视、触摸、听觉）或手动量具应能发现，但未经验证。',
			},
		},
		{
			rating: 7,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Machine-based detection or inspection equipment (e.g. CMM) that should find it, not proven.',
				zh: '基于设备的检测或检验设备（如三坐标）应能发现，但未经验证。',
			},
		},
		{
			rating: 6,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Human inspection or manual gauging proven effective.',
				zh: '人工检验或手动量具已被证明有效。',
			},
		},
		{
			rating: 5,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Machine-based detection with notification (light, buzzer) proven effective.',
				zh: '带提示（灯光、蜂鸣）的设备检测已被证明有效。',
			},
		},
		{
			rating: 4,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Proven automated detection downstream that stops further processing or moves the part to a reject area.',
				zh: '经过验证的下游自动检测，可阻止后续加工或将零件移至不合格品区。',
			},
		},
		{
			rating: 3,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Proven automated detection in station that stops further processing.',
				zh: '经过验证的工位内自动检测，可阻止后续加工。',
			},
		},
		{
			rating: 2,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Proven automated detection of the cause that keeps the failure mode from being produced.',
				zh: '经过验证的对原因的自动检测，可防止失效模式被制造出来。',
			},
		},
		{
			rating: 1,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'The failure mode cannot be produced as designed or processed, or the method is proven to always detect it.',
				zh: '按设计或工艺无法产生该失效模式，或检测方法已被证明总能发现它。',
			},
		},
	],
};
