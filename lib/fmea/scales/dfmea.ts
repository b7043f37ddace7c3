import type { RatingScaleSet } from './types';

/**
 * DFMEA rating criteria, written for this package after the meaning of the AIAG-VDA FMEA
 * Handbook (1st ed., 2019) tables for design FMEA severity (effect on the product and its
 * user), occurrence (how well the design's prevention controls predict the cause will not
 * occur) and detection (maturity of the verification method and when it runs in development).
 * The wording is ours and covers products in general, not only vehicles.
 */
export const DFMEA_SCALES: RatingScaleSet = {
	severity: [
		{
			rating: 10,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'Affects safe operation of the product or the health of its user or others nearby.',
				zh: '影响产品的安全使用，或危及使用者及周围人员的健康。',
			},
		},
		{
			rating: 9,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'The product no longer complies with regulations.',
				zh: '产品不再符合法规要求。',
			},
		},
		{
			rating: 8,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Loss of a primary function needed for normal use during the expected service life.',
				zh: '在预期使用寿命内丧失正常使用所需的主要功能。',
			},
		},
		{
			rating: 7,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Degradation of a primary function needed for normal use.',
				zh: '正常使用所需的主要功能下降。',
			},
		},
		{
			rating: 6,
			level: { en: 'Moderate', zh: '中' },
			criteria: { en: 'Loss of a secondary function.', zh: '丧失次要功能。' },
		},
		{
			rating: 5,
			level: { en: 'Moderate', zh: '中' },
			criteria: { en: 'Degradation of a secondary function.', zh: '次要功能下降。' },
		},
		{
			rating: 4,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Very objectionable appearance, sound, vibration, harshness or feel.',
				zh: '外观、声音、振动、粗糙度或手感令人非常反感。',
			},
		},
		{
			rating: 3,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Moderately objectionable appearance, sound, vibration, harshness or feel.',
				zh: '外观、声音、振动、粗糙度或手感令人中度反感。',
			},
		},
		{
			rating: 2,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Slightly objectionable appearance, sound, vibration, harshness or feel.',
				zh: '外观、声音、振动、粗糙度或手感令人轻微反感。',
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
			criteria: {
				en: 'New technology with no experience anywhere, or no prevention controls: failure is inevitable.',
				zh: '全新技术，无任何经验，或没有预防控制：失效不可避免。',
			},
		},
		{
			rating: 9,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'First use of a new technology or design in the company, or a new use case or operating condition; prevention controls not aimed at this cause.',
				zh: '公司内首次采用新技术或新设计，或使用场景、工况改变；预防控制并非针对该原因。',
			},
		},
		{
			rating: 8,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'New design with existing technology in an unproven application; prevention controls not proven to predict field performance.',
				zh: '以现有技术做新设计，用于未经验证的应用；预防控制未被证明能预测现场表现。',
			},
		},
		{
			rating: 7,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'New design based on similar technology and materials; prevention controls give limited indication of performance.',
				zh: '基于类似技术和材料的新设计；预防控制只能有限地预示性能。',
			},
		},
		{
			rating: 6,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Similar to earlier designs that had failures; best practices are used but have not prevented this cause reliably.',
				zh: '与曾经出现失效的既有设计相似；虽采用最佳实践，但未能可靠地防止该原因。',
			},
		},
		{
			rating: 5,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Detail changes to an earlier design with known technology and minor issues; prevention controls can find some deficiencies.',
				zh: '对采用成熟技术、有少量问题的既有设计做细节更改；预防控制能发现部分缺陷。',
			},
		},
		{
			rating: 4,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Almost the same design with short field exposure; prevention controls predict conformance with some uncertainty.',
				zh: '几乎相同的设计，现场使用时间短；预防控制能预测符合性，但仍有不确定性。',
			},
		},
		{
			rating: 3,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Detail changes to a known design in the same application; prevention controls are proven and predict conformance.',
				zh: '在相同应用中对已知设计做细节更改；预防控制经过验证，能预测符合性。',
			},
		},
		{
			rating: 2,
			level: { en: 'Very low', zh: '很低' },
			criteria: {
				en: 'Mature design with field experience; prevention controls reliably predict conformance.',
				zh: '成熟设计，具有现场经验；预防控制能可靠地预测符合性。',
			},
		},
		{
			rating: 1,
			level: { en: 'Extremely low', zh: '极低' },
			criteria: {
				en: 'The cause cannot occur by design, or prevention controls have eliminated it.',
				zh: '该原因因设计而不可能发生，或已被预防控制消除。',
			},
		},
	],
	detection: [
		{
			rating: 10,
			level: { en: 'Very low', zh: '很低' },
			criteria: {
				en: 'No test procedure developed or test method defined yet.',
				zh: '尚未制定试验程序或定义试验方法。',
			},
		},
		{
			rating: 9,
			level: { en: 'Very low', zh: '很低' },
			criteria: {
				en: 'The test method is not designed to detect this failure mode or cause.',
				zh: '试验方法并非为检测该失效模式或原因而设计。',
			},
		},
		{
			rating: 8,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'New, unproven test method.',
				zh: '新的、未经验证的试验方法。',
			},
		},
		{
			rating: 7,
			level: { en: 'Low', zh: '低' },
			criteria: {
				en: 'Proven pass/fail test, run so late in development that a failure delays production for redesign or retooling.',
				zh: '经过验证的通过/不通过试验，但安排在开发后期，失败会因重新设计或改模而推迟量产。',
			},
		},
		{
			rating: 6,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Proven test-to-failure, run late in development.',
				zh: '经过验证的失效试验，安排在开发后期。',
			},
		},
		{
			rating: 5,
			level: { en: 'Moderate', zh: '中' },
			criteria: {
				en: 'Proven degradation test, run late in development.',
				zh: '经过验证的退化试验，安排在开发后期。',
			},
		},
		{
			rating: 4,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Proven pass/fail test, run early enough to change the design and tooling before production.',
				zh: '经过验证的通过/不通过试验，安排足够早，可在量产前修改设计和模具。',
			},
		},
		{
			rating: 3,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Proven test-to-failure, run early enough to change the design before production.',
				zh: '经过验证的失效试验，安排足够早，可在量产前修改设计。',
			},
		},
		{
			rating: 2,
			level: { en: 'High', zh: '高' },
			criteria: {
				en: 'Proven degradation test, run early enough to change the design before production.',
				zh: '经过验证的退化试验，安排足够早，可在量产前修改设计。',
			},
		},
		{
			rating: 1,
			level: { en: 'Very high', zh: '很高' },
			criteria: {
				en: 'Earlier testing confirmed the failure mode or cause cannot occur, or the method is proven to always detect it.',
				zh: '以往试验已确认该失效模式或原因不会发生，或检测方法已被证明总能发现它。',
			},
		},
	],
};
